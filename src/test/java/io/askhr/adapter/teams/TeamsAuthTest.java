package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.adapter.web.WebServer;
import io.askhr.config.Settings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Question;
import io.askhr.question.Reply;
import io.askhr.testing.FixtureKnowledge;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-tenant auth over real HTTP: tokens signed with locally generated RSA keys, OpenID metadata and JWKS served
 * on loopback, outbound tokens from the tenant's token endpoint, group lookup through a Graph stand-in.
 */
class TeamsAuthTest {

  static final String APP_ID = "00000000-0000-0000-0000-00000000a99";
  static final String TENANT = "tenant-1";
  static final String BOT_FRAMEWORK = "https://api.botframework.com";

  @TempDir static Path temp;
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<Question> asked = new CopyOnWriteArrayList<>();
  static final HttpClient http = HttpClient.newHttpClient();
  static MicrosoftStandIn microsoft;
  static WebServer server;
  static String endpoint;
  static KeyPair botFrameworkKey;
  static KeyPair tenantKey;
  static KeyPair forger;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    botFrameworkKey = generator.generateKeyPair();
    tenantKey = generator.generateKeyPair();
    forger = generator.generateKeyPair();
    microsoft = new MicrosoftStandIn();
    String base = microsoft.baseUrl();
    microsoft.serve("/botframework/openid", "{\"issuer\":\"" + BOT_FRAMEWORK + "\",\"jwks_uri\":\"" + base
        + "/botframework/keys\"}");
    microsoft.serve("/botframework/keys", jwks(botFrameworkKey, "bf-key", true));
    microsoft.serve("/" + TENANT + "/v2.0/.well-known/openid-configuration", "{\"issuer\":\"" + base + "/" + TENANT
        + "/v2.0\",\"jwks_uri\":\"" + base + "/" + TENANT + "/discovery/v2.0/keys\"}");
    microsoft.serve("/" + TENANT + "/discovery/v2.0/keys", jwks(tenantKey, "tenant-key", false));
    microsoft.graphGroups = "[\"grp-managers\",\"grp-de\"]";
    Path audiences = Files.writeString(temp.resolve("audiences.yml"), """
        audiences:
          managers:
            teams: [grp-managers]
        countries:
          DE:
            teams: [grp-de]
        """);
    Settings settings = Settings.fromEnvironment(Map.of(
        "MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "s3cret", "MICROSOFT_APP_TENANT_ID", TENANT,
        "MICROSOFT_LOGIN_URL", base, "MICROSOFT_OPENID_METADATA_URL", base + "/botframework/openid",
        "TEAMS_GRAPH_GROUPS", "true", "GRAPH_API_URL", base, "AUDIENCES_FILE", audiences.toString()),
        Optional.of(FixtureKnowledge.source()), Optional.empty());
    server = new WebServer(q -> null, () -> true, List.of(TeamsAdapter.webhook(settings, question -> {
      asked.add(question);
      return new Reply("Answer.", List.of(), 0.5, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
    }, new MemoryInsightStore())));
    endpoint = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/api/messages";
  }

  @AfterAll
  static void stop() {
    server.close();
    microsoft.close();
  }

  static String jwks(KeyPair pair, String kid, boolean endorsed) {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA").put("use", "sig").put("kid", kid)
        .put("n", base64Url(key.getModulus())).put("e", base64Url(key.getPublicExponent()));
    if (endorsed) {
      jwk.putArray("endorsements").add("msteams");
    }
    ObjectNode set = JSON.createObjectNode();
    set.putArray("keys").add(jwk);
    return set.toString();
  }

  static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static JWTCreator.Builder token(String issuer, String audience, Instant expires) {
    return JWT.create().withIssuer(issuer).withAudience(audience).withIssuedAt(Date.from(expires.minusSeconds(3600)))
        .withNotBefore(Date.from(expires.minusSeconds(3600))).withExpiresAt(Date.from(expires));
  }

  static String sign(JWTCreator.Builder token, String kid, KeyPair key) {
    return token.withKeyId(kid).sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(),
        (RSAPrivateKey) key.getPrivate()));
  }

  static String botFrameworkToken() {
    return sign(token(BOT_FRAMEWORK, APP_ID, Instant.now().plusSeconds(600)).withClaim("serviceurl",
        microsoft.baseUrl()), "bf-key", botFrameworkKey);
  }

  static ObjectNode message(String user, String text) {
    ObjectNode activity = JSON.createObjectNode();
    activity.put("type", "message").put("id", "m1").put("channelId", "msteams").put("serviceUrl", microsoft.baseUrl())
        .put("text", text);
    activity.putObject("from").put("id", "29:" + user).put("name", user).put("aadObjectId", "aad-" + user);
    activity.putObject("recipient").put("id", "28:" + APP_ID).put("name", "AskHR");
    activity.putObject("conversation").put("id", "a:" + user).put("conversationType", "personal")
        .put("tenantId", TENANT);
    return activity;
  }

  static int post(Optional<String> authorization, ObjectNode activity) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
    authorization.ifPresent(value -> request.header("Authorization", value));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void shouldAcceptAValidBotFrameworkTokenAndReplyWithATenantToken() throws Exception {
    // when
    int status = post(Optional.of("Bearer " + botFrameworkToken()), message("dana", "How much leave?"));

    // then
    assertEquals(202, status);
    MicrosoftStandIn.Call reply = microsoft.await(c -> c.path().startsWith("/v3/conversations/a:dana/"), 2).get(1);
    assertEquals("Bearer connector-token", reply.authorization());
    assertTrue(microsoft.calls().stream().anyMatch(c -> c.path().equals("/" + TENANT + "/oauth2/v2.0/token")));
    Question question = asked.stream().filter(q -> q.asker().id().equals("teams:tenant-1:aad-dana")).findFirst()
        .orElseThrow();
    assertEquals(Set.of("managers"), question.asker().groups());
    assertEquals(Optional.of("DE"), question.asker().country());
    MicrosoftStandIn.Call lookup = microsoft.calls().stream()
        .filter(c -> c.path().equals("/v1.0/users/aad-dana/checkMemberGroups")).findFirst().orElseThrow();
    assertEquals("Bearer graph-token", lookup.authorization());
  }

  @Test
  void shouldAcceptATokenIssuedByTheBotsOwnTenant() throws Exception {
    // given
    String token = sign(token("https://sts.windows.net/" + TENANT + "/", APP_ID, Instant.now().plusSeconds(600)),
        "tenant-key", tenantKey);

    // when
    int status = post(Optional.of("Bearer " + token), message("erin", "How much leave?"));

    // then
    assertEquals(202, status);
    microsoft.await(c -> c.path().startsWith("/v3/conversations/a:erin/"), 2);
  }

  @Test
  void shouldRefuseAForgedSignature() throws Exception {
    String forged = sign(token(BOT_FRAMEWORK, APP_ID, Instant.now().plusSeconds(600))
        .withClaim("serviceurl", microsoft.baseUrl()), "bf-key", forger);
    assertEquals(401, post(Optional.of("Bearer " + forged), message("mallory", "hi")));
  }

  @Test
  void shouldRefuseAnotherAudience() throws Exception {
    String other = sign(token(BOT_FRAMEWORK, "another-bot", Instant.now().plusSeconds(600))
        .withClaim("serviceurl", microsoft.baseUrl()), "bf-key", botFrameworkKey);
    assertEquals(401, post(Optional.of("Bearer " + other), message("mallory", "hi")));
  }

  @Test
  void shouldRefuseAnExpiredToken() throws Exception {
    String expired = sign(token(BOT_FRAMEWORK, APP_ID, Instant.now().minus(Duration.ofHours(1)))
        .withClaim("serviceurl", microsoft.baseUrl()), "bf-key", botFrameworkKey);
    assertEquals(401, post(Optional.of("Bearer " + expired), message("mallory", "hi")));
  }

  @Test
  void shouldRefuseAnotherTenantsToken() throws Exception {
    String foreign = sign(token("https://sts.windows.net/other-tenant/", APP_ID, Instant.now().plusSeconds(600)),
        "tenant-key", tenantKey);
    assertEquals(401, post(Optional.of("Bearer " + foreign), message("mallory", "hi")));
  }

  @Test
  void shouldRefuseATokenForAnotherServiceUrl() throws Exception {
    String elsewhere = sign(token(BOT_FRAMEWORK, APP_ID, Instant.now().plusSeconds(600))
        .withClaim("serviceurl", "https://smba.example/"), "bf-key", botFrameworkKey);
    assertEquals(401, post(Optional.of("Bearer " + elsewhere), message("mallory", "hi")));
  }

  @Test
  void shouldRefuseMissingOrMalformedHeaders() throws Exception {
    assertEquals(401, post(Optional.empty(), message("mallory", "hi")));
    assertEquals(401, post(Optional.of("Bearer not-a-jwt"), message("mallory", "hi")));
    assertEquals(401, post(Optional.of("Basic dXNlcjpwYXNz"), message("mallory", "hi")));
    assertTrue(asked.stream().noneMatch(q -> q.asker().id().contains("mallory")));
  }

  @Test
  void shouldAnswerFromEveryoneDocumentsWhenTheGroupLookupFails() throws Exception {
    // given
    microsoft.graphStatus = 503;
    try {
      // when
      post(Optional.of("Bearer " + botFrameworkToken()), message("frank", "How much leave?"));
      microsoft.await(c -> c.path().startsWith("/v3/conversations/a:frank/"), 2);
    } finally {
      microsoft.graphStatus = 200;
    }

    // then
    Question question = asked.stream().filter(q -> q.asker().id().endsWith("aad-frank")).findFirst().orElseThrow();
    assertEquals(Set.of(), question.asker().groups());
    assertEquals(Optional.empty(), question.asker().country());
  }
}

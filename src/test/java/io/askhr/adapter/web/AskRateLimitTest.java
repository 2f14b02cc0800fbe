package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.config.Settings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.AdmissionControl;
import io.askhr.question.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chat page's rate limit over real HTTP, keyed on who is asking: a client that changes or drops its
 * {@code conversationId}, or names a new address or user in a header, stays the same asker.
 */
class AskRateLimitTest {

  static final int PER_MINUTE = 3;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  final List<WebServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(WebServer::close);
  }

  /** A server as {@code serve} builds it, with admission control in front of a handler that always answers. */
  String serve(Map<String, String> env) {
    Settings settings = Settings.fromEnvironment(env, Optional.empty(), Optional.empty());
    AdmissionControl limited = new AdmissionControl(q -> new Reply("Twenty-five days.", List.of(), 0.8, Set.of(),
        Reply.Mode.EXTRACTIVE, List.of()), PER_MINUTE, 1000, 4, Duration.ofSeconds(1), Clock.systemUTC());
    WebServer server = new WebServer(limited, () -> true, List.of(), new MemoryInsightStore(), HrDashboard.off(),
        new PrometheusMetrics(), settings.web());
    servers.add(server);
    return "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  boolean answered(String base, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/ask"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return !json.readTree(response.body()).path("flags").toString().contains("refused");
  }

  int answeredOf(String base, List<String> bodies, List<Map<String, String>> headers) throws Exception {
    int answered = 0;
    for (int i = 0; i < bodies.size(); i++) {
      answered += answered(base, bodies.get(i), headers.get(i)) ? 1 : 0;
    }
    return answered;
  }

  @Test
  void shouldKeepTheLimitWhenTheClientChangesOrDropsItsConversationId() throws Exception {
    // given
    String base = serve(Map.of());

    // when: six questions, each in a new conversation or none
    List<String> bodies = List.of("{\"question\":\"leave?\",\"conversationId\":\"a\"}",
        "{\"question\":\"leave?\",\"conversationId\":\"b\"}", "{\"question\":\"leave?\"}",
        "{\"question\":\"leave?\",\"conversationId\":\"c\"}", "{\"question\":\"leave?\",\"conversationId\":\"d\"}",
        "{\"question\":\"leave?\"}");
    int answered = answeredOf(base, bodies, bodies.stream().map(b -> Map.<String, String>of()).toList());

    // then
    assertEquals(PER_MINUTE, answered);
  }

  @Test
  void shouldIgnoreForwardedHeadersFromAPeerThatIsNotATrustedProxy() throws Exception {
    // given: the proxy is 10.9.9.9; this client connects from 127.0.0.1
    String base = serve(Map.of("TRUSTED_PROXIES", "10.9.9.9", "TRUSTED_USER_HEADER", "X-Forwarded-User"));

    // when: every question claims another address and another user
    List<Map<String, String>> headers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      headers.add(Map.of("X-Forwarded-For", "10.0.0." + i, "X-Forwarded-User", "user" + i + "@example.com"));
    }
    int answered = answeredOf(base, List.of("{\"question\":\"leave?\"}", "{\"question\":\"leave?\"}",
        "{\"question\":\"leave?\"}", "{\"question\":\"leave?\"}", "{\"question\":\"leave?\"}",
        "{\"question\":\"leave?\"}"), headers);

    // then
    assertEquals(PER_MINUTE, answered);
  }

  @Test
  void shouldTellClientsApartByTheAddressATrustedProxyForwards() throws Exception {
    // given: this client (127.0.0.1) is the proxy
    String base = serve(Map.of("TRUSTED_PROXIES", "127.0.0.0/8"));
    String q = "{\"question\":\"leave?\"}";

    // when: 10.0.0.1 asks its three; then it prepends a made-up address to look like someone else
    for (int i = 0; i < PER_MINUTE; i++) {
      answered(base, q, Map.of("X-Forwarded-For", "10.0.0.1"));
    }
    boolean spoofed = answered(base, q, Map.of("X-Forwarded-For", "203.0.113.7, 10.0.0.1"));
    boolean other = answered(base, q, Map.of("X-Forwarded-For", "10.0.0.2"));

    // then: the right-most address the proxy saw is the asker
    assertEquals(false, spoofed);
    assertEquals(true, other);
  }

  @Test
  void shouldKeyOnTheUserTheSingleSignOnProxyNames() throws Exception {
    // given
    String base = serve(Map.of("TRUSTED_PROXIES", "127.0.0.1", "TRUSTED_USER_HEADER", "X-Auth-Request-Email"));
    String q = "{\"question\":\"leave?\"}";
    Map<String, String> alice = new HashMap<>(Map.of("X-Auth-Request-Email", "alice@example.com"));

    // when: alice asks her three from different conversations, then once more; bob shares her address
    for (int i = 0; i < PER_MINUTE; i++) {
      answered(base, "{\"question\":\"leave?\",\"conversationId\":\"c" + i + "\"}", alice);
    }
    boolean aliceAgain = answered(base, q, alice);
    boolean bob = answered(base, q, Map.of("X-Auth-Request-Email", "bob@example.com"));

    // then
    assertEquals(false, aliceAgain);
    assertEquals(true, bob);
  }
}

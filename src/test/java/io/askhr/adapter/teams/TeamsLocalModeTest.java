package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.adapter.web.WebServer;
import io.askhr.config.Settings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Question;
import io.askhr.question.Reply;
import io.askhr.testing.FixtureKnowledge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/messages} without {@code MICROSOFT_APP_ID}, over real HTTP: refused unless unauthenticated use is
 * allowed explicitly, and even then a caller cannot make the bot post to a host of its choosing.
 */
class TeamsLocalModeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();
  final List<Question> asked = new CopyOnWriteArrayList<>();
  final List<WebServer> servers = new ArrayList<>();
  MicrosoftStandIn microsoft;

  @BeforeEach
  void start() throws Exception {
    microsoft = new MicrosoftStandIn();
  }

  @AfterEach
  void stop() {
    servers.forEach(WebServer::close);
    microsoft.close();
  }

  String endpoint(Map<String, String> env) {
    Settings settings = Settings.fromEnvironment(env, Optional.of(FixtureKnowledge.source()), Optional.empty());
    WebServer server = new WebServer(q -> null, () -> true, List.of(TeamsAdapter.webhook(settings, question -> {
      asked.add(question);
      return Reply.refusal("Twenty-five days.");
    }, new MemoryInsightStore())));
    servers.add(server);
    return "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/api/messages";
  }

  static ObjectNode message(String serviceUrl) {
    ObjectNode activity = JSON.createObjectNode();
    activity.put("type", "message").put("id", "m-1").put("channelId", "msteams").put("serviceUrl", serviceUrl)
        .put("text", "How much leave?");
    activity.putObject("from").put("id", "29:mallory").put("name", "Mallory");
    activity.putObject("recipient").put("id", "28:askhr").put("name", "AskHR");
    activity.putObject("conversation").put("id", "a:personal-1").put("conversationType", "personal");
    return activity;
  }

  HttpResponse<String> post(String endpoint, ObjectNode activity) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldRefuseEveryRequestWithoutAnAppIdUnlessAllowedExplicitly() throws Exception {
    // given: no MICROSOFT_APP_ID, nothing else set
    String endpoint = endpoint(Map.of());

    // when: an anonymous caller posts a message, as the Emulator would
    HttpResponse<String> response = post(endpoint, message(microsoft.baseUrl()));

    // then
    assertEquals(401, response.statusCode());
    Awaitility.await("nothing asked and nothing sent").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .until(() -> asked.isEmpty() && microsoft.activities().isEmpty());
  }

  @Test
  void shouldReplyOnlyToLoopbackServiceUrlsWhenUnauthenticatedUseIsAllowed() throws Exception {
    // given
    String endpoint = endpoint(Map.of("TEAMS_ALLOW_UNAUTHENTICATED", "true"));

    // when: the caller names a host elsewhere as where the reply goes
    for (String elsewhere : List.of("https://attacker.example/", "http://203.0.113.9:8080/",
        "http://127.0.0.1.attacker.example/", "http://user@127.0.0.1:1/x", "file:///etc/passwd")) {
      // then
      assertEquals(401, post(endpoint, message(elsewhere)).statusCode(), elsewhere);
    }
    assertTrue(asked.isEmpty(), asked.toString());

    // and the Playground's own loopback connector is still answered
    assertEquals(202, post(endpoint, message(microsoft.baseUrl())).statusCode());
    assertEquals(1, microsoft.await(c -> c.body().path("type").asText().equals("message"), 1).size());
  }
}

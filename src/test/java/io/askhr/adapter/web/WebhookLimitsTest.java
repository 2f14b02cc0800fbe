package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.askhr.adapter.slack.SlackAdapter;
import io.askhr.adapter.teams.TeamsAdapter;
import io.askhr.config.Settings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.QuestionHandler;
import io.askhr.question.Reply;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile bodies on every endpoint: over 1 MB gets 413, malformed JSON 400; never a 500 or a stack trace. */
class WebhookLimitsTest {

  final HttpClient http = HttpClient.newHttpClient();
  final SlackStandIn slack = new SlackStandIn();
  SlackAdapter slackAdapter;
  WebServer server;
  String base;

  @BeforeEach
  void start() {
    Settings settings = Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-limits",
        "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl(),
        "TEAMS_ALLOW_UNAUTHENTICATED", "true"), Optional.empty(),
        Optional.empty());
    QuestionHandler handler = q -> Reply.refusal("unused");
    MemoryInsightStore store = new MemoryInsightStore();
    slackAdapter = new SlackAdapter(settings.slack().orElseThrow(), handler, store, store, settings.audienceMap(),
        settings.company(), settings.answers().hrContact());
    server = new WebServer(handler, () -> true, List.of(slackAdapter.webhook().orElseThrow(),
        TeamsAdapter.webhook(settings, handler, store)));
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
    slackAdapter.close();
    slack.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    long now = Instant.now().getEpochSecond();
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", String.valueOf(now))
        .header("X-Slack-Signature", SlackRequests.signature(SlackRequests.SIGNING_SECRET, now, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/slack/events", "/api/messages", "/api/ask"})
  void shouldRefuseBodiesOverOneMegabyteWith413(String path) throws Exception {
    // when
    HttpResponse<String> response = post(path, "{\"text\":\"" + "x".repeat(1_100_000) + "\"}");

    // then
    assertEquals(413, response.statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/slack/events", "/api/messages", "/api/ask"})
  void shouldRefuseMalformedJsonWith400AndNoStackTrace(String path) throws Exception {
    for (String body : List.of("{\"type\":", "[1,2", "\u0000\u0001garbage", "{\"type\":\"message\",\"text\":}")) {
      // when
      HttpResponse<String> response = post(path, body);

      // then
      assertEquals(400, response.statusCode(), path + " answered " + response.statusCode() + " to " + body);
      assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }
  }
}

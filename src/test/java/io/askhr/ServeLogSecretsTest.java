package io.askhr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.ServeProcess;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full {@code serve} run in its own JVM, with every secret configured and questions arriving from the web, Slack
 * events, a slash command and buttons, through a working and then a failing model: its captured logs must carry
 * none of the secrets and none of the employees' messages.
 */
class ServeLogSecretsTest {

  static final String PRIVATE = "zebra-private-4711";
  static final Map<String, String> SECRETS = Map.of(
      "SLACK_BOT_TOKEN", "xoxb-0000-SECRET-bot-token-5f1e",
      "SLACK_APP_TOKEN", "xapp-1-SECRET-app-token-9c2d",
      "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET,
      "LLM_API_KEY", "sk-SECRET-llm-key-3b7a",
      "HR_DASHBOARD_TOKEN", "SECRET-dashboard-token-8e4f-0123456789abcdef",
      "INSIGHT_SALT", "SECRET-insight-salt-1a6c");

  @TempDir Path temp;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldKeepSecretsAndMessageBodiesOutOfTheLogsOfAFullRun() throws Exception {
    try (SlackStandIn slack = new SlackStandIn(); LoopbackChatServer model = new LoopbackChatServer()) {
      // given a serve process with every secret set
      model.replyWith("Full-time employees get 25 days of annual leave [1].");
      int exit;
      Map<String, String> env = new HashMap<>(SECRETS);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("LLM_BASE_URL", model.baseUrl());
      ServeProcess serve = ServeProcess.start(env, FixtureKnowledge.copyTo(temp.resolve("knowledge")),
          temp.resolve("serve"));
      try {
        String base = serve.baseUrl();
        SlackRequests events = new SlackRequests(base + "/slack/events");

        // when questions arrive every way, through a working model
        post(base + "/api/ask", "{\"question\":\"How many days of annual leave do I get? " + PRIVATE + "\"}");
        events.json(SlackRequests.event("EvL1", SlackRequests.mention("U0EMP", "C0GEN", "1700000001.000100",
            "<@U0ASKHR> how many days of annual leave? " + PRIVATE)));
        events.json(SlackRequests.event("EvL2", SlackRequests.message("U0EMP", "D0EMP", "im", "1700000002.000100",
            null, "my grandmother died, how much leave? " + PRIVATE)));
        events.form(Map.of("command", "/askhr", "text", "parental leave " + PRIVATE, "team_id", "T0TEST",
            "user_id", "U0EMP", "channel_id", "C0GEN", "response_url", slack.responseUrl("c1"), "trigger_id", "t"));
        SlackStandIn.Call answered = slack.await("chat.update", c -> true);
        String answerId = SlackStandIn.blocks(answered).stream().filter(b -> b.path("type").asText()
            .equals("actions")).findFirst().orElseThrow().path("elements").get(2).path("value").asText();
        events.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GEN", answered.param("ts"), false,
            "askhr_talk_to_hr", answerId, slack.responseUrl("b1"))));
        events.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GEN", answered.param("ts"), false,
            "askhr_helpful", answerId, slack.responseUrl("b2"))));
        slack.awaitCount("chat.update", 2);
        // and through a failing model, a forged request and a malformed one
        model.status(500);
        post(base + "/api/ask", "{\"question\":\"How is severance calculated? " + PRIVATE + "\"}");
        events.send("{\"type\":\"event_callback\"}", "application/json", Instant.now().getEpochSecond(),
            "forged-secret", Map.of());
        events.json("{not json " + PRIVATE);
        slack.awaitCount("response_url", 2);
      } finally {
        exit = serve.stop();
      }

      // then
      String logs = serve.logs();
      assertTrue(logs.contains("AskHR is listening"), logs);
      assertTrue(logs.contains("Answered a Slack question"), logs);
      assertTrue(logs.contains("Drafting failed"), "the failing model was exercised:\n" + logs);
      SECRETS.forEach((name, secret) -> assertFalse(logs.contains(secret), name + " appears in the logs"));
      assertFalse(logs.contains(PRIVATE), "an employee's message appears in the logs:\n" + logs);
      assertTrue(exit == 0 || exit == 143, "exit status " + exit);
    }
  }

  private HttpResponse<String> post(String url, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

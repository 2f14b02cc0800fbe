package io.askhr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.HttpProbe;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.ServeProcess;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in its own JVM with JSON logs: SIGTERM while a web answer and a Slack answer wait for a slow model.
 * New connections are refused, both answers are still delivered, the process exits cleanly, and every log line of an
 * answer carries its request id.
 */
class ServeShutdownTest {

  static final String ANSWER = "Full-time employees get 25 days of annual leave [1].";

  @TempDir Path temp;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldDeliverAnswersInFlightWhenSigtermArrivesAndTagTheirLogLines() throws Exception {
    try (SlackStandIn slack = new SlackStandIn(); LoopbackChatServer model = new LoopbackChatServer()) {
      // given serve with JSON logs and a model that takes 6 s to answer
      model.replyWith(ANSWER).delay(Duration.ofSeconds(6));
      Map<String, String> env = Map.of("LOG_FORMAT", "json", "LLM_BASE_URL", model.baseUrl(),
          "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET,
          "SLACK_API_URL", slack.apiUrl());
      try (ServeProcess serve = ServeProcess.start(env, FixtureKnowledge.copyTo(temp.resolve("knowledge")),
          temp.resolve("serve"))) {
        String base = serve.baseUrl();
        CompletableFuture<HttpResponse<String>> web = http.sendAsync(HttpRequest.newBuilder(URI.create(base
            + "/api/ask")).header("Content-Type", "application/json").header("X-Request-Id", "web-req-00001")
            .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"How many days of annual leave do I get?\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ack = new SlackRequests(base + "/slack/events").json(SlackRequests.event("EvS1",
            SlackRequests.mention("U0EMP", "C0GEN", "1700000001.000100", "<@U0ASKHR> how many days of annual leave?")),
            Map.of("X-Request-Id", "slack-req-00001"));
        assertEquals(200, ack.statusCode());
        awaitModelRequests(model, 2);

        // when SIGTERM arrives while both answers wait for the model
        serve.process().destroy();
        HttpProbe.awaitRefused(base);

        // then both answers are still delivered, and serve exits cleanly
        HttpResponse<String> answered = web.get(30, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode());
        assertTrue(answered.body().contains("25 days of annual leave"), answered.body());
        SlackStandIn.Call update = slack.await("chat.update", c -> true);
        assertTrue(SlackStandIn.blocks(update).toString().contains("25 days of annual leave"), update.body());
        assertEquals("C0GEN", update.param("channel"));
        assertTrue(serve.process().waitFor(40, TimeUnit.SECONDS), "serve stops within its grace period");
        int exit = serve.process().exitValue();
        assertTrue(exit == 0 || exit == 143, "exit status " + exit);

        // and the logs are JSON lines; each answer's line carries the request id it came with
        List<JsonNode> lines = new ArrayList<>();
        for (String line : serve.logs().split("\n")) {
          if (!line.isBlank()) {
            lines.add(json.readTree(line));
          }
        }
        int stopping = indexOf(lines, "Stopping");
        int webLine = indexOf(lines, "Answered a web question");
        int slackLine = indexOf(lines, "Answered a Slack question");
        assertEquals("web-req-00001", lines.get(webLine).path("mdc").path("request_id").asText());
        assertEquals("slack-req-00001", lines.get(slackLine).path("mdc").path("request_id").asText());
        assertTrue(stopping < webLine && stopping < slackLine, "both answers finished after shutdown began");
        assertTrue(indexOf(lines, "AskHR stopped") > slackLine, "the index and store closed last");
        assertFalse(serve.logs().contains("How many days"), "no message bodies in the logs");
      }
    }
  }

  private static int indexOf(List<JsonNode> lines, String messageStart) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).path("formattedMessage").asText().startsWith(messageStart)) {
        return i;
      }
    }
    throw new AssertionError("no log line starts with '" + messageStart + "': " + lines);
  }

  private static void awaitModelRequests(LoopbackChatServer model, int count) {
    await("the model gets " + count + " requests").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> model.requests().size() >= count);
  }

}

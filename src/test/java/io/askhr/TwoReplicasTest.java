package io.askhr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.ServeProcess;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import io.askhr.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes sharing one PostgreSQL, as two Kubernetes replicas do: a Slack event delivered to both
 * is answered once, and feedback given through one shows on the other's HR dashboard.
 */
class TwoReplicasTest {

  static final String SCHEMA = "askhr_replicas_test";
  static final String DASHBOARD_TOKEN = "replica-test-dashboard-token-0123456789";

  @TempDir Path temp;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldAnswerAnEventOnceAndShareFeedbackAcrossReplicas() throws Exception {
    String databaseUrl = TestDatabase.freshSchema(SCHEMA);
    try (SlackStandIn slack = new SlackStandIn()) {
      // given two replicas with the same configuration and database
      Map<String, String> env = new HashMap<>();
      env.put("DATABASE_URL", databaseUrl);
      env.put("INSIGHT_SALT", "replica-test-salt");
      env.put("HR_DASHBOARD_TOKEN", DASHBOARD_TOKEN);
      env.put("SLACK_BOT_TOKEN", "xoxb-replica-test");
      env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
      CompletableFuture<ServeProcess> startingB = CompletableFuture.supplyAsync(() -> start(env, knowledge, "b"));
      try (ServeProcess a = start(env, knowledge, "a"); ServeProcess b = startingB.join()) {
        SlackRequests toA = new SlackRequests(a.baseUrl() + "/slack/events");
        SlackRequests toB = new SlackRequests(b.baseUrl() + "/slack/events");
        String event = SlackRequests.event("EvReplicas1", SlackRequests.mention("U0EMP", "C0GEN",
            "1700000500.000100", "<@U0ASKHR> how many days of annual leave do full-time employees get?"));

        // when Slack delivers the same event to both (a retry that lands on the other replica)
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> send(toA, event));
        HttpResponse<String> second = send(toB, event);

        // then both acknowledge, and exactly one answers
        assertEquals(200, first.join().statusCode());
        assertEquals(200, second.statusCode());
        SlackStandIn.Call answered = slack.await("chat.update", c -> true);
        // and no second answer follows while the other replica has had ample time to post one
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
            .until(() -> slack.calls("chat.postMessage").size() == 1 && slack.calls("chat.update").size() == 1);

        // when the employee presses 👍 on the answer, and replica A receives it
        String answerId = SlackStandIn.blocks(answered).stream().filter(x -> x.path("type").asText().equals("actions"))
            .findFirst().orElseThrow().path("elements").get(0).path("value").asText();
        toA.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GEN", answered.param("ts"), false,
            "askhr_helpful", answerId, slack.responseUrl("fb"))));

        // then replica B's dashboard counts it
        JsonNode totals = awaitHelpful(b, 1);
        assertEquals(1, totals.path("helpful").asInt());
        assertTrue(totals.path("answered").asInt() >= 1, totals.toString());
      }
    }
  }

  private ServeProcess start(Map<String, String> env, Path knowledge, String name) {
    try {
      return ServeProcess.start(env, knowledge, temp.resolve(name));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> send(SlackRequests requests, String body) {
    try {
      return requests.json(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls a replica's dashboard API until it shows the feedback (writes are buffered, so not instant). */
  private JsonNode awaitHelpful(ServeProcess replica, int helpful) {
    return await("replica B shows the feedback").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(replica.baseUrl()
              + "/hr/api/insight?days=1")).header("Authorization", "Bearer " + DASHBOARD_TOKEN).build(),
              HttpResponse.BodyHandlers.ofString());
          assertEquals(200, response.statusCode(), response.body());
          return json.readTree(response.body()).path("totals");
        }, totals -> totals.path("helpful").asInt() >= helpful);
  }
}

package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.adapter.web.WebServer;
import io.askhr.adapter.web.Webhook;
import io.askhr.config.Settings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.QuestionHandler;
import io.askhr.question.Reply;
import io.askhr.question.RequestId;
import io.askhr.testing.FixtureKnowledge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A Teams message accepted with 202 is still answered when shutdown starts, under its request's id. */
class TeamsShutdownTest {

  @Test
  void shouldFinishAnAcceptedMessageBeforeClosingAndAnswerUnderItsRequestId() throws Exception {
    try (MicrosoftStandIn microsoft = new MicrosoftStandIn()) {
      // given a Teams endpoint whose answer is still being worked out
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicReference<Optional<String>> requestId = new AtomicReference<>();
      QuestionHandler slow = question -> {
        requestId.set(RequestId.current());
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new Reply("Twenty-five days.", List.of(), 0.8, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
      };
      Webhook teams = TeamsAdapter.webhook(Settings.fromEnvironment(Map.of("TEAMS_ALLOW_UNAUTHENTICATED", "true"), Optional.of(FixtureKnowledge.source()),
          Optional.empty()), slow, new MemoryInsightStore());
      WebServer server = new WebServer(slow, () -> true, List.of(teams));
      int port = server.start("127.0.0.1", 0);
      HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/messages")).header("Content-Type", "application/json")
          .header("X-Request-Id", "teams-req-00001").POST(HttpRequest.BodyPublishers.ofString(message(microsoft)
              .toString())).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(202, accepted.statusCode());
      assertTrue(entered.await(30, TimeUnit.SECONDS));

      // when shutdown closes the server, then the adapter, as serve does
      Thread closing = new Thread(() -> {
        server.close();
        teams.close();
      }, "closing");
      closing.start();
      awaitWaitingForTurns(closing);
      release.countDown();
      closing.join(TimeUnit.SECONDS.toMillis(30));

      // then close returned only after the card was sent
      assertTrue(!closing.isAlive());
      assertTrue(microsoft.activities().stream().anyMatch(TeamsWebhookTest::isCard), microsoft.calls().toString());
      assertEquals(Optional.of("teams-req-00001"), requestId.get());
    }
  }

  /** Polls until the closing thread waits for the turn executor to finish. */
  private static void awaitWaitingForTurns(Thread closing) {
    Awaitility.await("close waiting for the Teams turns in flight").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Arrays.stream(closing.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitTermination")));
  }

  private static ObjectNode message(MicrosoftStandIn microsoft) {
    ObjectNode activity = new ObjectMapper().createObjectNode();
    activity.put("type", "message").put("id", "m-1").put("channelId", "msteams")
        .put("serviceUrl", microsoft.baseUrl()).put("text", "How many days of annual leave?");
    activity.putObject("from").put("id", "29:dana").put("name", "Dana Employee").put("aadObjectId", "aad-dana");
    activity.putObject("recipient").put("id", "28:askhr").put("name", "AskHR");
    activity.putObject("conversation").put("id", "a:personal-1").put("conversationType", "personal")
        .put("tenantId", "tenant-1");
    activity.putObject("channelData").putObject("tenant").put("id", "tenant-1");
    return activity;
  }
}

package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.config.AudienceMap;
import io.askhr.config.SlackSettings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Question;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Socket Mode against the stand-in: apps.connections.open, hello, event envelopes and the acks that answer them. */
class SlackSocketModeTest {

  final SlackStandIn slack = new SlackStandIn();
  final List<Question> asked = new CopyOnWriteArrayList<>();
  SlackAdapter adapter;

  @AfterEach
  void stop() {
    if (adapter != null) {
      adapter.close();
    }
    slack.close();
  }

  @Test
  void shouldAckEnvelopesAndAnswerOverTheWebApi() throws Exception {
    // given
    adapter = new SlackAdapter(new SlackSettings("xoxb-test-token", Optional.empty(), Optional.of("xapp-1-test"),
        Optional.of(slack.apiUrl()), Optional.empty()), question -> {
          asked.add(question);
          return SlackEventsApiTest.answer("Full-time staff get 25 days of leave [1].");
        }, new MemoryInsightStore(), new MemoryInsightStore(), AudienceMap.none(), "Brightwater Systems", "HR");
    assertTrue(adapter.webhook().isEmpty(), "no signing secret, so no Events API endpoint");

    // when
    adapter.start();
    slack.awaitSocket();
    slack.sendEnvelope("{\"envelope_id\":\"env-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
        + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + SlackRequests.event("EvS1",
        SlackRequests.mention("U0EMP", "C0GENERAL", "1700000100.000100", "<@U0ASKHR> how many days of leave?"))
        + "}");
    slack.sendEnvelope("{\"envelope_id\":\"env-2\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
        + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T0TEST\",\"channel_id\":\"C0GENERAL\",\"user_id\":\"U0EMP\","
        + "\"command\":\"/askhr\",\"text\":\"parental leave?\",\"response_url\":\"" + slack.responseUrl("sock1")
        + "\",\"trigger_id\":\"1.2.3\"}}");

    // then
    SlackStandIn.Call update = slack.await("chat.update", c -> true);
    assertTrue(update.param("blocks").contains("25 days of leave"));
    assertEquals("1700000100.000100", slack.calls("chat.postMessage").get(0).param("thread_ts"));
    slack.await("response_url", c -> c.body().contains("25 days of leave"));
    List<String> acks = Awaitility.await("both envelopes acknowledged").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20)).until(slack::socketAcks, all -> all.size() >= 2);
    assertTrue(acks.stream().anyMatch(a -> a.contains("\"envelope_id\":\"env-1\"")), acks.toString());
    String commandAck = acks.stream().filter(a -> a.contains("env-2")).findFirst().orElseThrow();
    assertTrue(commandAck.contains(Delivery.PLACEHOLDER), commandAck);
    assertEquals(2, asked.size());
    assertTrue(slack.calls("apps.connections.open").size() >= 1);
  }
}

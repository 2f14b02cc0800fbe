package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.adapter.web.WebServer;
import io.askhr.config.AudienceMap;
import io.askhr.config.SlackSettings;
import io.askhr.insight.Escalation;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Citation;
import io.askhr.question.Platform;
import io.askhr.question.Question;
import io.askhr.question.Reply;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Events API path end to end: signed requests over HTTP, Bolt, the listeners, and a stand-in for slack.com. */
class SlackEventsApiTest {

  static final String HR_CHANNEL = "C0HRDESK";
  static final String HR_CONTACT = "the People team (people@brightwater.example)";

  final SlackStandIn slack = new SlackStandIn();
  final MemoryInsightStore insight = new MemoryInsightStore();
  final List<Question> asked = new CopyOnWriteArrayList<>();
  final ObjectMapper json = new ObjectMapper();
  volatile Function<Question, Reply> replies = q -> answer("Full-time staff get 25 days of leave [1].");
  SlackAdapter adapter;
  WebServer server;
  SlackRequests requests;

  @BeforeEach
  void start() {
    slack.group("S0MANAGERS", "U0MANAGER");
    AudienceMap audiences = new AudienceMap(Map.of("managers", Map.of(Platform.SLACK, Set.of("S0MANAGERS"))),
        Map.of());
    adapter = new SlackAdapter(new SlackSettings("xoxb-test-token", Optional.of(SlackRequests.SIGNING_SECRET),
        Optional.empty(), Optional.of(slack.apiUrl()), Optional.of(HR_CHANNEL)), question -> {
          asked.add(question);
          return replies.apply(question);
        }, insight, insight, audiences, "Brightwater Systems", HR_CONTACT);
    server = new WebServer(q -> answer("unused"), () -> true, List.of(adapter.webhook().orElseThrow()));
    requests = new SlackRequests("http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/slack/events");
  }

  @AfterEach
  void stop() {
    server.close();
    adapter.close();
    slack.close();
  }

  static Reply answer(String text, Reply.Flag... flags) {
    return new Reply(text, List.of(new Citation(1, "leave/annual-leave.md", "Annual leave", "Entitlement", 0,
        Optional.of(LocalDate.of(2026, 1, 1)), Optional.of("https://intranet.example/leave"), "25 days")), 0.7,
        Set.of(flags), Reply.Mode.EXTRACTIVE, List.of());
  }

  private SlackStandIn.Call mentionAnswered(String eventId, String user, String ts, String text) throws Exception {
    HttpResponse<String> ack = requests.json(SlackRequests.event(eventId,
        SlackRequests.mention(user, "C0GENERAL", ts, text)));
    assertEquals(200, ack.statusCode());
    return slack.await("chat.update", c -> true);
  }

  private static JsonNode actions(List<JsonNode> blocks) {
    return blocks.stream().filter(b -> b.path("type").asText().equals("actions")).findFirst().orElseThrow();
  }

  @Test
  void shouldAnswerUrlVerificationWithTheChallenge() throws Exception {
    // when
    HttpResponse<String> response = requests.json("{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3"
        + "gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");

    // then
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), response.body());
  }

  @Test
  void shouldRefuseAForgedSignatureAndAStaleTimestampWith401BeforeAnyListenerRuns() throws Exception {
    // given
    String body = SlackRequests.event("Ev0FORGED", SlackRequests.mention("U0EMP", "C0GENERAL", "1.1", "hi"));
    long now = Instant.now().getEpochSecond();

    // when
    HttpResponse<String> forged = requests.send(body, "application/json", now, "not-the-secret", Map.of());
    HttpResponse<String> stale = requests.send(body, "application/json", now - 6 * 60, SlackRequests.SIGNING_SECRET,
        Map.of());
    HttpResponse<String> unsigned = requests.send(body, "application/json", now, SlackRequests.SIGNING_SECRET,
        Map.of("X-Slack-Signature", "v0=deadbeef"));

    // then
    assertEquals(401, forged.statusCode());
    assertEquals(401, stale.statusCode());
    assertEquals(401, unsigned.statusCode());
    Awaitility.await("nothing asked and nothing posted").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .until(() -> asked.isEmpty() && slack.calls("chat.postMessage").isEmpty());
  }

  @Test
  void shouldRefuseMalformedJsonWith400() throws Exception {
    // when
    HttpResponse<String> response = requests.json("{\"type\":\"event_callback\",\"event\":");

    // then
    assertEquals(400, response.statusCode());
    assertFalse(response.body().contains("Exception"), response.body());
  }

  @Test
  void shouldAnswerAMentionInItsThreadWithPlaceholderThenBlocks() throws Exception {
    // when
    SlackStandIn.Call update = mentionAnswered("Ev1", "U0EMP", "1700000001.000100",
        "<@U0ASKHR> how many days of leave do I get?");

    // then the placeholder went into the mention's thread and was replaced by the answer
    SlackStandIn.Call placeholder = slack.calls("chat.postMessage").get(0);
    assertEquals("C0GENERAL", placeholder.param("channel"));
    assertEquals("1700000001.000100", placeholder.param("thread_ts"));
    assertEquals(Delivery.PLACEHOLDER, placeholder.param("text"));
    assertEquals(slack.calls("chat.postMessage").size(), 1);
    assertEquals("C0GENERAL", update.param("channel"));
    List<JsonNode> blocks = SlackStandIn.blocks(update);
    assertEquals("Full-time staff get 25 days of leave [1].", blocks.get(0).path("text").path("text").asText());
    String sources = blocks.get(1).path("elements").get(0).path("text").asText();
    assertTrue(sources.contains("<https://intranet.example/leave|Annual leave> › Entitlement"), sources);
    assertTrue(sources.contains("effective 2026-01-01"), sources);
    List<String> buttons = actions(blocks).path("elements").findValuesAsText("action_id");
    assertEquals(List.of(AnswerBlocks.HELPFUL, AnswerBlocks.NOT_HELPFUL, AnswerBlocks.TALK_TO_HR), buttons);
    // and the engine got the question without the mention, from a fail-closed asker
    Question question = asked.get(0);
    assertEquals("how many days of leave do I get?", question.text());
    assertEquals(Platform.SLACK, question.platform());
    assertEquals("slack:T0TEST:U0EMP", question.asker().id());
    assertTrue(question.asker().groups().isEmpty());
    assertEquals(1, insight.answers().size());
  }

  @Test
  void shouldProcessARetriedEventOnce() throws Exception {
    // given
    String body = SlackRequests.event("Ev2RETRY", SlackRequests.mention("U0EMP", "C0GENERAL", "1700000002.000100",
        "<@U0ASKHR> leave?"));

    // when
    requests.json(body);
    requests.json(body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    requests.json(body, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"));
    slack.await("chat.update", c -> true);

    // then the retries are not answered again, however long one waits
    Awaitility.await("one question, one answer").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> asked.size() == 1 && slack.calls("chat.postMessage").size() == 1);
  }

  @Test
  void shouldAnswerADirectMessageInTheConversationAndRememberItForFollowUps() throws Exception {
    // when
    requests.json(SlackRequests.event("Ev3", SlackRequests.message("U0EMP", "D0EMP", "im", "1700000003.000100", null,
        "How many days of leave?")));
    slack.await("chat.update", c -> true);
    requests.json(SlackRequests.event("Ev4", SlackRequests.message("U0EMP", "D0EMP", "im", "1700000004.000100", null,
        "and for part-timers?")));
    slack.awaitCount("chat.update", 2);

    // then
    SlackStandIn.Call placeholder = slack.calls("chat.postMessage").get(0);
    assertEquals("D0EMP", placeholder.param("channel"));
    assertNull(placeholder.param("thread_ts"));
    assertEquals(2, asked.size());
    assertEquals(2, asked.get(1).history().size());
    assertEquals("How many days of leave?", asked.get(1).history().get(0).text());
  }

  @Test
  void shouldTreatRepliesInAThreadItAnsweredAsFollowUpsAndIgnoreOtherThreadsBotsAndEdits() throws Exception {
    // given
    mentionAnswered("Ev5", "U0EMP", "1700000005.000100", "<@U0ASKHR> how many days of leave?");

    // when
    requests.json(SlackRequests.event("Ev6", SlackRequests.message("U0EMP", "C0GENERAL", "channel",
        "1700000006.000100", "1700000005.000100", "and for part-timers?")));
    requests.json(SlackRequests.event("Ev7", SlackRequests.message("U0EMP", "C0GENERAL", "channel",
        "1700000007.000100", "1699999999.000100", "unrelated thread chatter")));
    requests.json(SlackRequests.event("Ev8", SlackRequests.message("U0EMP", "C0GENERAL", "channel",
        "1700000008.000100", null, "top-level chatter")));
    requests.json(SlackRequests.event("Ev9", "{\"type\":\"message\",\"subtype\":\"bot_message\",\"bot_id\":\"B0OTHER\","
        + "\"text\":\"beep\",\"ts\":\"1700000009.000100\",\"channel\":\"D0EMP\",\"channel_type\":\"im\"}"));
    requests.json(SlackRequests.event("Ev10", "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":"
        + "\"D0EMP\",\"channel_type\":\"im\",\"ts\":\"1700000010.000100\",\"message\":{\"type\":\"message\",\"user\":"
        + "\"U0EMP\",\"text\":\"edited\",\"ts\":\"1700000003.000100\"},\"previous_message\":{\"type\":\"message\","
        + "\"user\":\"U0EMP\",\"text\":\"old\",\"ts\":\"1700000003.000100\"}}"));
    requests.json(SlackRequests.event("Ev11", SlackRequests.message(SlackStandIn.BOT_USER, "D0EMP", "im",
        "1700000011.000100", null, "my own words")));
    slack.awaitCount("chat.update", 2);

    // then only the two questions are answered, however long one waits
    Awaitility.await("two questions asked").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> asked.size() == 2);
    assertEquals(2, asked.size());
    assertEquals("and for part-timers?", asked.get(1).text());
    assertEquals(2, asked.get(1).history().size());
    assertEquals("1700000005.000100", slack.calls("chat.postMessage").get(1).param("thread_ts"));
  }

  @Test
  void shouldReplaceThePlaceholderWithAnApologyWhenAnsweringFails() throws Exception {
    // given
    replies = q -> {
      throw new IllegalStateException("index exploded");
    };

    // when
    SlackStandIn.Call update = mentionAnswered("Ev12", "U0EMP", "1700000012.000100", "<@U0ASKHR> leave?");

    // then
    assertTrue(update.param("text").startsWith("Sorry, something went wrong"), update.param("text"));
    assertTrue(update.param("text").contains(HR_CONTACT));
    assertEquals(slack.calls("chat.postMessage").get(0).param("channel"), update.param("channel"));
  }

  @Test
  void shouldAnswerASensitiveQuestionInAChannelPrivatelyWithoutRepeatingIt() throws Exception {
    // given
    replies = q -> answer("You can take compassionate leave [1].", Reply.Flag.SENSITIVE);

    // when
    SlackStandIn.Call update = mentionAnswered("Ev13", "U0EMP", "1700000013.000100",
        "<@U0ASKHR> my mother is dying, can I take time off?");

    // then
    SlackStandIn.Call privately = slack.await("chat.postEphemeral", c -> true);
    assertEquals("U0EMP", privately.param("user"));
    assertEquals("C0GENERAL", privately.param("channel"));
    assertTrue(SlackStandIn.blocks(privately).get(0).path("text").path("text").asText().contains("compassionate"));
    assertEquals(ThreadDelivery.ANSWERED_PRIVATELY, update.param("text"));
    assertFalse(update.param("blocks").contains("mother"));
  }

  @Test
  void shouldMapSlackUserGroupsToDocumentAudiences() throws Exception {
    // when
    mentionAnswered("Ev14", "U0MANAGER", "1700000014.000100", "<@U0ASKHR> how do I approve a pay rise?");

    // then
    assertEquals(Set.of("managers"), asked.get(0).asker().groups());
    assertEquals("S0MANAGERS", slack.calls("usergroups.users.list").get(0).param("usergroup"));
  }

  @Test
  void shouldFailClosedToEveryoneDocumentsWhenTheGroupLookupFails() throws Exception {
    // given
    slack.fail("usergroups.users.list");

    // when
    mentionAnswered("Ev14b", "U0MANAGER", "1700000014.000200", "<@U0ASKHR> how do I approve a pay rise?");

    // then
    assertTrue(asked.get(0).asker().groups().isEmpty());
  }

  @Test
  void shouldAnswerTheSlashCommandPrivatelyWithAShareButton() throws Exception {
    // when
    HttpResponse<String> ack = requests.form(Map.of("command", "/askhr", "text", "how many days of leave?",
        "team_id", "T0TEST", "user_id", "U0EMP", "channel_id", "C0GENERAL", "channel_name", "general",
        "response_url", slack.responseUrl("cmd1"), "trigger_id", "1.2.3", "token", "legacy"));

    // then
    assertEquals(200, ack.statusCode());
    assertTrue(ack.body().contains(Delivery.PLACEHOLDER), ack.body());
    SlackStandIn.Call answer = slack.await("response_url", c -> true);
    JsonNode body = json.readTree(answer.body());
    assertEquals("ephemeral", body.path("response_type").asText());
    assertTrue(body.path("replace_original").asBoolean());
    List<String> buttons = body.path("blocks").findValuesAsText("action_id");
    assertTrue(buttons.contains(AnswerBlocks.SHARE), buttons.toString());
    assertEquals("how many days of leave?", asked.get(0).text());

    // when the employee shares it
    String answerId = body.path("blocks").findValues("value").get(0).asText();
    requests.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GENERAL", "1700000015.000100", true,
        AnswerBlocks.SHARE, answerId, slack.responseUrl("share1"))));

    // then
    SlackStandIn.Call shared = slack.await("response_url", c -> c.body().contains("in_channel"));
    JsonNode sharedBody = json.readTree(shared.body());
    assertTrue(sharedBody.path("delete_original").asBoolean());
    assertTrue(sharedBody.path("blocks").toString().contains("25 days of leave"));
    assertFalse(sharedBody.path("blocks").toString().contains(AnswerBlocks.HELPFUL));
  }

  @Test
  void shouldLabelAGermanAnswerAndThankForItsFeedbackInGerman() throws Exception {
    // given: the answer flow answered in German
    replies = q -> new Reply("Vollzeitbeschäftigte erhalten 25 Urlaubstage [1].", answer("x").citations(), 0.7,
        Set.of(), Reply.Mode.EXTRACTIVE, List.of(), Locale.GERMAN);

    // when
    SlackStandIn.Call update = mentionAnswered("Ev16de", "U0EMP", "1700000016.000200",
        "<@U0ASKHR> Wie viele Urlaubstage habe ich?");

    // then: Block Kit with German labels
    List<JsonNode> blocks = SlackStandIn.blocks(update);
    List<String> labels = new ArrayList<>();
    actions(blocks).path("elements").forEach(b -> labels.add(b.path("text").path("text").asText()));
    assertEquals(List.of("👍 Hilfreich", "👎 Nicht hilfreich", "Mit HR sprechen"), labels);
    String sources = blocks.get(1).path("elements").get(0).path("text").asText();
    assertTrue(sources.startsWith("*Quellen*"), sources);
    assertTrue(sources.contains("gültig ab 2026-01-01"), sources);
    assertFalse(blocks.toString().contains("Helpful") || sources.contains("effective"), blocks.toString());

    // when the employee presses 👍
    String answerId = actions(blocks).path("elements").get(0).path("value").asText();
    requests.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GENERAL", update.param("ts"), false,
        AnswerBlocks.HELPFUL, answerId, slack.responseUrl("fb-de"))));

    // then
    SlackStandIn.Call thanks = slack.await("response_url", c -> c.body().contains("Danke"));
    assertTrue(thanks.body().contains("Danke! Schön, dass es geholfen hat."), thanks.body());

    // when the employee asks to talk to HR
    requests.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GENERAL", update.param("ts"), false,
        AnswerBlocks.TALK_TO_HR, actions(blocks).path("elements").get(2).path("value").asText(),
        slack.responseUrl("hr-de"))));

    // then the employee is told in German
    slack.await("response_url", c -> c.body().contains("Ich habe Ihre Frage an HR weitergegeben."));
  }

  @Test
  void shouldStoreFeedbackFromTheThumbButtons() throws Exception {
    // given
    SlackStandIn.Call update = mentionAnswered("Ev16", "U0EMP", "1700000016.000100", "<@U0ASKHR> leave?");
    String answerId = actions(SlackStandIn.blocks(update)).path("elements").get(0).path("value").asText();

    // when
    HttpResponse<String> ack = requests.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GENERAL",
        update.param("ts"), false, AnswerBlocks.NOT_HELPFUL, answerId, slack.responseUrl("fb1"))));

    // then
    assertEquals(200, ack.statusCode());
    SlackStandIn.Call thanks = slack.await("response_url", c -> c.body().contains("Thanks"));
    assertTrue(thanks.body().contains("\"ephemeral\""));
    assertEquals(1, insight.feedback().size());
    assertEquals(answerId, insight.feedback().get(0).answerId());
    assertFalse(insight.feedback().get(0).helpful());
    assertEquals(insight.answers().get(0).id(), answerId);
  }

  @Test
  void shouldEscalateToTheHrChannelAndTellTheEmployeeWhenResolved() throws Exception {
    // given
    SlackStandIn.Call update = mentionAnswered("Ev17", "U0EMP", "1700000017.000100",
        "<@U0ASKHR> will my role be cut in the reorganisation?");
    JsonNode talk = actions(SlackStandIn.blocks(update)).path("elements").get(2);

    // when the employee presses Talk to HR
    requests.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GENERAL", update.param("ts"), false,
        AnswerBlocks.TALK_TO_HR, talk.path("value").asText(), slack.responseUrl("hr1"))));

    // then HR's channel gets the question, the answer, a permalink and a Mark resolved button
    SlackStandIn.Call posted = slack.await("chat.postMessage", c -> HR_CHANNEL.equals(c.param("channel")));
    String blocks = posted.param("blocks");
    assertTrue(blocks.contains("will my role be cut in the reorganisation?"), blocks);
    assertTrue(blocks.contains("25 days of leave"), blocks);
    assertTrue(blocks.contains("https://brightwater.slack.example/archives/C0GENERAL/p"), blocks);
    assertTrue(blocks.contains(AnswerBlocks.MARK_RESOLVED), blocks);
    slack.await("response_url", c -> c.body().contains("passed your question to HR"));
    Escalation open = insight.escalation(SlackStandIn.blocks(posted).stream()
        .filter(b -> b.path("type").asText().equals("actions")).findFirst().orElseThrow()
        .path("elements").get(0).path("value").asText()).orElseThrow();
    assertEquals(Escalation.Status.OPEN, open.status());

    // when HR marks it resolved, twice
    String press = SlackRequests.buttonPress("U0HRPERSON", HR_CHANNEL, "1700000099.000001", false,
        AnswerBlocks.MARK_RESOLVED, open.id(), slack.responseUrl("hr2"));
    requests.form(Map.of("payload", press));
    SlackStandIn.Call told = slack.await("chat.postMessage", c -> "U0EMP".equals(c.param("channel")));
    requests.form(Map.of("payload", press));

    // then the employee is told once and HR's message shows who resolved it
    assertTrue(told.param("text").contains("resolved"));
    SlackStandIn.Call marked = slack.await("chat.update", c -> HR_CHANNEL.equals(c.param("channel")));
    assertTrue(SlackStandIn.blocks(marked).toString().contains("Resolved by <@U0HRPERSON>"));
    assertEquals(Escalation.Status.RESOLVED, insight.escalation(open.id()).orElseThrow().status());
    slack.await("response_url", c -> c.body().contains("already resolved"));
    assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> "U0EMP".equals(c.param("channel"))).count());
  }

  @Test
  void shouldPublishTheAppHomeWithExamplesAndTheHrContact() throws Exception {
    // when
    requests.json(SlackRequests.event("Ev18", "{\"type\":\"app_home_opened\",\"user\":\"U0EMP\",\"channel\":"
        + "\"D0EMP\",\"tab\":\"home\",\"event_ts\":\"1700000018.000100\"}"));

    // then
    SlackStandIn.Call published = slack.await("views.publish", c -> true);
    assertEquals("U0EMP", published.param("user_id"));
    JsonNode view = json.readTree(published.param("view"));
    assertEquals("home", view.path("type").asText());
    assertTrue(view.toString().contains(AppHome.EXAMPLES.get(0)));
    assertTrue(view.toString().contains("people@brightwater.example"));
  }
}

package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.adapter.web.WebServer;
import io.askhr.adapter.web.Webhook;
import io.askhr.adapter.web.WebhookRequest;
import io.askhr.config.Settings;
import io.askhr.insight.Escalation;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Citation;
import io.askhr.question.Messages;
import io.askhr.question.Question;
import io.askhr.question.QuestionHandler;
import io.askhr.question.Reply;
import io.askhr.testing.FixtureKnowledge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/messages} over real HTTP in local mode, with a Bot Connector stand-in recording the replies. */
class TeamsWebhookTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HR_CONVERSATION = "19:hr-team@thread.tacv2";

  final List<Question> asked = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  final MemoryInsightStore store = new MemoryInsightStore();
  final QuestionHandler handler = question -> {
    asked.add(question);
    if (question.text().contains("boom")) {
      throw new IllegalStateException("index unavailable");
    }
    Set<Reply.Flag> flags = question.text().contains("grievance") ? Set.of(Reply.Flag.SENSITIVE) : Set.of();
    // a question in German gets a German reply, as the answer flow would give
    Locale language = question.text().contains("Sonderurlaub") ? Locale.GERMAN : Locale.ENGLISH;
    return new Reply("You get five days [1].", List.of(new Citation(1, "leave/bereavement.md", "Compassionate leave",
        "When a close relative dies", 0, Optional.of(LocalDate.of(2026, 1, 1)),
        Optional.of("https://intranet.example/leave"), "up to five days")), 0.8, flags, Reply.Mode.EXTRACTIVE,
        List.of(), language);
  };
  MicrosoftStandIn microsoft;
  WebServer server;
  String endpoint;

  @BeforeEach
  void start() throws Exception {
    microsoft = new MicrosoftStandIn();
    server = new WebServer(handler, () -> true, List.of(webhook(Optional.of(microsoft.baseUrl()))));
    endpoint = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/api/messages";
  }

  @AfterEach
  void stop() {
    server.close();
    microsoft.close();
  }

  /** @param hrServiceUrl where HR's channel is reached; empty: no HR channel configured */
  Webhook webhook(Optional<String> hrServiceUrl) {
    Map<String, String> env = new HashMap<>(Map.of("HR_CONTACT", "the People team (people@example.test)",
        "TEAMS_ALLOW_UNAUTHENTICATED", "true"));
    if (hrServiceUrl.isPresent()) {
      env.put("HR_ESCALATION_TEAMS_CONVERSATION", "{\"serviceUrl\":\"" + hrServiceUrl.get() + "\",\"channelId\":"
          + "\"msteams\",\"conversation\":{\"id\":\"" + HR_CONVERSATION + "\",\"conversationType\":\"channel\"},"
          + "\"bot\":{\"id\":\"28:askhr\",\"name\":\"AskHR\"}}");
    }
    Settings settings = Settings.fromEnvironment(env, Optional.of(FixtureKnowledge.source()), Optional.empty());
    return TeamsAdapter.webhook(settings, handler, store);
  }

  /** A Teams message activity as the Bot Connector posts it. */
  ObjectNode message(String conversationId, String conversationType, String text) {
    ObjectNode activity = JSON.createObjectNode();
    activity.put("type", "message").put("id", "m-" + System.nanoTime()).put("channelId", "msteams")
        .put("serviceUrl", microsoft.baseUrl()).put("text", text);
    activity.putObject("from").put("id", "29:dana").put("name", "Dana Employee").put("aadObjectId", "aad-dana");
    activity.putObject("recipient").put("id", "28:askhr").put("name", "AskHR");
    activity.putObject("conversation").put("id", conversationId).put("conversationType", conversationType)
        .put("tenantId", "tenant-1");
    activity.putObject("channelData").putObject("tenant").put("id", "tenant-1");
    return activity;
  }

  /** A button press on a card: Action.Submit arrives as a message with a value. */
  ObjectNode submit(String conversationId, String replyToId, JsonNode data) {
    ObjectNode activity = message(conversationId, "personal", null);
    activity.remove("text");
    activity.put("replyToId", replyToId);
    activity.set("value", data);
    return activity;
  }

  HttpResponse<String> post(Object body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode card(MicrosoftStandIn.Call call) {
    return call.body().path("attachments").path(0).path("content");
  }

  static boolean isCard(MicrosoftStandIn.Call call) {
    return card(call).path("type").asText().equals("AdaptiveCard");
  }

  /** The AI message entity of an activity, or a missing node. */
  static JsonNode aiEntity(MicrosoftStandIn.Call call) {
    for (JsonNode entity : call.body().path("entities")) {
      if (entity.path("type").asText().equals("https://schema.org/Message")) {
        return entity;
      }
    }
    return JSON.missingNode();
  }

  /** An answer: a message labelled as AI-generated (a native AI message or a card). */
  static boolean isAnswer(MicrosoftStandIn.Call call) {
    return call.body().path("type").asText().equals("message") && !aiEntity(call).isMissingNode();
  }

  @Test
  void shouldAnswerAPersonalChatWithAnAiMessageCarryingNativeCitationsAndTeamsThumbs() throws Exception {
    // when
    HttpResponse<String> response = post(message("a:personal-1", "personal", "How much compassionate leave?"));

    // then: the stream opens with an informative update, and the final message ends it
    assertEquals(202, response.statusCode());
    List<MicrosoftStandIn.Call> sent = microsoft.await(c -> true, 2);
    JsonNode informative = sent.get(0).body();
    assertEquals("typing", informative.path("type").asText());
    assertEquals("Searching our policies…", informative.path("text").asText());
    assertEquals("streaminfo", informative.path("entities").path(0).path("type").asText());
    assertEquals("informative", informative.path("entities").path(0).path("streamType").asText());
    assertEquals(1, informative.path("entities").path(0).path("streamSequence").asInt());
    assertTrue(sent.get(0).path().startsWith("/v3/conversations/a:personal-1/activities"));
    String streamId = sent.get(0).responseId();
    JsonNode answer = sent.get(1).body();
    assertEquals("message", answer.path("type").asText());
    assertEquals("You get five days [1].", answer.path("text").asText());
    JsonNode ai = aiEntity(sent.get(1));
    assertEquals("Message", ai.path("@type").asText());
    assertEquals("https://schema.org", ai.path("@context").asText());
    assertEquals("[\"AIGeneratedContent\"]", ai.path("additionalType").toString());
    JsonNode claim = ai.path("citation").path(0);
    assertEquals("Claim", claim.path("@type").asText());
    assertEquals(1, claim.path("position").asInt());
    assertEquals("DigitalDocument", claim.path("appearance").path("@type").asText());
    assertEquals("Compassionate leave", claim.path("appearance").path("name").asText());
    assertEquals("up to five days", claim.path("appearance").path("abstract").asText());
    assertEquals("https://intranet.example/leave", claim.path("appearance").path("url").asText());
    assertEquals("[\"When a close relative dies\",\"effective 2026-01-01\"]",
        claim.path("appearance").path("keywords").toString());
    JsonNode streamInfo = answer.path("entities").findParents("type").stream()
        .filter(e -> e.path("type").asText().equals("streaminfo")).findFirst().orElseThrow();
    assertEquals("final", streamInfo.path("streamType").asText());
    assertEquals(streamId, streamInfo.path("streamId").asText());
    assertTrue(answer.path("channelData").path("feedbackLoopEnabled").asBoolean(), answer.toString());
    assertEquals(List.of("Talk to HR"), card(sent.get(1)).path("actions").findValuesAsText("title"));
    assertEquals(1, store.answers().size());
    assertEquals("teams:tenant-1:aad-dana", store.answers().get(0).askerId());
    assertEquals("How much compassionate leave?", asked.get(0).text());
  }

  @Test
  void shouldAnswerAGermanQuestionWithGermanLabelsInAChatAndInAChannel() throws Exception {
    // when: the same German question in a personal chat and in a channel thread
    post(message("a:personal-de", "personal", "Wie viele Tage Sonderurlaub bekomme ich im Trauerfall?"));
    List<MicrosoftStandIn.Call> chat = microsoft.await(c -> true, 2);
    String thread = "19:general@thread.tacv2;messageid=1700000000042";
    post(message(thread, "channel", "Wie viele Tage Sonderurlaub bekomme ich im Trauerfall?"));
    MicrosoftStandIn.Call channel = microsoft.await(c -> isCard(c)
        && c.path().startsWith("/v3/conversations/" + thread), 1).get(0);

    // then: the stream opens in German, and the AI message's card and citation chips are German
    assertEquals("Ich durchsuche unsere Richtlinien …", chat.get(0).body().path("text").asText());
    assertEquals(List.of("Mit HR sprechen"), card(chat.get(1)).path("actions").findValuesAsText("title"));
    assertEquals("[\"When a close relative dies\",\"gültig ab 2026-01-01\"]",
        aiEntity(chat.get(1)).path("citation").path(0).path("appearance").path("keywords").toString());
    // and the channel's Adaptive Card has German buttons and source labels
    assertEquals(List.of("👍 Hilfreich", "👎 Nicht hilfreich", "Mit HR sprechen"),
        card(channel).path("actions").findValuesAsText("title"));
    String text = card(channel).toString();
    assertTrue(text.contains("\"Quellen\""), text);
    assertTrue(text.contains("[1] Compassionate leave — When a close relative dies · gültig ab 2026-01-01"), text);

    // when the employee presses 👍 on the channel card
    JsonNode helpful = card(channel).path("actions").path(0).path("data");
    post(submit(thread, "activity-card-de", helpful));

    // then the card is redrawn with German thanks
    MicrosoftStandIn.Call update = microsoft.await(c -> c.method().equals("PUT"), 1).get(0);
    assertTrue(card(update).toString().contains("Danke! Schön, dass es geholfen hat."), card(update).toString());
  }

  @Test
  void shouldStoreTeamsThumbsFeedbackForTheAnswerTheMessageCarried() throws Exception {
    // given
    post(message("a:personal-10", "personal", "How much compassionate leave?"));
    microsoft.await(TeamsWebhookTest::isAnswer, 1);
    // in Teams the final message of a stream has the stream's id: the informative update's
    String messageId = microsoft.activities().get(0).responseId();
    ObjectNode thumbs = message("a:personal-10", "personal", null);
    thumbs.put("type", "invoke").put("name", "message/submitAction").put("replyToId", messageId)
        .remove("text");
    thumbs.putObject("value").put("actionName", "feedback").putObject("actionValue").put("reaction", "dislike")
        .put("feedback", "{\"feedbackText\":\"wrong policy\"}");

    // when
    HttpResponse<String> response = post(thumbs);

    // then
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(1, store.feedback().size());
    assertEquals(store.answers().get(0).id(), store.feedback().get(0).answerId());
    assertFalse(store.feedback().get(0).helpful());
    ObjectNode malformed = thumbs.deepCopy();
    ((ObjectNode) malformed.get("value").get("actionValue")).put("reaction", "maybe");
    assertEquals(400, post(malformed).statusCode());
    assertEquals(1, store.feedback().size());
  }

  @Test
  void shouldStreamVerifiedSentencesInAPersonalChatAndEndWithTheWholeAnswer() throws Exception {
    // given: an engine that streams two verified sentences, a second apart, then answers
    QuestionHandler streaming = new QuestionHandler() {
      @Override
      public Reply answer(Question question) {
        return handler.answer(question);
      }

      @Override
      public Reply answer(Question question, io.askhr.question.AnswerStream stream) {
        stream.verified("You get five days [1].");
        try {
          Thread.sleep(TeamsStream.MIN_GAP_NANOS / 1_000_000 + 100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        stream.verified(" Ask your manager first [1].");
        Reply whole = handler.answer(question);
        return new Reply("You get five days [1]. Ask your manager first [1].", whole.citations(), 0.8, Set.of(),
            Reply.Mode.LLM, List.of());
      }
    };
    Settings settings = Settings.fromEnvironment(Map.of("HR_CONTACT", "the People team",
        "TEAMS_ALLOW_UNAUTHENTICATED", "true"), Optional.of(FixtureKnowledge.source()), Optional.empty());
    Webhook webhook = TeamsAdapter.webhook(settings, streaming, store);

    // when
    webhook.handle(new WebhookRequest(Map.of(), Map.of(),
        message("a:personal-11", "personal", "How much compassionate leave?").toString()));

    // then: informative, two streaming updates with all text so far, and the final message, in sequence
    List<MicrosoftStandIn.Call> sent = microsoft.await(c -> true, 4);
    String streamId = sent.get(0).responseId();
    List<String> types = sent.stream().map(c -> c.body().path("entities").findParents("type").stream()
        .filter(e -> e.path("type").asText().equals("streaminfo")).findFirst().orElseThrow()
        .path("streamType").asText()).toList();
    assertEquals(List.of("informative", "streaming", "streaming", "final"), types);
    assertEquals("You get five days [1].", sent.get(1).body().path("text").asText());
    assertEquals(2, sent.get(1).body().path("entities").path(0).path("streamSequence").asInt());
    assertEquals(streamId, sent.get(1).body().path("entities").path(0).path("streamId").asText());
    assertEquals("You get five days [1]. Ask your manager first [1].", sent.get(2).body().path("text").asText());
    assertEquals(3, sent.get(2).body().path("entities").path(0).path("streamSequence").asInt());
    assertEquals("You get five days [1]. Ask your manager first [1].", sent.get(3).body().path("text").asText());
    assertFalse(aiEntity(sent.get(3)).isMissingNode(), "the final message is the labelled, cited answer");
  }

  @Test
  void shouldStripTheMentionInAChannelAndReplyInTheSameThread() throws Exception {
    // given
    String thread = "19:general@thread.tacv2;messageid=1700000000000";
    ObjectNode activity = message(thread, "channel", "<at>AskHR</at> How much compassionate leave?");
    activity.putArray("entities").addObject().put("type", "mention").put("text", "<at>AskHR</at>")
        .putObject("mentioned").put("id", "28:askhr").put("name", "AskHR");

    // when
    post(activity);

    // then
    List<MicrosoftStandIn.Call> cards = microsoft.await(TeamsWebhookTest::isCard, 1);
    assertEquals("How much compassionate leave?", asked.get(0).text());
    assertTrue(cards.get(0).path().startsWith("/v3/conversations/" + thread + "/activities"), cards.get(0).path());
    // channels do not render citations: the card keeps the sources and buttons, the entity labels it as AI
    String text = card(cards.get(0)).toString();
    assertTrue(text.contains("[1] Compassionate leave — When a close relative dies · effective 2026-01-01"), text);
    assertEquals(List.of("👍 Helpful", "👎 Not helpful", "Talk to HR"),
        card(cards.get(0)).path("actions").findValuesAsText("title"));
    assertEquals("[\"AIGeneratedContent\"]", aiEntity(cards.get(0)).path("additionalType").toString());
    assertTrue(aiEntity(cards.get(0)).path("citation").isMissingNode());
  }

  @Test
  void shouldPassEarlierTurnsOfTheSameConversationOnly() throws Exception {
    // when
    post(message("a:personal-2", "personal", "How much compassionate leave?"));
    microsoft.await(TeamsWebhookTest::isAnswer, 1);
    post(message("a:personal-2", "personal", "and for a cousin?"));
    microsoft.await(TeamsWebhookTest::isAnswer, 2);
    post(message("a:personal-3", "personal", "unrelated"));
    microsoft.await(TeamsWebhookTest::isAnswer, 3);

    // then
    assertEquals(2, asked.get(1).history().size());
    assertEquals("How much compassionate leave?", asked.get(1).history().get(0).text());
    assertEquals("You get five days [1].", asked.get(1).history().get(1).text());
    assertEquals(0, asked.get(2).history().size());
  }

  @Test
  void shouldAnswerASensitiveChannelQuestionInAPrivateChat() throws Exception {
    // given
    String thread = "19:general@thread.tacv2;messageid=42";

    // when
    post(message(thread, "channel", "<at>AskHR</at> how do I raise a grievance about my manager"));

    // then
    List<MicrosoftStandIn.Call> privateCards = microsoft.await(c -> isAnswer(c) && c.path().contains("a:private-"),
        1);
    MicrosoftStandIn.Call created = microsoft.calls().stream()
        .filter(c -> c.method().equals("POST") && c.path().equals("/v3/conversations")).findFirst().orElseThrow();
    assertEquals("29:dana", created.body().path("members").path(0).path("id").asText());
    assertEquals("tenant-1", created.body().path("tenantId").asText());
    assertEquals("You get five days [1].", privateCards.get(0).body().path("text").asText());
    MicrosoftStandIn.Call notice = microsoft.await(c -> c.path().contains(thread)
        && c.body().path("type").asText().equals("message"), 1).get(0);
    assertTrue(notice.body().path("text").asText().contains("private chat"));
    assertFalse(notice.text().contains("grievance"), notice.text());
    assertFalse(notice.text().contains("AdaptiveCard"));
  }

  @Test
  void shouldRecordFeedbackAndUpdateTheCard() throws Exception {
    // given
    String thread = "19:general@thread.tacv2;messageid=4";
    post(message(thread, "channel", "How much compassionate leave?"));
    JsonNode helpful = card(microsoft.await(TeamsWebhookTest::isCard, 1).get(0)).path("actions").path(0).path("data");

    // when
    HttpResponse<String> response = post(submit(thread, "activity-card-1", helpful));

    // then
    assertEquals(202, response.statusCode());
    MicrosoftStandIn.Call update = microsoft.await(c -> c.method().equals("PUT"), 1).get(0);
    assertEquals("/v3/conversations/" + thread + "/activities/activity-card-1", update.path());
    String redrawn = card(update).toString();
    assertTrue(redrawn.contains("Thanks! Glad that helped."), redrawn);
    assertEquals(List.of("Talk to HR"), card(update).path("actions").findValuesAsText("title"));
    assertEquals(1, store.feedback().size());
    assertTrue(store.feedback().get(0).helpful());
    assertEquals(store.answers().get(0).id(), store.feedback().get(0).answerId());
  }

  @Test
  void shouldHandToHrAndNotifyTheEmployeeOnceWhenResolved() throws Exception {
    // given
    post(message("a:personal-5", "personal", "How much compassionate leave?"));
    JsonNode talkToHr = card(microsoft.await(TeamsWebhookTest::isCard, 1).get(0)).path("actions").path(0)
        .path("data");

    // when
    post(submit("a:personal-5", "activity-card-1", talkToHr));

    // then HR's channel gets the question, the answer and a "Mark resolved" button
    MicrosoftStandIn.Call toHr = microsoft.await(c -> c.path().contains(HR_CONVERSATION), 1).get(0);
    String hrCard = card(toHr).toString();
    assertTrue(hrCard.contains("Dana Employee would like to talk to HR"), hrCard);
    assertTrue(hrCard.contains("How much compassionate leave?") && hrCard.contains("You get five days [1]."));
    JsonNode resolve = card(toHr).path("actions").findParent("data").path("data");
    String escalationId = resolve.path("escalationId").asText();
    assertEquals(Escalation.Status.OPEN, store.escalation(escalationId).orElseThrow().status());
    String employeeCard = card(microsoft.await(c -> c.method().equals("PUT"), 1).get(0)).toString();
    assertTrue(employeeCard.contains("I've passed your question to HR"), employeeCard);

    // when HR marks it resolved, twice
    ObjectNode press = submit(HR_CONVERSATION, "activity-hr-1", resolve);
    ((ObjectNode) press.get("conversation")).put("conversationType", "channel");
    ((ObjectNode) press.get("from")).put("name", "Hana HR").put("id", "29:hana");
    post(press);
    microsoft.await(c -> c.method().equals("PUT") && c.path().contains(HR_CONVERSATION), 1);
    post(press);
    microsoft.await(c -> c.method().equals("PUT") && c.path().contains(HR_CONVERSATION), 2);

    // then
    List<MicrosoftStandIn.Call> notices = microsoft.activities().stream()
        .filter(c -> c.method().equals("POST") && c.path().startsWith("/v3/conversations/a:personal-5/")
            && c.text().contains("marked your request"))
        .toList();
    assertEquals(1, notices.size(), notices.toString());
    assertTrue(notices.get(0).text().contains("Hana HR"));
    Escalation resolved = store.escalation(escalationId).orElseThrow();
    assertEquals(Escalation.Status.RESOLVED, resolved.status());
    assertEquals(Optional.of("Hana HR"), resolved.resolvedBy());
  }

  @Test
  void shouldTellHowToReachHrWhenNoHrChannelIsConfigured() throws Exception {
    // given
    Webhook withoutHr = webhook(Optional.empty());
    ObjectNode question = message("a:personal-6", "personal", "How much compassionate leave?");
    withoutHr.handle(new WebhookRequest(Map.of(), Map.of(), question.toString()));
    JsonNode talkToHr = card(microsoft.await(TeamsWebhookTest::isCard, 1).get(0)).path("actions").path(0)
        .path("data");

    // when
    withoutHr.handle(new WebhookRequest(Map.of(), Map.of(), submit("a:personal-6", "act-9", talkToHr).toString()));

    // then
    String redrawn = card(microsoft.await(c -> c.method().equals("PUT"), 1).get(0)).toString();
    assertTrue(redrawn.contains("To talk to someone in HR, contact the People team (people@example.test)."), redrawn);
  }

  @Test
  void shouldSayHowToReachHrWhenHrsChannelCannotBeReached() throws Exception {
    // given HR's channel on a port where nothing listens
    int closed;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    Webhook unreachableHr = webhook(Optional.of("http://127.0.0.1:" + closed));
    unreachableHr.handle(new WebhookRequest(Map.of(), Map.of(),
        message("a:personal-9", "personal", "How much compassionate leave?").toString()));
    JsonNode talkToHr = card(microsoft.await(TeamsWebhookTest::isCard, 1).get(0)).path("actions").path(0)
        .path("data");

    // when
    unreachableHr.handle(new WebhookRequest(Map.of(), Map.of(), submit("a:personal-9", "act-9", talkToHr).toString()));

    // then
    String redrawn = card(microsoft.await(c -> c.method().equals("PUT"), 1).get(0)).toString();
    assertTrue(redrawn.contains("Sorry, I couldn't reach HR just now. Please contact the People team"), redrawn);
  }

  @Test
  void shouldApologiseWithTheHrContactWhenAnsweringFails() throws Exception {
    // when
    post(message("a:personal-7", "personal", "boom"));

    // then
    List<MicrosoftStandIn.Call> sent = microsoft.await(c -> true, 2);
    assertEquals("typing", sent.get(0).body().path("type").asText());
    String apology = sent.get(1).body().path("text").asText();
    assertTrue(apology.startsWith("Sorry, something went wrong"), apology);
    assertTrue(apology.contains("people@example.test"));
  }

  @Test
  void shouldWelcomeWhenAddedToAConversation() throws Exception {
    // given
    ObjectNode update = message("19:general@thread.tacv2", "channel", null);
    update.put("type", "conversationUpdate").remove("text");
    update.putArray("membersAdded").addObject().put("id", "28:askhr");

    // when
    post(update);

    // then
    String welcome = microsoft.await(c -> true, 1).get(0).body().path("text").asText();
    assertFalse(welcome.isBlank());
    assertTrue(welcome.contains("I'm AskHR") && welcome.contains("How many days of annual leave"), welcome);
    assertTrue(welcome.contains("@mention me"), welcome);
  }

  @Test
  void shouldWelcomeInTheLanguageOfTheTeamsClient() throws Exception {
    // given a team whose member runs Teams in German
    ObjectNode update = message("19:allgemein@thread.tacv2", "channel", null);
    update.put("type", "conversationUpdate").put("locale", "de-DE").remove("text");
    update.putArray("membersAdded").addObject().put("id", "28:askhr");

    // when
    post(update);

    // then the greeting and the hint come from the German messages, without the English examples
    String welcome = microsoft.await(c -> true, 1).get(0).body().path("text").asText();
    assertTrue(welcome.startsWith(Messages.of(Locale.GERMAN).get(Messages.WELCOME)), welcome);
    assertTrue(welcome.contains("mit @"), welcome);
    assertFalse(welcome.contains("How many days"), welcome);
  }

  @Test
  void shouldAnswerAnExecuteActionInvokeWithTheUpdatedCard() throws Exception {
    // given
    post(message("19:general@thread.tacv2;messageid=8", "channel", "How much compassionate leave?"));
    JsonNode notHelpful = card(microsoft.await(TeamsWebhookTest::isCard, 1).get(0)).path("actions").path(1)
        .path("data");
    ObjectNode invoke = message("19:general@thread.tacv2;messageid=8", "channel", null);
    invoke.put("type", "invoke").put("name", "adaptiveCard/action").remove("text");
    invoke.putObject("value").putObject("action").put("type", "Action.Execute").set("data", notHelpful);

    // when
    HttpResponse<String> response = post(invoke);

    // then
    assertEquals(200, response.statusCode());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("application/vnd.microsoft.card.adaptive", body.path("type").asText());
    assertTrue(body.path("value").toString().contains("Thanks for telling us. HR reviews answers that did not help"),
        response.body());
    assertFalse(store.feedback().get(0).helpful());
  }

  @Test
  void shouldRefuseMalformedBodiesWith400() throws Exception {
    assertEquals(400, post("{not json").statusCode());
    assertEquals(400, post("[1,2]").statusCode());
    assertEquals(400, post("{\"text\":\"no type\"}").statusCode());
    assertEquals(0, asked.size());
  }
}

package io.askhr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.ServeProcess;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import io.askhr.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes sharing one PostgreSQL, as two Kubernetes replicas do: a Slack event delivered to both
 * is answered once; feedback given through one shows on the other's HR dashboard; a conversation whose messages
 * alternate between them keeps its follow-ups and its buttons; and an employee's rate limit holds across both.
 */
class TwoReplicasTest {

  static final String SCHEMA = "askhr_replicas_test";
  static final String DASHBOARD_TOKEN = "replica-test-dashboard-token-0123456789";
  /** Low, so that the web questions below reach it; each test asks as its own employee. */
  static final int PER_MINUTE = 4;
  static final String HR_CHANNEL = "C0HRTEAM";

  @TempDir static Path temp;
  static SlackStandIn slack;
  static ServeProcess a;
  static ServeProcess b;
  static SlackRequests toA;
  static SlackRequests toB;
  static BotConnector teams;
  static String databaseUrl;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startTwoReplicas() throws Exception {
    databaseUrl = TestDatabase.freshSchema(SCHEMA);
    slack = new SlackStandIn();
    teams = new BotConnector();
    // given two replicas with the same configuration and database
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", databaseUrl);
    env.put("INSIGHT_SALT", "replica-test-salt");
    env.put("HR_DASHBOARD_TOKEN", DASHBOARD_TOKEN);
    env.put("SLACK_BOT_TOKEN", "xoxb-replica-test");
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("HR_ESCALATION_CHANNEL", HR_CHANNEL);
    env.put("RATE_LIMIT_PER_MINUTE", String.valueOf(PER_MINUTE));
    // Teams without an app id, for a Bot Connector on loopback (below)
    env.put("TEAMS_ALLOW_UNAUTHENTICATED", "true");
    // The web chat's asker is the signed-in user a proxy on loopback names, so that each test asks as its own
    env.put("TRUSTED_PROXIES", "127.0.0.1");
    env.put("TRUSTED_USER_HEADER", "X-Forwarded-User");
    Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    CompletableFuture<ServeProcess> startingB = CompletableFuture.supplyAsync(() -> start(env, knowledge, "b"));
    try {
      a = start(env, knowledge, "a");
    } finally {
      b = startingB.join();
    }
    toA = new SlackRequests(a.baseUrl() + "/slack/events");
    toB = new SlackRequests(b.baseUrl() + "/slack/events");
  }

  @AfterAll
  static void stopReplicas() throws Exception {
    try (SlackStandIn stopSlack = slack; BotConnector stopTeams = teams; ServeProcess stopA = a;
        ServeProcess stopB = b) {
      // all four stop, whichever of them started
    }
  }

  @Test
  void shouldAnswerAnEventOnceAndShareFeedbackAcrossReplicas() throws Exception {
    String event = SlackRequests.event("EvReplicas1", SlackRequests.mention("U0EMP", "C0GEN",
        "1700000500.000100", "<@U0ASKHR> how many days of annual leave do full-time employees get?"));

    // when Slack delivers the same event to both (a retry that lands on the other replica)
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> send(toA, event));
    HttpResponse<String> second = send(toB, event);

    // then both acknowledge, and exactly one answers
    assertEquals(200, first.join().statusCode());
    assertEquals(200, second.statusCode());
    SlackStandIn.Call answered = slack.await("chat.update", c -> "C0GEN".equals(c.param("channel")));
    // and no second answer follows while the other replica has had ample time to post one
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
        .until(() -> inChannel("chat.postMessage", "C0GEN").size() == 1
            && inChannel("chat.update", "C0GEN").size() == 1);

    // when the employee presses 👍 on the answer, and replica A receives it
    String answerId = button(answered, "askhr_helpful");
    toA.form(Map.of("payload", SlackRequests.buttonPress("U0EMP", "C0GEN", answered.param("ts"), false,
        "askhr_helpful", answerId, slack.responseUrl("fb"))));

    // then replica B's dashboard counts it
    JsonNode totals = awaitHelpful(b, 1);
    assertEquals(1, totals.path("helpful").asInt());
    assertTrue(totals.path("answered").asInt() >= 1, totals.toString());
  }

  @Test
  void shouldKeepAConversationAndItsButtonsWhicheverReplicaReceivesEachMessage() throws Exception {
    // given a question answered by replica A in a channel thread
    String thread = "1700000600.000100";
    toA.json(SlackRequests.event("EvConversation1", SlackRequests.mention("U0EMP2", "C0LEAVE", thread,
        "<@U0ASKHR> how many days of annual leave do full-time employees get?")));
    SlackStandIn.Call firstAnswer = awaitAnswers("C0LEAVE", 1).get(0);

    // when the employee follows up in the thread without mentioning AskHR, and Slack delivers it to replica B
    toB.json(SlackRequests.event("EvConversation2", SlackRequests.message("U0EMP2", "C0LEAVE", "channel",
        "1700000601.000100", thread, "and can I carry some of them over?")));

    // then B answers it as a follow-up: it knows the thread A answered in (a replica that did not would stay
    // silent), and it searched with the earlier question, so the answer is about carrying annual leave over
    SlackStandIn.Call followUp = awaitAnswers("C0LEAVE", 2).get(1);
    List<SlackStandIn.Call> posted = inChannel("chat.postMessage", "C0LEAVE");
    assertEquals(2, posted.size());
    assertTrue(posted.stream().allMatch(c -> thread.equals(c.param("thread_ts"))), posted.toString());
    assertTrue(followUp.param("text").toLowerCase(Locale.ROOT).contains("carry"), followUp.param("text"));

    // when the employee presses "Talk to HR" under B's follow-up answer, and replica A receives it
    toA.form(Map.of("payload", SlackRequests.buttonPress("U0EMP2", "C0LEAVE", followUp.param("ts"), false,
        "askhr_talk_to_hr", button(followUp, "askhr_talk_to_hr"), slack.responseUrl("hr-1"))));

    // then A hands HR the question and B's answer (not "the answer is no longer in memory")
    SlackStandIn.Call toHr = slack.await("chat.postMessage", c -> HR_CHANNEL.equals(c.param("channel")));
    List<JsonNode> handedOver = SlackStandIn.blocks(toHr);
    assertTrue(handedOver.toString().contains("and can I carry some of them over?"), handedOver.toString());
    String answerBlock = handedOver.stream().map(x -> x.path("text").path("text").asText())
        .filter(text -> text.startsWith("*AskHR answered:*")).findFirst().orElseThrow();
    assertFalse(answerBlock.contains("no longer in memory"), answerBlock);
    assertTrue(answerBlock.toLowerCase(Locale.ROOT).contains("carr"), answerBlock);
  }

  @Test
  void shouldUnderstandAWebFollowUpOnTheOtherReplica() throws Exception {
    // given replica A answered the first question of a web chat
    JsonNode first = ask(a, "alex", "chat-1", "How is severance pay calculated?");
    assertEquals(List.of("reorganisation/severance.md"), sources(first).stream().distinct().toList(), first.toString());

    // when the follow-up, which names no subject, reaches replica B
    JsonNode followUp = ask(b, "alex", "chat-1", "When do I get it?");

    // then B searched with the earlier question: it cites the severance policy only, where the same words in a new
    // chat find another policy first
    JsonNode fresh = ask(b, "alex", "chat-2", "When do I get it?");
    assertEquals(List.of("reorganisation/severance.md"), sources(followUp).stream().distinct().toList(),
        followUp.toString());
    assertNotEquals("reorganisation/severance.md", sources(fresh).get(0), fresh.toString());
  }

  @Test
  void shouldShareAnAnswerGivenByOneReplicaThroughTheOther() throws Exception {
    // given an answer to /askhr that replica A gave privately, with a "Share in channel" button
    toA.form(Map.of("command", "/askhr", "text", "how many days of annual leave do full-time employees get?",
        "team_id", "T0TEST", "user_id", "U0EMP3", "channel_id", "C0SHARE", "channel_name", "general",
        "response_url", slack.responseUrl("cmd-share"), "trigger_id", "1.2.3", "token", "legacy"));
    JsonNode privately = json.readTree(slack.await("response_url", c -> c.body().contains("askhr_share")).body());
    assertEquals("ephemeral", privately.path("response_type").asText());
    String answerId = buttonValue(privately.path("blocks"), "askhr_share");

    // when the employee presses it, and Slack delivers the press to replica B
    toB.form(Map.of("payload", SlackRequests.buttonPress("U0EMP3", "C0SHARE", "1700000700.000100", true,
        "askhr_share", answerId, slack.responseUrl("share-1"))));

    // then B posts A's answer to the channel with the question A kept (not "too old to share")
    JsonNode shared = json.readTree(slack.await("response_url", c -> c.body().contains("in_channel")).body());
    assertEquals("in_channel", shared.path("response_type").asText());
    String blocks = shared.path("blocks").toString();
    assertTrue(blocks.contains("how many days of annual leave do full-time employees get?"), blocks);
    String privateAnswer = privately.path("blocks").get(0).path("text").path("text").asText();
    assertFalse(privateAnswer.isBlank(), privately.toString());
    assertEquals(privateAnswer, shared.path("blocks").get(1).path("text").path("text").asText(), blocks);
  }

  @Test
  void shouldRedrawATeamsCardWhenItsButtonReachesTheOtherReplica() throws Exception {
    // given replica A answered a question in a Teams channel with an Adaptive Card
    String conversation = "19:leave@thread.tacv2;messageid=9";
    assertEquals(202, postActivity(a, teamsMessage(conversation, "How many days of annual leave do full-time"
        + " employees get?")).statusCode());
    JsonNode card = await().atMost(Duration.ofSeconds(30)).until(() -> teams.cardsIn(conversation),
        cards -> !cards.isEmpty()).get(0);
    String answered = card.path("body").toString();
    JsonNode helpful = card.path("actions").path(0).path("data");
    assertEquals("helpful", helpful.path("askhr").asText(), card.toString());

    // when the employee presses 👍 and Teams sends the invoke to replica B
    ObjectNode invoke = teamsMessage(conversation, null);
    invoke.put("type", "invoke").put("name", "adaptiveCard/action").remove("text");
    invoke.putObject("value").putObject("action").put("type", "Action.Execute").set("data", helpful);
    HttpResponse<String> response = postActivity(b, invoke);

    // then B redraws A's card (the answer, with its feedback buttons spent), not a bare "thanks"
    assertEquals(200, response.statusCode(), response.body());
    JsonNode redrawn = json.readTree(response.body()).path("value");
    assertTrue(redrawn.path("body").toString().contains("27 days"), redrawn.toString());
    assertTrue(answered.contains("27 days"), answered);
    assertFalse(redrawn.path("actions").toString().contains("\"helpful\""), redrawn.toString());
  }

  @Test
  void shouldStoreTeamsOwnThumbOnAnAnswerWhenItReachesTheOtherReplica() throws Exception {
    // given replica A answered a question in a personal chat: a streamed AI message with Teams' own feedback loop
    String conversation = "a:personal-thumbs";
    ObjectNode question = teamsMessage(conversation, "How many days of annual leave do full-time employees get?");
    ((ObjectNode) question.get("conversation")).put("conversationType", "personal");
    assertEquals(202, postActivity(a, question).statusCode());
    JsonNode answer = await().atMost(Duration.ofSeconds(30)).until(() -> teams.sentTo(conversation).stream()
        .filter(activity -> activity.path("channelData").path("feedbackLoopEnabled").asBoolean()).toList(),
        answers -> !answers.isEmpty()).get(0);
    // in Teams the final message of a stream has the stream's id, and that is what the thumb names
    String messageId = answer.path("channelData").path("streamId").asText();
    assertFalse(messageId.isBlank(), answer.toString());
    String answerId = answer.path("attachments").path(0).path("content").findValue("answerId").asText();
    assertFalse(answerId.isBlank(), answer.toString());

    // when the employee presses Teams' 👎 under it, and Teams sends the invoke to replica B
    ObjectNode thumbs = teamsMessage(conversation, null);
    ((ObjectNode) thumbs.get("conversation")).put("conversationType", "personal");
    thumbs.put("type", "invoke").put("name", "message/submitAction").put("replyToId", messageId).remove("text");
    thumbs.putObject("value").put("actionName", "feedback").putObject("actionValue").put("reaction", "dislike")
        .put("feedback", "{\"feedbackText\":\"not my country\"}");
    HttpResponse<String> response = postActivity(b, thumbs);

    // then B records it against the answer A gave (a replica that did not know A's message would drop it)
    assertEquals(200, response.statusCode(), response.body());
    List<String> stored = await("replica B stores the thumb").atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200)).until(() -> feedbackOn(answerId), rows -> !rows.isEmpty());
    assertEquals(List.of("TEAMS:0"), stored);
  }

  /** The feedback rows stored for an answer, as platform:helpful. */
  private static List<String> feedbackOn(String answerId) throws Exception {
    try (Connection connection = DriverManager.getConnection(databaseUrl);
        PreparedStatement select = connection.prepareStatement("SELECT platform, helpful FROM feedback WHERE"
            + " answer_id = ?")) {
      select.setString(1, answerId);
      List<String> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1) + ":" + result.getInt(2));
        }
      }
      return rows;
    }
  }

  @Test
  void shouldHoldOneEmployeesRateLimitAcrossReplicas() throws Exception {
    // when one web asker (one client address) asks alternately on A and B, as many questions as the limit allows
    for (int i = 0; i < PER_MINUTE; i++) {
      JsonNode reply = ask(i % 2 == 0 ? a : b, "How many days of annual leave do I get?");
      assertFalse(reply.path("flags").toString().contains("refused"), "question " + (i + 1) + ": " + reply);
      assertFalse(reply.path("answer").asText().isBlank(), reply.toString());
    }

    // then one more is refused on either replica
    for (ServeProcess replica : List.of(a, b)) {
      JsonNode refused = ask(replica, "How many days of annual leave do I get?");
      assertTrue(refused.path("flags").toString().contains("refused"), refused.toString());
      assertTrue(refused.path("answer").asText().contains("asked a lot of questions"), refused.toString());
    }
  }

  private ObjectNode teamsMessage(String conversationId, String text) {
    ObjectNode activity = json.createObjectNode();
    activity.put("type", "message").put("id", "m-" + System.nanoTime()).put("channelId", "msteams")
        .put("serviceUrl", teams.baseUrl()).put("text", text);
    activity.putObject("from").put("id", "29:dana").put("name", "Dana Employee").put("aadObjectId", "aad-dana");
    activity.putObject("recipient").put("id", "28:askhr").put("name", "AskHR");
    activity.putObject("conversation").put("id", conversationId).put("conversationType", "channel")
        .put("tenantId", "tenant-1");
    activity.putObject("channelData").putObject("tenant").put("id", "tenant-1");
    return activity;
  }

  private HttpResponse<String> postActivity(ServeProcess replica, ObjectNode activity) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/messages"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Microsoft's Bot Connector on loopback: records the activities AskHR sends and gives each an id. */
  static final class BotConnector implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    BotConnector() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.isBlank()) {
          sent.add(new ObjectMapper().readTree(body));
        }
        byte[] response = ("{\"id\":\"activity-" + ids.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
      });
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Adaptive Cards sent so far. */
    List<JsonNode> cards() {
      return sent.stream().map(activity -> activity.path("attachments").path(0).path("content"))
          .filter(content -> content.path("type").asText().equals("AdaptiveCard")).toList();
    }

    /** The activities sent so far to one conversation. */
    List<JsonNode> sentTo(String conversationId) {
      return sent.stream().filter(activity -> activity.path("conversation").path("id").asText()
          .equals(conversationId)).toList();
    }

    /** The Adaptive Cards sent so far to one conversation. */
    List<JsonNode> cardsIn(String conversationId) {
      return sentTo(conversationId).stream().map(activity -> activity.path("attachments").path(0).path("content"))
          .filter(content -> content.path("type").asText().equals("AdaptiveCard")).toList();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static ServeProcess start(Map<String, String> env, Path knowledge, String name) {
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

  private static List<SlackStandIn.Call> inChannel(String method, String channel) {
    return slack.calls(method).stream().filter(c -> channel.equals(c.param("channel"))).toList();
  }

  /** Waits until {@code count} answers were drawn in the channel (each placeholder updated once); returns them. */
  private static List<SlackStandIn.Call> awaitAnswers(String channel, int count) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> inChannel("chat.update", channel),
        updates -> updates.size() >= count);
  }

  /** The value of an answer's button, by action id. */
  private String button(SlackStandIn.Call answer, String actionId) throws Exception {
    return buttonValue(json.valueToTree(SlackStandIn.blocks(answer)), actionId);
  }

  private static String buttonValue(JsonNode blocks, String actionId) {
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("action_id").asText().equals(actionId)) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocks);
  }

  private JsonNode ask(ServeProcess replica, String question) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/ask")), Map.of("question", question));
  }

  /** Asks as the signed-in web user {@code user} in the chat {@code conversationId}. */
  private JsonNode ask(ServeProcess replica, String user, String conversationId, String question) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/ask")).header("X-Forwarded-User", user),
        Map.of("question", question, "conversationId", conversationId));
  }

  private JsonNode send(HttpRequest.Builder request, Map<String, String> body) throws Exception {
    HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  private static List<String> sources(JsonNode reply) {
    List<String> sources = new ArrayList<>();
    reply.path("citations").forEach(citation -> sources.add(citation.path("source").asText()));
    return sources;
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

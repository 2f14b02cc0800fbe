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
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.AnswerStream;
import io.askhr.question.Question;
import io.askhr.question.QuestionHandler;
import io.askhr.question.Reply;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack's assistant pane end to end: signed events over HTTP, Bolt's Assistant middleware, the slack.com stand-in. */
class SlackAssistantTest {

  static final String DM = "D0PANE";
  static final String THREAD = "1700000100.000100";

  final SlackStandIn slack = new SlackStandIn();
  final MemoryInsightStore insight = new MemoryInsightStore();
  final ObjectMapper json = new ObjectMapper();
  volatile BiFunction<Question, AnswerStream, Reply> replies;
  SlackAdapter adapter;
  WebServer server;
  SlackRequests requests;

  @BeforeEach
  void start() {
    QuestionHandler handler = new QuestionHandler() {
      @Override
      public Reply answer(Question question) {
        return answer(question, AnswerStream.NONE);
      }

      @Override
      public Reply answer(Question question, AnswerStream stream) {
        return replies.apply(question, stream);
      }
    };
    adapter = new SlackAdapter(new SlackSettings("xoxb-test-token", Optional.of(SlackRequests.SIGNING_SECRET),
        Optional.empty(), Optional.of(slack.apiUrl()), Optional.empty()), handler, insight, insight,
        since -> List.of("How many days of annual leave do I get?", "How is severance calculated?"),
        AudienceMap.none(), "Brightwater Systems", "the People team");
    server = new WebServer(q -> SlackEventsApiTest.answer("unused"), () -> true,
        List.of(adapter.webhook().orElseThrow()));
    requests = new SlackRequests("http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/slack/events");
  }

  @AfterEach
  void stop() {
    server.close();
    adapter.close();
    slack.close();
  }

  static String threadStarted() {
    return "{\"type\":\"assistant_thread_started\",\"assistant_thread\":{\"user_id\":\"U0EMP\",\"context\":"
        + "{\"channel_id\":\"C0GENERAL\",\"team_id\":\"T0TEST\",\"enterprise_id\":null},\"channel_id\":\"" + DM
        + "\",\"thread_ts\":\"" + THREAD + "\"},\"event_ts\":\"1700000100.000200\"}";
  }

  private void ask(String eventId, String text) throws Exception {
    assertEquals(200, requests.json(SlackRequests.event(eventId,
        SlackRequests.message("U0EMP", DM, "im", "1700000101.000100", THREAD, text))).statusCode());
  }

  private static String markdown(SlackStandIn.Call call) {
    return call.param("markdown_text");
  }

  @Test
  void shouldGreetAndSuggestTheMostAskedQuestionsWhenAThreadStarts() throws Exception {
    // when
    assertEquals(200, requests.json(SlackRequests.event("Ev0START", threadStarted())).statusCode());

    // then
    SlackStandIn.Call prompts = slack.await("assistant.threads.setSuggestedPrompts", c -> true);
    assertEquals(DM, prompts.param("channel_id"));
    assertEquals(THREAD, prompts.param("thread_ts"));
    assertEquals("Here are a few things people often ask:", prompts.param("title"));
    JsonNode list = json.readTree(prompts.param("prompts"));
    assertEquals(2, list.size());
    assertEquals("How many days of annual leave do I get?", list.get(0).path("message").asText());
    SlackStandIn.Call greeting = slack.calls("chat.postMessage").get(0);
    assertEquals(THREAD, greeting.param("thread_ts"));
    assertEquals(SlackTexts.greeting(), greeting.param("text"));
    assertTrue(greeting.param("text").startsWith("Hi, I'm AskHR."), greeting.param("text"));
  }

  @Test
  void shouldShowTheStatusLinesInTheQuestionsLanguage() throws Exception {
    // given
    replies = (question, stream) -> {
      stream.stage(AnswerStream.Stage.SEARCHING);
      stream.stage(AnswerStream.Stage.CHECKING_SOURCES);
      return SlackEventsApiTest.answer("Sie erhalten 25 Urlaubstage [1].");
    };

    // when
    ask("Ev0DE", "Wie viele Urlaubstage habe ich als Teilzeitkraft im Jahr?");

    // then
    slack.await("chat.postMessage", c -> c.param("blocks") != null);
    assertEquals(List.of("durchsucht unsere Richtlinien …", "prüft die Quellen …"),
        slack.calls("assistant.threads.setStatus").stream().map(c -> c.param("status")).toList());
  }

  @Test
  void shouldStreamVerifiedSentencesThenSourcesAndButtonsWithStopStream() throws Exception {
    // given
    replies = (question, stream) -> {
      stream.stage(AnswerStream.Stage.SEARCHING);
      stream.stage(AnswerStream.Stage.CHECKING_SOURCES);
      stream.verified("Full-time staff get 25 days of leave [1].");
      stream.verified(" Part-timers get a pro-rata share [1].");
      return SlackEventsApiTest.answer("Full-time staff get 25 days of leave [1]. Part-timers get a pro-rata share"
          + " [1].\n\nThis is what the policy says in general.");
    };

    // when
    ask("Ev0Q1", "How many days of leave do I get?");

    // then: the exact sequence of Web API calls
    slack.await("chat.stopStream", c -> true);
    List<String> methods = slack.calls().stream().map(SlackStandIn.Call::method)
        .filter(m -> !m.equals("auth.test") && !m.equals("usergroups.users.list")).toList();
    assertEquals(List.of("assistant.threads.setTitle", "assistant.threads.setStatus", "assistant.threads.setStatus",
        "chat.startStream", "chat.appendStream", "chat.stopStream"), methods);
    assertEquals("How many days of leave do I get?", slack.calls("assistant.threads.setTitle").get(0).param("title"));
    assertEquals(List.of("is searching our policies…", "is checking sources…"),
        slack.calls("assistant.threads.setStatus").stream().map(c -> c.param("status")).toList());
    SlackStandIn.Call started = slack.calls("chat.startStream").get(0);
    assertEquals(DM, started.param("channel"));
    assertEquals(THREAD, started.param("thread_ts"));
    assertEquals("U0EMP", started.param("recipient_user_id"));
    assertEquals("Full-time staff get 25 days of leave [1].", markdown(started));
    SlackStandIn.Call appended = slack.calls("chat.appendStream").get(0);
    assertEquals(" Part-timers get a pro-rata share [1].", markdown(appended));
    SlackStandIn.Call stopped = slack.calls("chat.stopStream").get(0);
    assertEquals(appended.param("ts"), stopped.param("ts"));
    assertEquals("\n\nThis is what the policy says in general.", markdown(stopped));
    List<JsonNode> blocks = SlackStandIn.blocks(stopped);
    assertEquals(List.of("context", "actions"), blocks.stream().map(b -> b.path("type").asText()).toList());
    assertTrue(blocks.get(0).toString().contains("Annual leave"), blocks.get(0).toString());
    assertEquals(List.of("askhr_helpful", "askhr_not_helpful", "askhr_talk_to_hr"),
        blocks.get(1).path("elements").findValuesAsText("action_id"));
    assertEquals(1, insight.answers().size(), "the streamed answer is recorded like any other");
  }

  @Test
  void shouldStopTheStreamAndReplaceItWhenTheAnswerChangedCourse() throws Exception {
    // given: a sentence was shown, then the guard stopped the model and the extractive answer came instead
    replies = (question, stream) -> {
      stream.verified("Full-time staff get 25 days [1].");
      return SlackEventsApiTest.answer("Here is what our policies say (quoted directly):\nEmployees receive 25 days"
          + " [1].");
    };

    // when
    ask("Ev0Q2", "How many days of leave do I get?");

    // then
    SlackStandIn.Call update = slack.await("chat.update", c -> true);
    List<String> methods = slack.calls().stream().map(SlackStandIn.Call::method)
        .filter(m -> m.startsWith("chat.")).toList();
    assertEquals(List.of("chat.startStream", "chat.stopStream", "chat.update"), methods);
    SlackStandIn.Call stopped = slack.calls("chat.stopStream").get(0);
    assertNull(stopped.param("blocks"), "the abandoned stream gets no sources or buttons");
    assertEquals(slack.calls("chat.startStream").get(0).param("channel"), update.param("channel"));
    String text = SlackStandIn.blocks(update).get(0).toString();
    assertTrue(text.contains("quoted directly"), text);
    assertFalse(text.contains("Full-time staff"), "the streamed sentence is gone: " + text);
  }

  @Test
  void shouldPostTheAnswerWholeWhenNothingStreams() throws Exception {
    // given: no model, so the flow reports no sentences
    replies = (question, stream) -> SlackEventsApiTest.answer("Employees receive 25 days [1].");

    // when
    ask("Ev0Q3", "How many days of leave do I get?");

    // then
    SlackStandIn.Call posted = slack.await("chat.postMessage", c -> THREAD.equals(c.param("thread_ts")));
    assertTrue(SlackStandIn.blocks(posted).get(0).toString().contains("25 days"));
    assertTrue(slack.calls("chat.startStream").isEmpty());
  }
}

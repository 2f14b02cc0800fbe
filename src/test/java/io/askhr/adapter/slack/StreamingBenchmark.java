package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.askhr.adapter.web.WebServer;
import io.askhr.config.AudienceMap;
import io.askhr.config.SlackSettings;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmDrafter;
import io.askhr.drafting.ResilientChatModel;
import io.askhr.drafting.StreamingLlmDrafter;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.question.AnswerFlow;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import io.askhr.testing.TestModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time to the first visible sentence against time to the whole answer, in Slack's assistant pane with the LLM on:
 * signed events over HTTP, the real answer engine over the fixture policies, the streaming drafter with its guard and
 * citation check, and a loopback model that starts streaming after 300 ms and then writes one word every 40 ms
 * (about 25 words a second). Also prints the Slack ack latency under that load. Run with
 * {@code mvn -B -ntp test -Pbench -Dtest=StreamingBenchmark [-Dbench.questions=100] [-Dbench.concurrency=10]}.
 */
class StreamingBenchmark {

  static final Duration FIRST_TOKEN = Duration.ofMillis(300);
  static final Duration PER_WORD = Duration.ofMillis(40);
  static final String ANSWER = "Full-time employees get 25 days of paid annual leave a year [1]. Part-time employees"
      + " get the same entitlement pro rata to their contracted hours [1]. Leave is booked in the HR system and"
      + " approved by your manager, who should reply within five working days [1]. Up to five unused days can be"
      + " carried over into the first quarter of the next year [1].";
  static final List<String> QUESTIONS = List.of(
      "How many days of annual leave do full-time employees get?",
      "How much compassionate leave can I take when a close relative dies?",
      "How many volunteering days do I get each year?",
      "When do I have to report that I am sick?");

  @TempDir Path temp;

  @Test
  void printTimeToFirstSentence() throws Exception {
    int questions = Integer.getInteger("bench.questions", 100);
    int concurrency = Integer.getInteger("bench.concurrency", 10);
    try (SlackStandIn slack = new SlackStandIn();
        LoopbackChatServer model = new LoopbackChatServer().replyWith(ANSWER).delay(FIRST_TOKEN)
            .streamEvery(PER_WORD);
        PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
      Settings settings = Settings.fromEnvironment(Map.of("HR_CONTACT", "HR"), Optional.of(FixtureKnowledge.source()),
          Optional.empty());
      ResilientChatModel resilient = new ResilientChatModel(OpenAiChatModel.builder().baseUrl(model.baseUrl())
          .apiKey("k").modelName("m").build(), 32, Duration.ofSeconds(10),
          ResilientChatModel.breakerConfig(Duration.ofSeconds(30)));
      StreamingLlmDrafter drafter = new StreamingLlmDrafter(resilient.streaming(OpenAiStreamingChatModel.builder()
          .baseUrl(model.baseUrl()).apiKey("k").modelName("m").timeout(Duration.ofSeconds(30)).build(),
          Duration.ofSeconds(10)), new LlmDrafter(resilient, "Brightwater Systems", "HR"), Duration.ofSeconds(20));
      ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
      AnswerFlow flow = new AnswerFlow(index.searcher(), drafter, extractive, new FollowUpHeuristic(),
          settings.answers());
      SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-bench", Optional.of(SlackRequests.SIGNING_SECRET),
          Optional.empty(), Optional.of(slack.apiUrl()), Optional.empty()), flow, new MemoryInsightStore(),
          new MemoryInsightStore(), AudienceMap.none(), "Brightwater Systems", "HR");
      WebServer server = new WebServer(q -> null, () -> true, List.of(adapter.webhook().orElseThrow()));
      SlackRequests requests = new SlackRequests("http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/slack/events");
      try {
        // warm-up: JIT, embeddings, connection pools
        for (int i = 0; i < 10; i++) {
          ask(requests, slack, "EvWarm" + i, "1600000000." + String.format("%06d", i), QUESTIONS.get(i % 4));
        }
        long[] alone = modelAlone(model);
        List<long[]> timings = Collections.synchronizedList(new ArrayList<>());
        ExecutorService askers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
          int n = i;
          done.add(askers.submit(() -> {
            timings.add(ask(requests, slack, "EvBench" + n, "1700000000." + String.format("%06d", n),
                QUESTIONS.get(n % QUESTIONS.size())));
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        askers.shutdown();
        System.out.printf("Streaming in Slack's assistant pane, %d questions, %d at a time; model: first token after"
                + " %d ms, then a word every %d ms (%d words):%n", questions, concurrency, FIRST_TOKEN.toMillis(),
            PER_WORD.toMillis(), ANSWER.split("\\s+").length);
        System.out.printf("  the model alone (LangChain4j, no AskHR): first token %.1f ms, first sentence's end %.1f ms,"
            + " last token %.1f ms%n", alone[0] / 1000.0, alone[1] / 1000.0, alone[2] / 1000.0);
        print("  Slack ack                ", timings, 0);
        print("  first visible sentence   ", timings, 1);
        print("  whole answer (stopStream)", timings, 2);
      } finally {
        server.close();
        adapter.close();
      }
    }
  }

  /**
   * Asks in a new assistant thread of its own DM channel (so that the stream's calls are told apart by channel);
   * returns ack, first-sentence and whole-answer times in microseconds.
   */
  private static long[] ask(SlackRequests requests, SlackStandIn slack, String eventId, String thread,
      String question) throws Exception {
    String channel = "D" + eventId.toUpperCase();
    String body = SlackRequests.event(eventId, SlackRequests.message("U0EMP", channel, "im", thread + "1", thread,
        question));
    long start = System.nanoTime();
    assertEquals(200, requests.json(body).statusCode());
    long ack = System.nanoTime();
    SlackStandIn.Call first = slack.await("chat.startStream", c -> channel.equals(c.param("channel")));
    SlackStandIn.Call whole = slack.await("chat.stopStream", c -> channel.equals(c.param("channel")));
    return new long[] {(ack - start) / 1000, (first.receivedNanos() - start) / 1000,
        (whole.receivedNanos() - start) / 1000};
  }

  /** One streamed call straight to the model: what the machine's timers and the model's pace allow at best. */
  private static long[] modelAlone(LoopbackChatServer model) throws Exception {
    java.util.concurrent.CompletableFuture<long[]> result = new java.util.concurrent.CompletableFuture<>();
    long start = System.nanoTime();
    long[] at = new long[3];
    StringBuilder text = new StringBuilder();
    OpenAiStreamingChatModel.builder().baseUrl(model.baseUrl()).apiKey("k").modelName("m").build().chat("warm",
        new dev.langchain4j.model.chat.response.StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String token) {
            long now = System.nanoTime() - start;
            if (at[0] == 0) {
              at[0] = now / 1000;
            }
            text.append(token);
            if (at[1] == 0 && text.indexOf(". ") > 0) {
              at[1] = now / 1000;
            }
          }

          @Override
          public void onCompleteResponse(dev.langchain4j.model.chat.response.ChatResponse response) {
            at[2] = (System.nanoTime() - start) / 1000;
            result.complete(at);
          }

          @Override
          public void onError(Throwable error) {
            result.completeExceptionally(error);
          }
        });
    return result.get(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static void print(String label, List<long[]> timings, int column) {
    List<Long> sorted = new ArrayList<>(timings.stream().map(t -> t[column]).toList());
    Collections.sort(sorted);
    int n = sorted.size();
    System.out.printf("%s p50 %7.1f ms, p90 %7.1f ms, p99 %7.1f ms, max %7.1f ms%n", label,
        sorted.get(n / 2) / 1000.0, sorted.get(Math.max(0, n * 9 / 10 - 1)) / 1000.0,
        sorted.get(Math.max(0, n * 99 / 100 - 1)) / 1000.0, sorted.get(n - 1) / 1000.0);
  }
}

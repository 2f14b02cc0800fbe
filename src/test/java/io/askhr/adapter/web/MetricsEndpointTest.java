package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmDrafter;
import io.askhr.drafting.MeteredChatModel;
import io.askhr.insight.Feedback;
import io.askhr.insight.InsightStore;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.question.AnswerFlow;
import io.askhr.question.AnswerSettings;
import io.askhr.question.Asker;
import io.askhr.question.MeteredHandler;
import io.askhr.question.Platform;
import io.askhr.question.Question;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.TestModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} of a real server, after one question answered through the real answer path and a loopback model. */
class MetricsEndpointTest {

  @TempDir Path temp;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldExposeQuestionStageModelFeedbackAndIndexSeriesAfterOneAnsweredQuestion() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
        LoopbackChatServer model = new LoopbackChatServer()) {
      // given a server whose answer path reports to one registry
      model.replyWith("Full-time employees get 25 days of annual leave [1].");
      PrometheusMetrics metrics = new PrometheusMetrics();
      IndexReport report = index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000),
          PassageSplitter.defaults());
      metrics.indexed(report);
      AnswerSettings answers = Settings.fromEnvironment(Map.of("EMBEDDING_MODEL", "minilm"), Optional.empty(), Optional.empty()).answers();
      ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
      LlmDrafter llm = new LlmDrafter(new MeteredChatModel(OpenAiChatModel.builder().baseUrl(model.baseUrl())
          .apiKey("k").modelName("m").maxRetries(0).build(), metrics), "Brightwater Systems", answers.hrContact());
      MeteredHandler handler = new MeteredHandler(new AnswerFlow(index.searcher(), llm, extractive,
          new FollowUpHeuristic(), answers, metrics), metrics);
      InsightStore store = metrics.counting(new MemoryInsightStore());
      try (WebServer server = new WebServer(handler, () -> true, List.of(), store, HrDashboard.off(), metrics)) {
        String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);

        // when one question is answered and rated
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"How many days of annual leave do I get?\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        store.recordFeedback(new Feedback(asked.headers().firstValue("X-Answer-Id").orElseThrow(), Platform.WEB,
            "web:x", true, Instant.now()));
        HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(base + WebServer.METRICS_PATH))
            .build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertEquals(200, asked.statusCode(), asked.body());
        assertTrue(asked.body().contains("\"mode\":\"llm\""), asked.body());
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = scraped.body();
        assertEquals(1.0, value(text, "askhr_questions_total{outcome=\"answered\",platform=\"web\"}"), text);
        assertEquals(0.0, value(text, "askhr_questions_total{outcome=\"not_covered\",platform=\"web\"}"));
        assertEquals(0.0, value(text, "askhr_questions_total{outcome=\"refused\",platform=\"slack\"}"));
        assertEquals(0.0, value(text, "askhr_questions_total{outcome=\"error\",platform=\"teams\"}"));
        assertEquals(1.0, value(text, "askhr_stage_seconds_count{stage=\"retrieval\"}"));
        assertEquals(1.0, value(text, "askhr_stage_seconds_count{stage=\"llm\"}"));
        assertEquals(1.0, value(text, "askhr_stage_seconds_count{stage=\"total\"}"));
        assertEquals(1.0, value(text, "askhr_stage_seconds_bucket{stage=\"total\",le=\"+Inf\"}"));
        assertEquals(10.0, value(text, "askhr_llm_tokens_total{type=\"input\"}"), "the loopback reports 10 and 5");
        assertEquals(5.0, value(text, "askhr_llm_tokens_total{type=\"output\"}"));
        assertEquals(0.0, value(text, "askhr_llm_errors_total"));
        assertEquals(1.0, value(text, "askhr_feedback_total{platform=\"web\",rating=\"helpful\"}"));
        assertEquals(0.0, value(text, "askhr_escalations_total{event=\"opened\",platform=\"web\"}"));
        assertEquals(report.passages(), value(text, "askhr_index_passages"));
        assertTrue(report.passages() > 0);
        double reloaded = value(text, "askhr_index_last_reload_timestamp_seconds");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - reloaded) < 600, "last reload " + reloaded);
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM series are there too");
      }
    }
  }

  @Test
  void shouldCountFailedModelCallsAndFallBackToQuoting() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
        LoopbackChatServer model = new LoopbackChatServer()) {
      // given a model that fails
      model.status(500);
      PrometheusMetrics metrics = new PrometheusMetrics();
      index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
      AnswerSettings answers = Settings.fromEnvironment(Map.of("EMBEDDING_MODEL", "minilm"), Optional.empty(), Optional.empty()).answers();
      ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
      LlmDrafter llm = new LlmDrafter(new MeteredChatModel(OpenAiChatModel.builder().baseUrl(model.baseUrl())
          .apiKey("k").modelName("m").maxRetries(0).timeout(Duration.ofSeconds(5)).build(), metrics),
          "Brightwater Systems", answers.hrContact());
      MeteredHandler handler = new MeteredHandler(new AnswerFlow(index.searcher(), llm, extractive,
          new FollowUpHeuristic(), answers, metrics), metrics);

      // when
      handler.answer(Question.first("How many days of annual leave do I get?", Asker.anonymous("u1"),
          Platform.SLACK));

      // then
      String text = metrics.scrape();
      assertEquals(1.0, value(text, "askhr_llm_errors_total"), text);
      assertEquals(1.0, value(text, "askhr_stage_seconds_count{stage=\"llm\"}"));
      assertEquals(1.0, value(text, "askhr_questions_total{outcome=\"answered\",platform=\"slack\"}"));
    }
  }

  /** The sample's value; fails when the series is missing. */
  static double value(String exposition, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
    assertTrue(m.find(), series + " is missing from:\n" + exposition);
    return Double.parseDouble(m.group(1));
  }
}

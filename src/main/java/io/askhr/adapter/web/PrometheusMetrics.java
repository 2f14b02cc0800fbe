package io.askhr.adapter.web;

import io.askhr.drafting.ModelMetrics;
import io.askhr.insight.InsightStore;
import io.askhr.question.AnswerMetrics;
import io.askhr.question.Platform;
import io.askhr.retrieval.IndexReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AskHR's operational metrics in one Micrometer registry, served as Prometheus text at {@code /metrics}. The answer
 * path, the model and the insight store report here through small interfaces; nothing else imports Micrometer.
 */
public final class PrometheusMetrics implements AnswerMetrics, ModelMetrics {

  /**
   * Histogram buckets for every stage: retrieval takes tens of milliseconds, a drafted answer seconds, and the LLM
   * timeout (20 s by default) bounds the top.
   */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
      Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30)};

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock;
  private final AtomicLong passages = new AtomicLong();
  private final AtomicLong lastReload = new AtomicLong();
  private final Timer retrieval = stage("retrieval");
  private final Timer llm = stage("llm");
  private final Timer total = stage("total");
  private final Counter llmErrors;
  private final Counter inputTokens;
  private final Counter outputTokens;

  public PrometheusMetrics() {
    this(Clock.systemUTC());
  }

  PrometheusMetrics(Clock clock) {
    this.clock = clock;
    // Every series exists from the start at 0, so that rates and ratios are defined before the first event.
    for (Platform platform : Platform.values()) {
      for (Outcome outcome : Outcome.values()) {
        questions(platform, outcome);
      }
      feedback(platform, true);
      feedback(platform, false);
      escalations(platform, "opened");
      escalations(platform, "resolved");
    }
    llmErrors = Counter.builder("askhr.llm.errors")
        .description("Language model calls that failed after retries; the answer fell back to quoting")
        .register(registry);
    inputTokens = tokens("input");
    outputTokens = tokens("output");
    Gauge.builder("askhr.index.passages", passages, AtomicLong::get)
        .description("Passages in this replica's index").register(registry);
    Gauge.builder("askhr.index.last.reload.timestamp", lastReload, AtomicLong::get).baseUnit("seconds")
        .description("When this replica last brought its index in line with the knowledge folder (Unix time)")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The exposition in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** The store, counting feedback and escalations as they are recorded. */
  public InsightStore counting(InsightStore store) {
    return new CountingInsightStore(store, this);
  }

  /** After each index run (start-up and every change of the knowledge folder). */
  public void indexed(IndexReport report) {
    passages.set(report.passages());
    lastReload.set(clock.instant().getEpochSecond());
  }

  @Override
  public void retrieved(Duration took) {
    retrieval.record(took);
  }

  @Override
  public void answered(Platform platform, Outcome outcome, Duration took) {
    questions(platform, outcome).increment();
    total.record(took);
  }

  @Override
  public void called(Duration took, int input, int output) {
    llm.record(took);
    inputTokens.increment(input);
    outputTokens.increment(output);
  }

  @Override
  public void failed(Duration took, String errorType) {
    llm.record(took);
    llmErrors.increment();
  }

  void rated(Platform platform, boolean helpful) {
    feedback(platform, helpful).increment();
  }

  void escalation(Platform platform, String event) {
    escalations(platform, event).increment();
  }

  private Counter questions(Platform platform, Outcome outcome) {
    return Counter.builder("askhr.questions").description("Questions by platform and outcome")
        .tag("platform", name(platform)).tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry);
  }

  private Counter feedback(Platform platform, boolean helpful) {
    return Counter.builder("askhr.feedback").description("Employees' ratings of answers")
        .tag("platform", name(platform)).tag("rating", helpful ? "helpful" : "not_helpful").register(registry);
  }

  private Counter escalations(Platform platform, String event) {
    return Counter.builder("askhr.escalations").description("Talk to HR requests opened and resolved")
        .tag("platform", name(platform)).tag("event", event).register(registry);
  }

  private Counter tokens(String type) {
    return Counter.builder("askhr.llm.tokens").description("Tokens the language model reported, by direction")
        .tag("type", type).register(registry);
  }

  private Timer stage(String stage) {
    return Timer.builder("askhr.stage")
        .description("Latency per stage: retrieval, llm (per call), total (per question)")
        .tag("stage", stage).serviceLevelObjectives(BUCKETS).register(registry);
  }

  private static String name(Platform platform) {
    return platform.name().toLowerCase(Locale.ROOT);
  }
}

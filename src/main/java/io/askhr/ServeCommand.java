package io.askhr;

import io.askhr.adapter.teams.TeamsAdapter;
import io.askhr.adapter.web.PrometheusMetrics;
import io.askhr.adapter.web.WebServer;
import io.askhr.adapter.web.Webhook;
import io.askhr.config.LlmSettings;
import io.askhr.config.Settings;
import io.askhr.insight.BufferedInsightStore;
import io.askhr.insight.InsightStore;
import io.askhr.insight.InsightStores;
import io.askhr.insight.JdbcInsightStore;
import io.askhr.insight.ReachabilityProbe;
import io.askhr.insight.RetentionPurge;
import io.askhr.question.AdmissionControl;
import io.askhr.question.MeteredHandler;
import io.askhr.question.QuestionHandler;
import io.askhr.retrieval.IndexReport;
import io.askhr.shared.SharedState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code askhr serve}: the main job, an HTTP server that answers until stopped. */
@Command(name = "serve", description = "Run the HTTP server: local chat page, /api/ask, health (the default command).")
final class ServeCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
  /**
   * How long SIGTERM waits for {@link #call()} to finish before the JVM exits anyway: the HTTP server's grace for
   * requests in flight, then the chat adapters' for answers in flight (about 10 s each, overlapping), then closing
   * the index and the store. Kubernetes' terminationGracePeriodSeconds (deploy/k8s) is set above it.
   */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);
  /** How long a question waits for a free answer slot before "please ask again" (Slack shows the placeholder). */
  private static final Duration ADMISSION_WAIT = Duration.ofSeconds(30);

  @Mixin FolderOptions folders = new FolderOptions();

  @Option(names = "--port", description = "HTTP port (default: $PORT, else 3978)")
  Integer port;

  @Option(names = "--host", description = "Interface to listen on (default: $HOST, else 0.0.0.0)")
  String host;

  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    Settings settings = folders.settings();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndWait, "askhr-shutdown"));
    PrometheusMetrics metrics = new PrometheusMetrics();
    try (Engine engine = Engine.open(settings, metrics);
        JdbcInsightStore insight = InsightStores.open(settings.insight(), settings.dataDir());
        RetentionPurge purge = RetentionPurge.start(insight, settings.insight().retention());
        ReachabilityProbe insightReachable = ReachabilityProbe.start(insight);
        SharedState shared = SharedState.open(settings.insight(), Clock.systemUTC())) {
      IndexReport report = engine.refresh();
      log.info("Indexed {}: {} files, {} passages ({} embedded now), {} skipped, in {} ms",
          settings.knowledgeDir(), report.files(), report.passages(), report.embedded(), report.problems().size(),
          report.took().toMillis());
      report.problems().forEach(p -> log.warn("Skipped {}: {}", p.source(), p.reason()));
      if (report.passages() == 0) {
        log.warn("The index is empty: every question will get the \"not covered\" reply until policies are added to {}",
            settings.knowledgeDir());
      }
      log.info(settings.llm().map(l -> "Drafting with model " + l.model() + " at " + LlmSettings.origin(l.baseUrl()))
          .orElse("No LLM configured (LLM_BASE_URL / LLM_API_KEY): answering extractively, quoting policy"));
      log.info("Keeping insight in {} for {} days", insight.describe(), settings.insight().retention().toDays());
      List<Webhook> webhooks = new ArrayList<>();
      log.info(shared.shared() ? "Conversation turns, recent answers, Teams sent cards and rate limits are shared in"
          + " PostgreSQL" : "Conversation turns, recent answers, Teams sent cards and rate limits are kept in this"
          + " process (one replica)");
      QuestionHandler handler = new MeteredHandler(new AdmissionControl(engine.handler(),
          shared.rateLimits(settings.limits().questionsPerMinute(), settings.limits().globalQuestionsPerMinute()),
          settings.limits().concurrentAnswers(), ADMISSION_WAIT), metrics);
      // Closed in reverse: the server stops accepting and finishes its requests, chats finish the answers in flight,
      // then queued insight is written; the engine and the store close last (outer try).
      try (BufferedInsightStore writes = new BufferedInsightStore(insight);
          InsightStore counted = metrics.counting(writes);
          ChatAdapters chats = ChatAdapters.open(settings, handler, counted, insight, insight, webhooks,
              shared.conversations());
          AutoCloseable watching = engine.watch();
          WebServer server = new WebServer(handler, () -> engine.healthy() && insightReachable.getAsBoolean(), webhooks,
              counted, engine.dashboard(insight), metrics, settings.web(), shared.conversations())) {
        String bindHost = host != null ? host : settings.host();
        int bound = server.start(bindHost, port != null ? port : settings.port());
        log.info("AskHR is listening on http://{}:{}/", bindHost, bound);
        chats.start();
        stopping.await();
        log.info("Stopping: no new requests; answers in flight may take up to {} s", WebServer.STOP_GRACE_SECONDS);
      }
    } finally {
      // Logged before the shutdown hook is released: once it returns, the JVM may exit before another line is written.
      log.info("AskHR stopped");
      closed.countDown();
    }
    return 0;
  }

  /** Runs on SIGTERM/SIGINT: lets {@link #call()} close the server and the index, within a grace period. */
  private void stopAndWait() {
    stopping.countDown();
    try {
      closed.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.askhr;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.askhr.adapter.web.HrDashboard;
import io.askhr.answers.ApprovedAnswerFolder;
import io.askhr.adapter.web.PrometheusMetrics;
import io.askhr.config.ConfigException;
import io.askhr.config.EmbeddingSettings;
import io.askhr.config.LlmSettings;
import io.askhr.config.Settings;
import io.askhr.drafting.AnswerDrafter;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.GlossingRewriter;
import io.askhr.drafting.LlmDrafter;
import io.askhr.drafting.LlmQueryRewriter;
import io.askhr.drafting.MeteredChatModel;
import io.askhr.drafting.MeteredStreamingChatModel;
import io.askhr.drafting.ModelMetrics;
import io.askhr.drafting.QueryRewriter;
import io.askhr.drafting.ResilientChatModel;
import io.askhr.drafting.StreamingLlmDrafter;
import io.askhr.insight.InsightQueries;
import io.askhr.insight.Insights;
import io.askhr.knowledge.FolderWatcher;
import io.askhr.knowledge.KnowledgeCatalog;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.question.AnswerFlow;
import io.askhr.question.AnswerMetrics;
import io.askhr.question.ApprovedAnswers;
import io.askhr.question.SensitiveClassifier;
import io.askhr.question.QuestionHandler;
import io.askhr.retrieval.BundledEmbeddingModel;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.PolicyEmbedder;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.retrieval.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answer engine wired from settings: knowledge folder, index, drafter and the question handler. */
final class Engine implements AutoCloseable {

  /** How long a failing model is left alone before one trial call; answers are extractive meanwhile. */
  private static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  /** Quiet time after the last change before re-indexing: an editor's save is several writes and a rename. */
  static final Duration WATCH_DEBOUNCE = Duration.ofSeconds(1);
  /** A query embedding is on the answer's critical path: a slow endpoint should fail the search, not hang it. */
  private static final Duration REMOTE_EMBEDDING_TIMEOUT = Duration.ofSeconds(10);

  private final Settings settings;
  private final KnowledgeFolder folder;
  private final PolicyIndex index;
  private final PolicyEmbedder embeddings;
  private final QuestionHandler handler;
  private final KnowledgeCatalog catalog;
  private final Consumer<IndexReport> indexed;
  private final Synonyms synonyms;
  private final ApprovedAnswers approved;
  /** Rebuilds a damaged index off the answering threads; one at a time. */
  private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "askhr-index-rebuild");
    t.setDaemon(true);
    return t;
  });

  private Engine(Settings settings, KnowledgeFolder folder, PolicyIndex index, PolicyEmbedder embeddings,
      QuestionHandler handler, Consumer<IndexReport> indexed, Synonyms synonyms, ApprovedAnswers approved) {
    this.synonyms = synonyms;
    this.approved = approved;
    this.indexed = indexed;
    this.settings = settings;
    this.folder = folder;
    this.index = index;
    this.embeddings = embeddings;
    this.handler = handler;
    this.catalog = new KnowledgeCatalog(folder);
    index.health().onDamage(() -> rebuilder.execute(this::rebuildAfterDamage));
  }

  /** Whether the index can be searched: false while a damaged index is rebuilt (for {@code /readyz}). */
  boolean healthy() {
    return index.health().healthy();
  }

  private void rebuildAfterDamage() {
    try {
      IndexReport report = index.rebuild(folder, PassageSplitter.defaults());
      indexed.accept(report);
      log.info("Rebuilt the damaged index: {} passages in {} ms", report.passages(), report.took().toMillis());
    } catch (IOException | RuntimeException e) {
      log.error("Rebuilding the damaged index {} failed; restart AskHR or delete the folder: {}",
          settings.indexDir(), e.toString());
    }
  }

  /** Opens the index for the settings' knowledge folder; does not index yet (see {@link #refresh()}). */
  static Engine open(Settings settings) throws IOException {
    return open(settings, AnswerMetrics.NONE, ModelMetrics.NONE, report -> {});
  }

  /** As {@link #open(Settings)}, reporting answers, model calls and index runs to {@code metrics}. */
  static Engine open(Settings settings, PrometheusMetrics metrics) throws IOException {
    return open(settings, metrics, metrics, metrics::indexed);
  }

  private static Engine open(Settings settings, AnswerMetrics answerMetrics, ModelMetrics modelMetrics,
      Consumer<IndexReport> indexed) throws IOException {
    if (!Files.isDirectory(settings.knowledgeDir())) {
      throw new NoSuchFileException(settings.knowledgeDir().toAbsolutePath().toString(), null,
          "knowledge folder not found (set KNOWLEDGE_DIR or pass --knowledge DIR)");
    }
    PolicyEmbedder embeddings = localEmbedder();
    KnowledgeFolder folder = new KnowledgeFolder(settings.knowledgeDir(), settings.maxFileBytes());
    Synonyms synonyms = synonyms(settings);
    PolicyIndex index = openIndex(settings, passageEmbedder(settings.embedding()), synonyms);
    try {
      AnswerDrafter extractive = new ExtractiveDrafter(embeddings, synonyms);
      AnswerDrafter drafter = extractive;
      QueryRewriter rewriter = new GlossingRewriter(new FollowUpHeuristic(), synonyms);
      if (settings.llm().isPresent()) {
        LlmSettings llm = settings.llm().get();
        ResilientChatModel resilient = new ResilientChatModel(chatModel(llm), llm.maxConcurrent(),
            llm.timeout(), ResilientChatModel.breakerConfig(BREAKER_OPEN_FOR));
        ChatModel model = new MeteredChatModel(resilient, modelMetrics);
        // Adapters that stream get verified sentences as the model writes; the others get the answer whole.
        drafter = new StreamingLlmDrafter(
            new MeteredStreamingChatModel(resilient.streaming(streamingChatModel(llm), llm.timeout()), modelMetrics),
            new LlmDrafter(model, settings.company(), settings.answers().hrContact()), llm.timeout().multipliedBy(2));
        rewriter = new LlmQueryRewriter(model);
      }
      ApprovedAnswers approved = ApprovedAnswers.load(new ApprovedAnswerFolder(folder), embeddings, Clock.systemUTC());
      QuestionHandler handler = new AnswerFlow(index.searcher(), drafter, extractive, rewriter, settings.answers(),
          answerMetrics, SensitiveClassifier.shipped(embeddings), approved);
      return new Engine(settings, folder, index, embeddings, handler, indexed, synonyms, approved);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /**
   * The bundled e5-small model for the local uses (extractive answers, sensitive examples, approved answers, gap
   * clusters), whatever ranks passages: their thresholds are calibrated on it. Loaded once per process, so an index
   * that uses e5 shares the same model.
   */
  static PolicyEmbedder localEmbedder() {
    try {
      return BundledEmbeddingModel.E5_SMALL.load();
    } catch (IllegalStateException notBundled) {
      throw new ConfigException(notBundled.getMessage());
    }
  }

  /** The model that ranks passages, as {@code EMBEDDING_MODEL} and {@code EMBEDDING_BASE_URL} say. */
  static PolicyEmbedder passageEmbedder(EmbeddingSettings embedding) {
    if (embedding.remote()) {
      EmbeddingModel remote = OpenAiEmbeddingModel.builder()
          .baseUrl(embedding.baseUrl().orElseThrow())
          .apiKey(embedding.apiKey().orElse("not-needed")) // the client insists on a key; local servers ignore it
          .modelName(embedding.model())
          .timeout(REMOTE_EMBEDDING_TIMEOUT)
          .maxRetries(1)
          .build();
      return new PolicyEmbedder("openai:" + embedding.model() + "@" + LlmSettings.origin(embedding.baseUrl().get()),
          remote, "", "");
    }
    BundledEmbeddingModel bundled = BundledEmbeddingModel.named(embedding.model())
        .orElseThrow(() -> new ConfigException("Unknown EMBEDDING_MODEL " + embedding.model()));
    try {
      return bundled.load();
    } catch (IllegalStateException notBundled) {
      throw new ConfigException(notBundled.getMessage());
    }
  }

  /** HR's synonyms file, or the bundled starter list; a malformed file stops startup with its line number. */
  static Synonyms synonyms(Settings settings) {
    if (settings.synonymsFile().isEmpty()) {
      return Synonyms.bundled();
    }
    Path file = settings.synonymsFile().get();
    try {
      return Synonyms.load(file);
    } catch (IOException | ParseException e) {
      throw new ConfigException("Cannot read the synonyms file " + file.toAbsolutePath() + ": " + e.getMessage()
          + " (askhr check shows the problem)");
    }
  }

  private static PolicyIndex openIndex(Settings settings, PolicyEmbedder embeddings, Synonyms synonyms) {
    try {
      return PolicyIndex.open(settings.indexDir(), embeddings, synonyms);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("Cannot open the index at " + settings.indexDir().toAbsolutePath() + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "). Point INDEX_DIR or --index at a writable folder, or delete this one to rebuild it.");
    }
  }

  private static ChatModel chatModel(LlmSettings llm) {
    return OpenAiChatModel.builder()
        .baseUrl(llm.baseUrl())
        .apiKey(llm.apiKey())
        .modelName(llm.model())
        .timeout(llm.timeout())
        .temperature(0.0)
        .maxRetries(0)
        .httpClientBuilder(ResilientChatModel.httpClientBuilder())
        .build();
  }

  private static StreamingChatModel streamingChatModel(LlmSettings llm) {
    return OpenAiStreamingChatModel.builder()
        .baseUrl(llm.baseUrl())
        .apiKey(llm.apiKey())
        .modelName(llm.model())
        .timeout(llm.timeout())
        .temperature(0.0)
        .httpClientBuilder(ResilientChatModel.httpClientBuilder())
        .build();
  }

  /** Brings the index in line with the knowledge folder. */
  IndexReport refresh() throws IOException {
    IndexReport report = index.update(folder, PassageSplitter.defaults());
    approved.reload();
    indexed.accept(report);
    return report;
  }

  /**
   * Re-indexes whenever the knowledge folder changes, until closed. Does nothing when another process holds the
   * index (that process watches).
   */
  AutoCloseable watch() throws IOException {
    if (!writable()) {
      return () -> {};
    }
    AutoCloseable knowledge = FolderWatcher.start(settings.knowledgeDir(), WATCH_DEBOUNCE, this::refreshAfterChange);
    AutoCloseable vocabulary = watchSynonyms();
    return () -> {
      try (knowledge; vocabulary) {
        // both watchers stop
      }
    };
  }

  /** Watches the synonyms file's folder; a save reloads HR's synonyms, a malformed one keeps the previous list. */
  private AutoCloseable watchSynonyms() throws IOException {
    if (settings.synonymsFile().isEmpty()) {
      return () -> {};
    }
    Path file = settings.synonymsFile().get().toAbsolutePath();
    return FolderWatcher.start(file.getParent(), WATCH_DEBOUNCE, () -> {
      try {
        synonyms.reload(file);
        log.info("Synonyms reloaded from {}", file);
      } catch (IOException | ParseException e) {
        log.warn("Synonyms file {} not reloaded, the previous list stays: {}", file, e.getMessage());
      }
    });
  }

  private void refreshAfterChange() {
    try {
      IndexReport report = refresh();
      if (report.changedFiles() > 0 || report.removedFiles() > 0) {
        log.info("Knowledge folder changed: {} files re-indexed, {} removed, {} passages now, in {} ms",
            report.changedFiles(), report.removedFiles(), report.passages(), report.took().toMillis());
      }
      if (!report.problems().isEmpty()) {
        log.warn("{} files of {} cannot be read; answers use their last good version, if any (askhr check lists them)",
            report.problems().size(), settings.knowledgeDir());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Re-indexing {} failed; answering from the previous index: {}", settings.knowledgeDir(), e.toString());
    }
  }

  /** HR's dashboard over this engine's knowledge folder and the given insight. */
  HrDashboard dashboard(InsightQueries insight) {
    return new HrDashboard(settings.insight().dashboardToken(),
        new Insights(insight, embeddings, catalog::snapshot, Clock.systemUTC()));
  }

  KnowledgeCatalog catalog() {
    return catalog;
  }

  /** False when another AskHR process is writing the same index; this one then reads it as it is. */
  boolean writable() {
    return index.writable();
  }

  QuestionHandler handler() {
    return handler;
  }

  PolicySearcher searcher() {
    return index.searcher();
  }

  /** Forgets the remembered query vectors, the search's and the local uses': {@code bench} times new questions. */
  void forgetQueryVectors() {
    index.forgetQueryVectors();
    embeddings.forgetQueries();
  }

  Settings settings() {
    return settings;
  }

  EmbeddingModel embeddings() {
    return embeddings.model();
  }

  @Override
  public void close() throws IOException {
    rebuilder.shutdownNow();
    index.close();
  }
}

package io.askhr;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.config.ConfigException;
import io.askhr.config.LlmSettings;
import io.askhr.config.Settings;
import io.askhr.drafting.AnswerDrafter;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmDrafter;
import io.askhr.drafting.LlmQueryRewriter;
import io.askhr.drafting.QueryRewriter;
import io.askhr.drafting.ResilientChatModel;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.question.AnswerFlow;
import io.askhr.question.QuestionHandler;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.PolicySearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

/** The answer engine wired from settings: knowledge folder, index, drafter and the question handler. */
final class Engine implements AutoCloseable {

  /** How long a failing model is left alone before one trial call; answers are extractive meanwhile. */
  private static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(30);

  private final Settings settings;
  private final KnowledgeFolder folder;
  private final PolicyIndex index;
  private final EmbeddingModel embeddings;
  private final QuestionHandler handler;

  private Engine(Settings settings, KnowledgeFolder folder, PolicyIndex index, EmbeddingModel embeddings,
      QuestionHandler handler) {
    this.settings = settings;
    this.folder = folder;
    this.index = index;
    this.embeddings = embeddings;
    this.handler = handler;
  }

  /** Opens the index for the settings' knowledge folder; does not index yet (see {@link #refresh()}). */
  static Engine open(Settings settings) throws IOException {
    if (!Files.isDirectory(settings.knowledgeDir())) {
      throw new NoSuchFileException(settings.knowledgeDir().toAbsolutePath().toString(), null,
          "knowledge folder not found (set KNOWLEDGE_DIR or pass --knowledge DIR)");
    }
    EmbeddingModel embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    KnowledgeFolder folder = new KnowledgeFolder(settings.knowledgeDir(), settings.maxFileBytes());
    PolicyIndex index = openIndex(settings, embeddings);
    try {
      AnswerDrafter extractive = new ExtractiveDrafter(embeddings);
      AnswerDrafter drafter = extractive;
      QueryRewriter rewriter = new FollowUpHeuristic();
      if (settings.llm().isPresent()) {
        LlmSettings llm = settings.llm().get();
        ChatModel model = new ResilientChatModel(chatModel(llm), llm.maxConcurrent(), llm.timeout(),
            ResilientChatModel.breakerConfig(BREAKER_OPEN_FOR));
        drafter = new LlmDrafter(model, settings.company(), settings.answers().hrContact());
        rewriter = new LlmQueryRewriter(model);
      }
      QuestionHandler handler = new AnswerFlow(index.searcher(), drafter, extractive, rewriter, settings.answers());
      return new Engine(settings, folder, index, embeddings, handler);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  private static PolicyIndex openIndex(Settings settings, EmbeddingModel embeddings) {
    try {
      return PolicyIndex.open(settings.indexDir(), embeddings);
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

  /** Brings the index in line with the knowledge folder. */
  IndexReport refresh() throws IOException {
    return index.update(folder, PassageSplitter.defaults());
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

  Settings settings() {
    return settings;
  }

  EmbeddingModel embeddings() {
    return embeddings;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}

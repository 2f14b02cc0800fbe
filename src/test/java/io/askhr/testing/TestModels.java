package io.askhr.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.askhr.retrieval.BundledEmbeddingModel;
import io.askhr.retrieval.PolicyEmbedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real in-process embedding model, loaded once per test JVM, and a counting wrapper around it. */
public final class TestModels {

  private static EmbeddingModel shared;

  private TestModels() {}

  public static synchronized EmbeddingModel embeddings() {
    if (shared == null) {
      shared = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
    return shared;
  }

  /** The bundled e5-small model with its prefixes, as the sensitive, approved, extractive and gap uses get it. */
  public static PolicyEmbedder local() {
    return BundledEmbeddingModel.E5_SMALL.load();
  }

  /** Counts how many texts are embedded, to prove that unchanged files are not embedded again. */
  public static final class Counting implements EmbeddingModel {
    private final AtomicInteger embedded = new AtomicInteger();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      embedded.addAndGet(segments.size());
      return embeddings().embedAll(segments);
    }

    public int embedded() {
      return embedded.get();
    }

    public void reset() {
      embedded.set(0);
    }
  }
}

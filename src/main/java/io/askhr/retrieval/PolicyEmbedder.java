package io.askhr.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/**
 * An embedding model with the prefixes it was trained with: bge wants an instruction before queries, e5 wants
 * "query: " and "passage: ". The name goes into the index's build settings, so a new model rebuilds the index.
 *
 * @param name identifies the model and prefixes, such as {@code bge-small-en-v1.5-q}
 */
public record PolicyEmbedder(String name, EmbeddingModel model, String queryPrefix, String passagePrefix) {

  /** A model used without prefixes (MiniLM, or a test stand-in), named after its class. */
  public static PolicyEmbedder plain(EmbeddingModel model) {
    return new PolicyEmbedder(model.getClass().getName(), model, "", "");
  }

  /** This model remembering its query vectors (itself when it already does), so a repeated query is embedded once. */
  public PolicyEmbedder remembering() {
    return model instanceof RememberedQueries ? this
        : new PolicyEmbedder(name, new RememberedQueries(model), queryPrefix, passagePrefix);
  }

  /** Forgets remembered query vectors: {@code bench} times each search as a question never asked before. */
  public void forgetQueries() {
    if (model instanceof RememberedQueries remembered) {
      remembered.forget();
    }
  }

  /** The vector of an asker's query. */
  public float[] query(String text) {
    return model.embed(queryPrefix + text).content().vector();
  }

  /** The vectors of passage texts, in order. */
  public List<float[]> passages(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(passagePrefix + t)).toList();
    return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
  }
}

package io.askhr.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.List;

/**
 * An embedding model that remembers the vectors of the single short texts it embeds: queries. One question is
 * embedded by the search, the sensitive classifier and the approved-answer match, all with e5's "query: " prefix,
 * and the same words are often asked again (a common question, a retry, a rewrite and its original); embedding is
 * most of a question's CPU. Passages, embedded in batches, are not kept.
 */
final class RememberedQueries implements EmbeddingModel {

  /** 2,000 vectors of 384 floats are about 3 MB. */
  private static final int CAPACITY = 2_000;
  /** Longer texts are pasted documents rather than questions; they are not kept. */
  private static final int MAX_KEPT_LENGTH = 1_000;
  /** Employees' words are not kept longer than a repeat is likely. */
  private static final Duration IDLE = Duration.ofHours(1);

  private final EmbeddingModel model;
  private final Cache<String, Embedding> recent =
      Caffeine.newBuilder().maximumSize(CAPACITY).expireAfterAccess(IDLE).executor(Runnable::run).build();

  RememberedQueries(EmbeddingModel model) {
    this.model = model;
  }

  @Override
  public Response<Embedding> embed(String text) {
    return text.length() > MAX_KEPT_LENGTH ? model.embed(text) : Response.from(recent.get(text, t -> model.embed(t)
        .content()));
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return model.embedAll(segments);
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  /** Forgets every vector, so that the next query of any text is embedded anew. */
  void forget() {
    recent.invalidateAll();
  }
}

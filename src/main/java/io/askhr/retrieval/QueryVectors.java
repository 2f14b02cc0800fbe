package io.askhr.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Query vectors, remembered per index: the same words asked again (a common question, a retry, the answer flow
 * searching a rewrite and the original) are embedded once. Embedding is most of a search's CPU.
 */
final class QueryVectors {

  /** 2,000 vectors of 384 floats are about 3 MB. */
  private static final int CAPACITY = 2_000;
  /** Longer texts are pasted documents rather than questions; they are not kept. */
  private static final int MAX_KEPT_LENGTH = 1_000;
  /** Employees' words are not kept longer than a repeat is likely. */
  private static final Duration IDLE = Duration.ofHours(1);

  private final PolicyEmbedder embedder;
  private final Cache<String, float[]> recent =
      Caffeine.newBuilder().maximumSize(CAPACITY).expireAfterAccess(IDLE).executor(Runnable::run).build();

  QueryVectors(PolicyEmbedder embedder) {
    this.embedder = embedder;
  }

  /** The query's vector; callers must not change the array. */
  float[] of(String query) {
    return query.length() > MAX_KEPT_LENGTH ? embedder.query(query) : recent.get(query, embedder::query);
  }

  /** Forgets every vector, so that the next search of any text embeds it anew. */
  void forget() {
    recent.invalidateAll();
  }
}

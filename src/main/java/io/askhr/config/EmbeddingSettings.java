package io.askhr.config;

import java.util.List;
import java.util.Optional;

/**
 * Which embedding model ranks passages: one bundled in-process ({@code minilm}, {@code bge-small}, {@code e5-small}),
 * or, when {@code EMBEDDING_BASE_URL} is set, a model behind an OpenAI-compatible {@code /v1/embeddings} endpoint.
 *
 * @param model {@code EMBEDDING_MODEL}: a bundled name, or the remote model's name (such as {@code bge-m3})
 * @param baseUrl {@code EMBEDDING_BASE_URL}, absent for the in-process models
 * @param apiKey {@code EMBEDDING_API_KEY}, absent when the endpoint needs none
 */
public record EmbeddingSettings(String model, Optional<String> baseUrl, Optional<String> apiKey) {

  /** Chosen with {@code askhr eval} on the held-out halves of the three gold sets (docs/retrieval.md). */
  public static final String DEFAULT_MODEL = "bge-small";

  /** The in-process models {@code EMBEDDING_MODEL} may name (io.askhr.retrieval.BundledEmbeddingModel). */
  public static final List<String> IN_PROCESS = List.of("minilm", "bge-small", "e5-small");

  /** Whether passages are embedded by a remote endpoint rather than in-process. */
  public boolean remote() {
    return baseUrl.isPresent();
  }

  @Override
  public String toString() {
    return "EmbeddingSettings[model=" + model + ", baseUrl=" + baseUrl.orElse("(in-process)") + ", apiKey="
        + (apiKey.isPresent() ? "****" : "(unset)") + "]";
  }
}

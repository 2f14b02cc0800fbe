package io.askhr.config;

import io.askhr.question.DecisionWeights;
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
  public static final String DEFAULT_MODEL = "e5-small";

  /** The in-process models {@code EMBEDDING_MODEL} may name (io.askhr.retrieval.BundledEmbeddingModel). */
  public static final List<String> IN_PROCESS = List.of("minilm", "bge-small", "e5-small");

  /**
   * Best-match similarity under which a question is "not covered", for this model. Cosine scales differ: MiniLM
   * spreads over 0..1, bge and e5 bunch up high. Measured on the dev half of the knowledge/ gold set (19 answerable,
   * 12 unanswerable): the value refuses only clear misses (no answerable dev question falls under it).
   */
  public double defaultMinSimilarity() {
    return switch (remote() ? "" : model) {
      case "bge-small" -> 0.53;
      case "e5-small" -> 0.80;
      default -> 0.30; // MiniLM; a remote model's scale is unknown: set RETRIEVAL_MIN_SIMILARITY for it
    };
  }

  /** Best-match similarity under which an extractive answer is hedged, for this model (measured as above). */
  public double defaultConfidentSimilarity() {
    return switch (remote() ? "" : model) {
      case "bge-small" -> 0.65;
      case "e5-small" -> 0.85;
      default -> 0.45;
    };
  }

  /**
   * The answer / hedge / not-covered rule's coverage weight, agreement bonus and hedge margin for this model, chosen on
   * the dev halves of both knowledge/ gold sets with {@code eval --answers} (docs/retrieval.md). bge-small has not been
   * calibrated and takes MiniLM's; a remote model's scale is unknown (set the ANSWER_* settings for it).
   */
  public DecisionWeights defaultDecisionWeights() {
    return !remote() && model.equals("e5-small") ? DecisionWeights.E5_SMALL : DecisionWeights.MINILM;
  }

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

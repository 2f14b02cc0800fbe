package io.askhr.question;

/**
 * The constants of the answer / hedge / not-covered rule ({@code AnswerDecision}): evidence = best-hit similarity +
 * {@code coverageWeight} × coverage + {@code agreementBonus} when BM25 and vectors agree; evidence up to
 * {@code hedgeMargin} above the "not covered" threshold is hedged. Similarity scales differ between embedding models,
 * so each model has its own values (config.EmbeddingSettings), chosen on the dev halves (docs/retrieval.md).
 *
 * @param coverageWeight {@code ANSWER_COVERAGE_WEIGHT}
 * @param agreementBonus {@code ANSWER_AGREEMENT_BONUS}
 * @param hedgeMargin {@code ANSWER_HEDGE_MARGIN}
 */
public record DecisionWeights(double coverageWeight, double agreementBonus, double hedgeMargin) {

  /** MiniLM (similarities spread over 0..1): chosen on the dev halves of both knowledge/ gold sets. */
  public static final DecisionWeights MINILM = new DecisionWeights(0.5, 0.1, 0.47);

  /** e5-small (similarities bunched at 0.75-0.92): chosen the same way, measured with e5-small. */
  public static final DecisionWeights E5_SMALL = new DecisionWeights(0.5, 0.15, 0.38);

  public DecisionWeights {
    if (coverageWeight < 0 || agreementBonus < 0 || hedgeMargin < 0) {
      throw new IllegalArgumentException("decision weights must not be negative: " + coverageWeight + ", "
          + agreementBonus + ", " + hedgeMargin);
    }
  }
}

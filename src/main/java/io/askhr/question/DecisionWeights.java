package io.askhr.question;

/**
 * The constants of the answer / hedge / not-covered rule ({@code AnswerDecision}). Evidence = best-hit similarity +
 * {@code coverageWeight} × coverage + {@code agreementBonus} when BM25 and vectors agree; evidence under the "not
 * covered" threshold is declined. What is not declined is hedged when its hedge score is under the threshold +
 * {@code hedgeMargin}: with rank penalties, the hedge score is the best similarity − {@code vectorRankPenalty} ×
 * ln(vector rank of the top hit) − {@code lexicalRankPenalty} × ln(BM25 rank of the top hit); without them (both 0), the
 * evidence. Similarity scales differ between embedding models, so each model has its own values
 * (config.EmbeddingSettings), chosen on the dev halves (docs/retrieval.md).
 *
 * @param coverageWeight {@code ANSWER_COVERAGE_WEIGHT}
 * @param agreementBonus {@code ANSWER_AGREEMENT_BONUS}
 * @param hedgeMargin {@code ANSWER_HEDGE_MARGIN}
 * @param vectorRankPenalty {@code ANSWER_VECTOR_RANK_PENALTY}
 * @param lexicalRankPenalty {@code ANSWER_LEXICAL_RANK_PENALTY}
 */
public record DecisionWeights(double coverageWeight, double agreementBonus, double hedgeMargin,
    double vectorRankPenalty, double lexicalRankPenalty) {

  /** MiniLM (similarities spread over 0..1): chosen on the dev halves of both knowledge/ gold sets; hedges on evidence. */
  public static final DecisionWeights MINILM = new DecisionWeights(0.5, 0.1, 0.47);

  /**
   * e5-small (similarities bunched at 0.75-0.92): declines on evidence as before (0.5, 0.15), hedges on the
   * rank-penalised similarity under 0.80 + 0.035. Chosen on the dev halves of both knowledge/ gold sets (95 questions,
   * 38 unanswerable), measured with e5-small (docs/retrieval.md).
   */
  public static final DecisionWeights E5_SMALL = new DecisionWeights(0.5, 0.15, 0.035, 0.03, 0.006);

  public DecisionWeights {
    if (coverageWeight < 0 || agreementBonus < 0 || hedgeMargin < 0 || vectorRankPenalty < 0
        || lexicalRankPenalty < 0) {
      throw new IllegalArgumentException("decision weights must not be negative: " + coverageWeight + ", "
          + agreementBonus + ", " + hedgeMargin + ", " + vectorRankPenalty + ", " + lexicalRankPenalty);
    }
  }

  /** Weights that hedge on evidence, without rank penalties. */
  public DecisionWeights(double coverageWeight, double agreementBonus, double hedgeMargin) {
    this(coverageWeight, agreementBonus, hedgeMargin, 0, 0);
  }

  /** Whether the hedge looks at the top hit's ranks rather than at the evidence. */
  boolean ranked() {
    return vectorRankPenalty > 0 || lexicalRankPenalty > 0;
  }
}

package io.askhr.question;

/**
 * Tuning of the answer flow.
 *
 * @param topK passages retrieved and shown to the drafter
 * @param minSimilarity below this evidence (best-hit similarity plus the question's coverage and BM25/vector
 *     agreement, see {@code AnswerDecision}) the policies are taken not to cover the question; the reply is hedged
 *     while its hedge score (e5: the similarity less the top hit's rank penalties; MiniLM: the evidence) is under
 *     {@code decision.hedgeMargin()} above it (tuned with {@code askhr eval --answers}, see docs/retrieval.md)
 * @param confidentSimilarity the retrieval report's similarity band for "hedged" ({@code askhr eval} without
 *     {@code --answers}); the answer flow itself hedges by {@code AnswerDecision}
 * @param maxQuestionChars longer messages are cut to this length, with a notice
 * @param hrContact how to reach a human at HR, quoted in "not covered" and sensitive replies
 * @param decision the evidence weights, hedge margin and rank penalties of the embedding model in use
 */
public record AnswerSettings(int topK, double minSimilarity, double confidentSimilarity, int maxQuestionChars,
    String hrContact, DecisionWeights decision) {

  /** With MiniLM's decision weights, the model the test fixtures index with. */
  public AnswerSettings(int topK, double minSimilarity, double confidentSimilarity, int maxQuestionChars,
      String hrContact) {
    this(topK, minSimilarity, confidentSimilarity, maxQuestionChars, hrContact, DecisionWeights.MINILM);
  }
}

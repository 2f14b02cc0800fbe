package io.askhr.question;

/**
 * Tuning of the answer flow.
 *
 * @param topK passages retrieved and shown to the drafter
 * @param minSimilarity below this query-passage embedding similarity of the best hit, the policies are taken not
 *     to cover the question (tuned with {@code askhr eval}, see README)
 * @param confidentSimilarity below this, an extractive reply says it found only the closest passages, not an answer
 * @param maxQuestionChars longer messages are cut to this length, with a notice
 * @param hrContact how to reach a human at HR, quoted in "not covered" and sensitive replies
 */
public record AnswerSettings(
    int topK, double minSimilarity, double confidentSimilarity, int maxQuestionChars, String hrContact) {}

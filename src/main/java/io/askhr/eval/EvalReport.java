package io.askhr.eval;

/**
 * Retrieval quality over a gold set.
 *
 * @param answerable questions that name sources; the hit and MRR figures are over these
 * @param answerableNotCovered answerable questions whose best hit fell under the "not covered" threshold
 * @param unanswerable questions with no sources, expected to get the "not covered" reply
 * @param unanswerableNotCovered how many of those did get it
 * @param answerableHedged answerable questions above the "not covered" threshold but under the confident one, whose
 *     extractive reply is hedged ("the closest passages I found")
 * @param unanswerableHedged unanswerable questions in that band
 */
public record EvalReport(
    int answerable,
    double hitAt1,
    double hitAt5,
    double hitAt10,
    double mrrAt10,
    int answerableNotCovered,
    int unanswerable,
    int unanswerableNotCovered,
    int answerableHedged,
    int unanswerableHedged,
    double searchP50Millis,
    double searchP95Millis) {}

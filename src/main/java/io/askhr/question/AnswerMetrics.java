package io.askhr.question;

import java.time.Duration;

/** What the answer path reports for operations (questions by outcome, stage latencies); see README "Operating". */
public interface AnswerMetrics {

  /** Reports nothing: for the command-line tools and tests that do not look. */
  AnswerMetrics NONE = new AnswerMetrics() {
    @Override
    public void retrieved(Duration took) {}

    @Override
    public void answered(Platform platform, Outcome outcome, Duration took) {}
  };

  /** How a question ended. */
  enum Outcome {
    /** A grounded, cited answer. */
    ANSWERED,
    /** The policies do not answer it; the employee was pointed to HR. */
    NOT_COVERED,
    /** Not answered now: rate limit or overload. */
    REFUSED,
    /** The message held no question. */
    USAGE_HINT,
    /** The handler threw; the adapter apologised. */
    ERROR;

    /** The outcome a reply stands for. */
    public static Outcome of(Reply reply) {
      if (reply.has(Reply.Flag.REFUSED)) {
        return REFUSED;
      }
      if (reply.has(Reply.Flag.USAGE_HINT)) {
        return USAGE_HINT;
      }
      return reply.has(Reply.Flag.NOT_COVERED) ? NOT_COVERED : ANSWERED;
    }
  }

  /** One search of the index, including embedding the question. */
  void retrieved(Duration took);

  /** One question from start to reply, admission control included. */
  void answered(Platform platform, Outcome outcome, Duration took);
}

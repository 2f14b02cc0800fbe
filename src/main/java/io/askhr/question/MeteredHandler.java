package io.askhr.question;

import java.time.Duration;

/** Reports every question's outcome and total latency; the outermost handler {@code serve} gives the adapters. */
public final class MeteredHandler implements QuestionHandler {

  private final QuestionHandler next;
  private final AnswerMetrics metrics;

  public MeteredHandler(QuestionHandler next, AnswerMetrics metrics) {
    this.next = next;
    this.metrics = metrics;
  }

  @Override
  public Reply answer(Question question) {
    return answer(question, AnswerStream.NONE);
  }

  @Override
  public Reply answer(Question question, AnswerStream stream) {
    long start = System.nanoTime();
    Reply reply;
    try {
      reply = next.answer(question, stream);
    } catch (RuntimeException | Error e) {
      metrics.answered(question.platform(), AnswerMetrics.Outcome.ERROR, Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
    metrics.answered(question.platform(), AnswerMetrics.Outcome.of(reply), Duration.ofNanos(System.nanoTime() - start));
    return reply;
  }
}

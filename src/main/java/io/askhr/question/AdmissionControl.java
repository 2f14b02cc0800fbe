package io.askhr.question;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits questions fairly before they reach the answer engine: each asker may ask a bounded number of questions a
 * minute, all askers together a larger bounded number, and only so many answers are drafted at once. Refusals are
 * friendly replies, never errors. The asker is {@link Asker#id()}: adapters put there who is asking (the chat user,
 * or on the web page the signed-in user or the client address), never something the client picks freely. The
 * per-asker and global allowances are {@link RateLimits}, shared by the replicas when they share PostgreSQL; the
 * answers drafted at once are bounded per process.
 */
public final class AdmissionControl implements QuestionHandler {

  private static final Logger log = LoggerFactory.getLogger(AdmissionControl.class);
  static final String TOO_MANY = "You've asked a lot of questions in the last minute. Please wait a moment and ask"
      + " again; I'll be right here.";
  static final String BUSY = "I'm answering a lot of questions right now. Please ask again in a minute.";

  private final QuestionHandler next;
  private final RateLimits limits;
  private final Semaphore drafting;
  private final Duration maxWait;

  /**
   * With the rate-limit buckets in this process (one replica).
   *
   * @param perMinute questions one asker may ask per minute
   * @param globalPerMinute questions all askers together may ask per minute
   * @param concurrent answers drafted at once; further questions wait up to {@code maxWait}
   */
  public AdmissionControl(QuestionHandler next, int perMinute, int globalPerMinute, int concurrent, Duration maxWait,
      Clock clock) {
    this(next, RateLimits.inProcess(perMinute, globalPerMinute, clock), concurrent, maxWait);
  }

  /** With the rate limits {@code limits} keeps (shared by the replicas); concurrency is bounded per process. */
  public AdmissionControl(QuestionHandler next, RateLimits limits, int concurrent, Duration maxWait) {
    this.next = next;
    this.limits = limits;
    this.drafting = new Semaphore(concurrent, true);
    this.maxWait = maxWait;
  }

  @Override
  public Reply answer(Question question) {
    return answer(question, AnswerStream.NONE);
  }

  @Override
  public Reply answer(Question question, AnswerStream stream) {
    switch (limits.take(question.asker().id())) {
      case ASKER_LIMIT -> {
        log.info("Rate limit: an asker on {} asked more questions in a minute than allowed", question.platform());
        return Reply.refusal(TOO_MANY);
      }
      case GLOBAL_LIMIT -> {
        log.warn("Global rate limit: more questions in a minute than all askers together may ask");
        return Reply.refusal(BUSY);
      }
      case ADMITTED -> {
        // on to the answer slots
      }
    }
    try {
      if (!drafting.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Overloaded: no answer slot free within {} s", maxWait.toSeconds());
        return Reply.refusal(BUSY);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.refusal(BUSY);
    }
    try {
      return next.answer(question, stream);
    } finally {
      drafting.release();
    }
  }
}

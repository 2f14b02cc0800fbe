package io.askhr.question;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
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
 * or on the web page the signed-in user or the client address), never something the client picks freely.
 */
public final class AdmissionControl implements QuestionHandler {

  private static final Logger log = LoggerFactory.getLogger(AdmissionControl.class);
  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** Askers tracked at once; beyond it the least recently seen are forgotten first (their bucket was full anyway). */
  private static final int MAX_TRACKED_ASKERS = 100_000;
  static final String TOO_MANY = "You've asked a lot of questions in the last minute. Please wait a moment and ask"
      + " again; I'll be right here.";
  static final String BUSY = "I'm answering a lot of questions right now. Please ask again in a minute.";

  private final QuestionHandler next;
  private final int perMinute;
  private final Semaphore drafting;
  private final Duration maxWait;
  private final TimeMeter time;
  private final Bucket everyone;
  private final Cache<String, Bucket> askers;

  /**
   * @param perMinute questions one asker may ask per minute
   * @param globalPerMinute questions all askers together may ask per minute
   * @param concurrent answers drafted at once; further questions wait up to {@code maxWait}
   */
  public AdmissionControl(QuestionHandler next, int perMinute, int globalPerMinute, int concurrent, Duration maxWait,
      Clock clock) {
    this.next = next;
    this.perMinute = perMinute;
    this.drafting = new Semaphore(concurrent, true);
    this.maxWait = maxWait;
    this.time = new ClockTime(clock);
    this.everyone = perMinute(globalPerMinute);
    // An asker idle for a whole window has a full bucket again: forgetting them loses nothing.
    this.askers = Caffeine.newBuilder().maximumSize(MAX_TRACKED_ASKERS).expireAfterAccess(WINDOW)
        .ticker(() -> time.currentTimeNanos()).build();
  }

  @Override
  public Reply answer(Question question) {
    return answer(question, AnswerStream.NONE);
  }

  @Override
  public Reply answer(Question question, AnswerStream stream) {
    if (!askers.get(question.asker().id(), id -> perMinute(perMinute)).tryConsume(1)) {
      log.info("Rate limit: an asker on {} asked more than {} questions in a minute", question.platform(), perMinute);
      return Reply.refusal(TOO_MANY);
    }
    if (!everyone.tryConsume(1)) {
      log.warn("Global rate limit: more questions in a minute than all askers together may ask");
      return Reply.refusal(BUSY);
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

  /** A full bucket of {@code limit} questions that refills continuously over a minute. */
  private Bucket perMinute(int limit) {
    return Bucket.builder().addLimit(l -> l.capacity(limit).refillGreedy(limit, WINDOW))
        .withCustomTimePrecision(time).build();
  }

  /** Bucket4j and Caffeine read the same clock, so tests can move time by hand. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}

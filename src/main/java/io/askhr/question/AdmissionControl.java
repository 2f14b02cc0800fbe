package io.askhr.question;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits questions fairly before they reach the answer engine: each asker may ask a bounded number of questions a
 * minute, and only so many answers are drafted at once. Refusals are friendly replies, never errors.
 */
public final class AdmissionControl implements QuestionHandler {

  private static final Logger log = LoggerFactory.getLogger(AdmissionControl.class);
  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** Askers tracked at once; the least recently seen are forgotten first. */
  private static final int MAX_TRACKED_ASKERS = 100_000;
  static final String TOO_MANY = "You've asked a lot of questions in the last minute. Please wait a moment and ask"
      + " again; I'll be right here.";
  static final String BUSY = "I'm answering a lot of questions right now. Please ask again in a minute.";

  private final QuestionHandler next;
  private final int perMinute;
  private final Semaphore drafting;
  private final Duration maxWait;
  private final Clock clock;
  private final Map<String, Deque<Long>> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
      return size() > MAX_TRACKED_ASKERS;
    }
  };

  /**
   * @param perMinute questions one asker may ask per minute
   * @param concurrent answers drafted at once; further questions wait up to {@code maxWait}
   */
  public AdmissionControl(QuestionHandler next, int perMinute, int concurrent, Duration maxWait, Clock clock) {
    this.next = next;
    this.perMinute = perMinute;
    this.drafting = new Semaphore(concurrent, true);
    this.maxWait = maxWait;
    this.clock = clock;
  }

  @Override
  public Reply answer(Question question) {
    return answer(question, AnswerStream.NONE);
  }

  @Override
  public Reply answer(Question question, AnswerStream stream) {
    if (!admit(question.asker().id())) {
      log.info("Rate limit: an asker on {} asked more than {} questions in a minute", question.platform(), perMinute);
      return Reply.refusal(TOO_MANY);
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

  private synchronized boolean admit(String askerId) {
    long now = clock.millis();
    Deque<Long> times = recent.computeIfAbsent(askerId, id -> new ArrayDeque<>());
    while (!times.isEmpty() && now - times.peekFirst() >= WINDOW.toMillis()) {
      times.pollFirst();
    }
    if (times.size() >= perMinute) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}

package io.askhr.question;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/** Recent answers held in this process, bounded by count and by time. */
final class InProcessRecentAnswers implements RecentAnswers {

  /** A few hours of answers at a busy company; an older button still records feedback, it just finds no text. */
  static final int MAX_ANSWERS = 5_000;

  private final Cache<String, Answered> answers;

  InProcessRecentAnswers() {
    this(MAX_ANSWERS, KEPT, Ticker.systemTicker());
  }

  InProcessRecentAnswers(int maxAnswers, Duration kept, Ticker ticker) {
    this.answers = Caffeine.newBuilder()
        .maximumSize(maxAnswers)
        .expireAfterWrite(kept)
        .executor(Runnable::run)
        .ticker(ticker)
        .build();
  }

  @Override
  public void put(String answerId, String question, Reply reply) {
    answers.put(answerId, new Answered(RecentAnswers.cut(question), reply));
  }

  @Override
  public Optional<Answered> get(String answerId) {
    return answerId == null ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(answerId));
  }

  /** Answers kept now (after pending evictions). */
  long size() {
    answers.cleanUp();
    return answers.estimatedSize();
  }
}

package io.askhr.question;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Replies given lately, by answer id, for the buttons that need them again ("Share in channel", "Talk to HR", a card
 * redrawn after feedback): the chat platforms do not send the text back with a button press. Bounded by count and
 * by time, the question cut first; held per process.
 */
public final class RecentAnswers {

  /** A few hours of answers at a busy company; an older button still records feedback, it just finds no text. */
  static final int MAX_ANSWERS = 5_000;
  /** Nobody shares or escalates an answer from last week: the button then says the answer is no longer available. */
  static final Duration KEPT = Duration.ofHours(24);
  /** The same cap as the insight store's ({@code Redaction.MAX_CHARS}): a pasted document is not kept whole. */
  static final int MAX_QUESTION_CHARS = 4_000;

  /** A question (cut) and the reply it got. */
  public record Answered(String question, Reply reply) {}

  private final Cache<String, Answered> answers;

  public RecentAnswers() {
    this(MAX_ANSWERS, KEPT, Ticker.systemTicker());
  }

  RecentAnswers(int maxAnswers, Duration kept, Ticker ticker) {
    this.answers = Caffeine.newBuilder()
        .maximumSize(maxAnswers)
        .expireAfterWrite(kept)
        .executor(Runnable::run)
        .ticker(ticker)
        .build();
  }

  /** Remembers a reply under its answer id. */
  public void put(String answerId, String question, Reply reply) {
    answers.put(answerId, new Answered(cut(question), reply));
  }

  /** The reply given under {@code answerId}; empty once forgotten or never given here. */
  public Optional<Answered> get(String answerId) {
    return answerId == null ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(answerId));
  }

  /** Answers kept now (after pending evictions). */
  long size() {
    answers.cleanUp();
    return answers.estimatedSize();
  }

  static String cut(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= MAX_QUESTION_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_QUESTION_CHARS - 1))
        ? MAX_QUESTION_CHARS - 1 : MAX_QUESTION_CHARS;
    return text.substring(0, end);
  }
}

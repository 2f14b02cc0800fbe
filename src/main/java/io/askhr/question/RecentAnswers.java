package io.askhr.question;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Replies given lately, by answer id, for the buttons that need them again ("Share in channel", "Talk to HR", a card
 * redrawn after feedback): the chat platforms do not send the text back with a button press. Held in this process
 * ({@link #inProcess()}) or, with several replicas, in the shared database; kept for {@link #KEPT}, the question cut
 * to {@link #MAX_QUESTION_CHARS} first. Neither method throws: a store that cannot answer finds nothing.
 */
public interface RecentAnswers {

  /** Nobody shares or escalates an answer from last week: the button then says the answer is no longer available. */
  Duration KEPT = Duration.ofHours(24);
  /** The same cap as the insight store's ({@code Redaction.MAX_CHARS}): a pasted document is not kept whole. */
  int MAX_QUESTION_CHARS = 4_000;

  /** A question (cut) and the reply it got. */
  record Answered(String question, Reply reply) {}

  /** Remembers a reply under its answer id. */
  void put(String answerId, String question, Reply reply);

  /** The reply given under {@code answerId}; empty once forgotten or never given. */
  Optional<Answered> get(String answerId);

  /** Held in this process, bounded by count and time (one replica). */
  static RecentAnswers inProcess() {
    return new InProcessRecentAnswers();
  }

  /** As {@link #inProcess()}, expiring on {@code clock} (which tests move by hand). */
  static RecentAnswers inProcess(Clock clock) {
    return new InProcessRecentAnswers(InProcessRecentAnswers.MAX_ANSWERS, KEPT, () -> clock.millis() * 1_000_000L);
  }

  /** The question cut to {@link #MAX_QUESTION_CHARS}, never splitting a surrogate pair; empty for null. */
  static String cut(String question) {
    return Texts.cut(question, MAX_QUESTION_CHARS);
  }
}

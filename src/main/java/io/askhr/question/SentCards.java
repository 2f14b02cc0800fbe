package io.askhr.question;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Teams needs beyond the reply itself: which answer each sent message carries, for Teams' own 👍/👎 under an AI
 * message (which names the message only), and what the employee did with each card so far, so that a card is redrawn
 * with its buttons spent. Held in this process ({@link #inProcess()}) or, with several replicas, in the shared
 * database; kept for {@link #KEPT}. No method throws: a store that cannot answer finds nothing, and a card it cannot
 * read is {@link CardState#FRESH}.
 */
public interface SentCards {

  /** As long as the reply itself is kept ({@link RecentAnswers#KEPT}): a card without its reply cannot be redrawn. */
  Duration KEPT = RecentAnswers.KEPT;

  /** Remembers that the message {@code messageId} carries the answer {@code answerId}. */
  void sent(String messageId, String answerId);

  /** The answer a sent message carries; empty once forgotten, never sent, or for null. */
  Optional<String> answerOfMessage(String messageId);

  /** The card's state; {@link CardState#FRESH} when nothing was pressed yet (or it was forgotten). */
  CardState state(String answerId);

  /** Keeps what the employee did with the card of {@code answerId}. */
  void update(String answerId, CardState state);

  /** Held in this process, bounded by count and time (one replica). */
  static SentCards inProcess() {
    return new InProcessSentCards(Ticker.systemTicker());
  }

  /** As {@link #inProcess()}, expiring on {@code clock} (which tests move by hand). */
  static SentCards inProcess(Clock clock) {
    return new InProcessSentCards(() -> clock.millis() * 1_000_000L);
  }

  /** What the employee did with a card so far ({@code status}: lines shown under the sources). */
  record CardState(boolean feedbackGiven, boolean escalated, List<String> status) {
    public static final CardState FRESH = new CardState(false, false, List.of());

    public CardState {
      status = List.copyOf(status);
    }

    public CardState withFeedback(String line) {
      return new CardState(true, escalated, append(line));
    }

    public CardState withEscalation(String line) {
      return new CardState(feedbackGiven, true, append(line));
    }

    private List<String> append(String line) {
      List<String> lines = new ArrayList<>(status);
      lines.add(line);
      return lines;
    }
  }
}

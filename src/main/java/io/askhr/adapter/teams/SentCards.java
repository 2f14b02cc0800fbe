package io.askhr.adapter.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Teams needs beyond the reply itself (kept by {@code Conversations}): which answer each sent message carries,
 * for Teams' own feedback, which names the message only, and what the employee did with each card so far, so that a
 * card is redrawn with its buttons spent. Bounded by count and time, per process: a button on an older card still
 * records the feedback, it just redraws a shorter card.
 */
final class SentCards {

  private static final int MAX_ANSWERS = 5_000;
  /** As long as the reply itself is kept: a card without its reply cannot be redrawn anyway. */
  private static final Duration KEPT = Duration.ofHours(24);

  private final Cache<String, String> messages = cache();
  private final Cache<String, CardState> states = cache();

  private static <V> Cache<String, V> cache() {
    return Caffeine.newBuilder().maximumSize(MAX_ANSWERS).expireAfterWrite(KEPT).executor(Runnable::run).build();
  }

  void sent(String messageId, String answerId) {
    messages.put(messageId, answerId);
  }

  Optional<String> answerOfMessage(String messageId) {
    return Optional.ofNullable(messageId == null ? null : messages.getIfPresent(messageId));
  }

  /** The card's state; a fresh one when nothing was pressed yet (or it was forgotten). */
  CardState state(String answerId) {
    CardState state = answerId == null ? null : states.getIfPresent(answerId);
    return state == null ? CardState.FRESH : state;
  }

  void update(String answerId, CardState state) {
    states.put(answerId, state);
  }

  /** What the employee did with a card so far ({@code status}: lines shown under the sources). */
  record CardState(boolean feedbackGiven, boolean escalated, List<String> status) {
    static final CardState FRESH = new CardState(false, false, List.of());

    CardState {
      status = List.copyOf(status);
    }

    CardState withFeedback(String line) {
      return new CardState(true, escalated, append(line));
    }

    CardState withEscalation(String line) {
      return new CardState(feedbackGiven, true, append(line));
    }

    private List<String> append(String line) {
      List<String> lines = new ArrayList<>(status);
      lines.add(line);
      return lines;
    }
  }
}

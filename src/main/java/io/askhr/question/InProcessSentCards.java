package io.askhr.question;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Optional;

/** Sent cards held in this process, bounded by count and by time. */
final class InProcessSentCards implements SentCards {

  /** As many as recent answers are kept: a button on an older card still records feedback, it redraws a short card. */
  static final int MAX_ANSWERS = InProcessRecentAnswers.MAX_ANSWERS;

  private final Cache<String, String> messages;
  private final Cache<String, CardState> states;

  InProcessSentCards(Ticker ticker) {
    this.messages = cache(ticker);
    this.states = cache(ticker);
  }

  private static <V> Cache<String, V> cache(Ticker ticker) {
    return Caffeine.newBuilder().maximumSize(MAX_ANSWERS).expireAfterWrite(KEPT).executor(Runnable::run)
        .ticker(ticker).build();
  }

  @Override
  public void sent(String messageId, String answerId) {
    if (messageId != null && answerId != null) {
      messages.put(messageId, answerId);
    }
  }

  @Override
  public Optional<String> answerOfMessage(String messageId) {
    return Optional.ofNullable(messageId == null ? null : messages.getIfPresent(messageId));
  }

  @Override
  public CardState state(String answerId) {
    CardState state = answerId == null ? null : states.getIfPresent(answerId);
    return state == null ? CardState.FRESH : state;
  }

  @Override
  public void update(String answerId, CardState state) {
    if (answerId != null && state != null) {
      states.put(answerId, state);
    }
  }
}

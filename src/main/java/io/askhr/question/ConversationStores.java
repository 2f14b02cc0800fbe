package io.askhr.question;

import java.time.Clock;

/**
 * Where {@link Conversations} keeps what outlives one question: the turns follow-ups build on and the replies the
 * buttons need again; and where the Teams adapter keeps its sent cards. In this process for one replica, in the shared
 * database for several.
 */
public record ConversationStores(ConversationMemory memory, RecentAnswers recent, SentCards cards) {

  /** All held in this process. */
  public static ConversationStores inProcess() {
    return new ConversationStores(ConversationMemory.inProcess(), RecentAnswers.inProcess(), SentCards.inProcess());
  }

  /** All held in this process, expiring on {@code clock}. */
  public static ConversationStores inProcess(Clock clock) {
    return new ConversationStores(ConversationMemory.inProcess(clock), RecentAnswers.inProcess(clock),
        SentCards.inProcess(clock));
  }
}

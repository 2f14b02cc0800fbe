package io.askhr.question;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Recent turns of conversations (a web chat, a Slack thread, a Teams conversation), so that follow-ups can be
 * understood. Held in this process ({@link #inProcess()}) or, with several replicas, in the shared database. Every
 * implementation keeps at most {@link #MAX_TURNS} turns of a conversation, each cut to {@link #MAX_TURN_CHARS}, and
 * forgets a conversation {@link #IDLE} after its last exchange; reading never throws (a store that cannot answer
 * returns no history).
 */
public interface ConversationMemory {

  /** Follow-ups refer to the last few turns; older ones only cost prompt space. */
  int MAX_TURNS = 12;
  /** A follow-up needs the gist of a turn, not a pasted document; also the default question length read. */
  int MAX_TURN_CHARS = 4_000;
  /**
   * A conversation with no answered exchange for this long starts afresh: nobody follows up on yesterday's answer in
   * the same breath.
   */
  Duration IDLE = Duration.ofHours(2);

  /** The remembered turns of a conversation, oldest first; empty when unknown. */
  List<Turn> history(String conversationId);

  /** Remembers one exchange, each turn cut to {@link #MAX_TURN_CHARS}; the oldest turns drop out beyond the bound. */
  void record(String conversationId, Turn question, Turn answer);

  /** Held in this process, bounded by bytes, count and idle time (one replica). */
  static ConversationMemory inProcess() {
    return new InProcessConversationMemory();
  }

  /** As {@link #inProcess()}, expiring on {@code clock} (which tests move by hand). */
  static ConversationMemory inProcess(Clock clock) {
    return new InProcessConversationMemory(InProcessConversationMemory.MAX_BYTES,
        InProcessConversationMemory.MAX_CONVERSATIONS, IDLE, () -> clock.millis() * 1_000_000L);
  }

  /** The turn cut to {@link #MAX_TURN_CHARS}, never splitting a surrogate pair. */
  static Turn cut(Turn turn) {
    return new Turn(turn.role(), Texts.cut(turn.text(), MAX_TURN_CHARS));
  }
}

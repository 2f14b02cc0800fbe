package io.askhr.question;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversation turns held in this process: bounded by bytes, by number of conversations and by time since the last
 * exchange, and each
 * turn is cut before it is kept, so that memory stays flat however many people chat and however long their messages
 * are.
 */
final class InProcessConversationMemory implements ConversationMemory {

  static final int MAX_CONVERSATIONS = 10_000;
  /** 12 turns of 4,000 characters are about 100 KB; 32 MB keeps hundreds of such and thousands of normal ones. */
  static final long MAX_BYTES = 32L * 1024 * 1024;
  /** Per-turn bookkeeping (object headers, list slot) on top of the characters. */
  private static final int TURN_OVERHEAD_BYTES = 64;

  private final Cache<String, List<Turn>> turns;

  InProcessConversationMemory() {
    this(MAX_BYTES, MAX_CONVERSATIONS, IDLE, Ticker.systemTicker());
  }

  InProcessConversationMemory(long maxBytes, int maxConversations, Duration idle, Ticker ticker) {
    // Every conversation weighs at least maxBytes / maxConversations, so the byte bound also bounds the count.
    long minimumWeight = Math.max(1, maxBytes / maxConversations);
    this.turns = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String id, List<Turn> list) -> (int) Math.min(Integer.MAX_VALUE,
            Math.max(minimumWeight, bytes(id, list))))
        // Written, not read: a replica reading the shared store cannot extend it either, and the rule is the same.
        .expireAfterWrite(idle)
        .executor(Runnable::run)
        .ticker(ticker)
        .build();
  }

  @Override
  public List<Turn> history(String conversationId) {
    List<Turn> list = turns.getIfPresent(conversationId);
    return list == null ? List.of() : list;
  }

  @Override
  public void record(String conversationId, Turn question, Turn answer) {
    turns.asMap().compute(conversationId, (id, earlier) -> {
      List<Turn> list = new ArrayList<>(earlier == null ? List.of() : earlier);
      list.add(ConversationMemory.cut(question));
      list.add(ConversationMemory.cut(answer));
      while (list.size() > MAX_TURNS) {
        list.remove(0);
      }
      return List.copyOf(list);
    });
  }

  /** Conversations remembered now (after pending evictions). */
  long conversations() {
    turns.cleanUp();
    return turns.estimatedSize();
  }

  /** The weight held now, in estimated bytes (after pending evictions). */
  long weightBytes() {
    turns.cleanUp();
    return turns.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  private static long bytes(String id, List<Turn> list) {
    long bytes = 2L * id.length() + TURN_OVERHEAD_BYTES;
    for (Turn turn : list) {
      bytes += 2L * turn.text().length() + TURN_OVERHEAD_BYTES;
    }
    return bytes;
  }
}

package io.askhr.question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent turns of conversations (a web chat, a Slack thread, a Teams conversation), so that follow-ups can be
 * understood. Bounded, so that memory stays flat however many people chat; held per process.
 */
public final class ConversationMemory {

  private static final int MAX_CONVERSATIONS = 10_000;
  /** Follow-ups refer to the last few turns; older ones only cost prompt space. */
  private static final int MAX_TURNS = 12;

  private final Map<String, List<Turn>> turns = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<Turn>> eldest) {
      return size() > MAX_CONVERSATIONS;
    }
  };

  /** The remembered turns of a conversation, oldest first; empty when unknown. */
  public synchronized List<Turn> history(String conversationId) {
    return List.copyOf(turns.getOrDefault(conversationId, List.of()));
  }

  /** Remembers one exchange; the oldest turns drop out beyond the bound. */
  public synchronized void record(String conversationId, Turn question, Turn answer) {
    List<Turn> list = turns.computeIfAbsent(conversationId, id -> new ArrayList<>());
    list.add(question);
    list.add(answer);
    while (list.size() > MAX_TURNS) {
      list.remove(0);
    }
  }
}

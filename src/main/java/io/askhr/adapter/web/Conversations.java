package io.askhr.adapter.web;

import io.askhr.question.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recent turns of local chat conversations, bounded so that memory stays flat however many people chat. */
final class Conversations {

  private static final int MAX_CONVERSATIONS = 10_000;
  /** Follow-ups refer to the last few turns; older ones only cost prompt space. */
  private static final int MAX_TURNS = 12;

  private final Map<String, List<Turn>> turns = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<Turn>> eldest) {
      return size() > MAX_CONVERSATIONS;
    }
  };

  synchronized List<Turn> history(String conversationId) {
    return List.copyOf(turns.getOrDefault(conversationId, List.of()));
  }

  synchronized void record(String conversationId, Turn question, Turn answer) {
    List<Turn> list = turns.computeIfAbsent(conversationId, id -> new ArrayList<>());
    list.add(question);
    list.add(answer);
    while (list.size() > MAX_TURNS) {
      list.remove(0);
    }
  }
}

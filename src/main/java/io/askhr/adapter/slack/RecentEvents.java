package io.askhr.adapter.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event ids already taken, so that Slack's retries (same {@code event_id}) are answered once. Bounded: Slack retries
 * within minutes, so the last few thousand ids are enough.
 */
final class RecentEvents {

  private static final int CAPACITY = 10_000;

  private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > CAPACITY;
    }
  };

  /** True the first time an id is offered, false for every repeat. Events without an id are always new. */
  synchronized boolean firstTime(String eventId) {
    if (eventId == null || eventId.isEmpty()) {
      return true;
    }
    return seen.put(eventId, Boolean.TRUE) == null;
  }
}

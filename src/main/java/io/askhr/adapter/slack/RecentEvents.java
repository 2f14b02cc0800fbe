package io.askhr.adapter.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.askhr.insight.EventClaims;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event ids already taken, so that Slack's retries (same {@code event_id}) are answered once: remembered here for
 * retries to this replica, and claimed in the shared store for retries delivered to another one. The shared claim
 * gets a short time budget on the acknowledging thread; when the store cannot tell in time, the event is answered
 * (a rare duplicate beats a lost question).
 */
final class RecentEvents implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RecentEvents.class);
  private static final int CAPACITY = 10_000;
  /** Slack retries within minutes (at once, after 1 and after 5 minutes); an hour covers every retry. */
  private static final Duration RETRIES_WITHIN = Duration.ofHours(1);
  /** Slack wants its ack within 3 s; the shared claim may take a small part of that. */
  private static final long CLAIM_BUDGET_MILLIS = 250;

  private final EventClaims shared;
  private final ExecutorService claiming = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "askhr-slack-claim");
    thread.setDaemon(true);
    return thread;
  });
  private final Cache<String, Boolean> seen = Caffeine.newBuilder()
      .maximumSize(CAPACITY)
      .expireAfterWrite(RETRIES_WITHIN)
      .executor(Runnable::run)
      .build();

  RecentEvents(EventClaims shared) {
    this.shared = shared;
  }

  /** True the first time an id is offered to any replica, false for every repeat. Events without an id are new. */
  boolean firstTime(String eventId) {
    if (eventId == null || eventId.isEmpty()) {
      return true;
    }
    if (seen.asMap().putIfAbsent(eventId, Boolean.TRUE) != null) {
      return false;
    }
    if (!shared.shared()) {
      return true;
    }
    try {
      return CompletableFuture.supplyAsync(() -> shared.claim("slack:" + eventId), claiming)
          .get(CLAIM_BUDGET_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("Could not check the shared store for a repeated Slack event ({}); answering it",
          e.getClass().getSimpleName());
      return true;
    }
  }

  @Override
  public void close() {
    claiming.shutdownNow();
  }
}

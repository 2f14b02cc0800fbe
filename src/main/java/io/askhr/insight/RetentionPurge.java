package io.askhr.insight;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes insight older than the retention period: once at start, then daily. */
public final class RetentionPurge implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
  private static final Duration EVERY = Duration.ofDays(1);

  private final InsightQueries store;
  private final Duration retention;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;

  RetentionPurge(InsightQueries store, Duration retention, Clock clock) {
    this.store = store;
    this.retention = retention;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "askhr-insight-purge");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts purging {@code store} now and every day. */
  public static RetentionPurge start(InsightQueries store, Duration retention) {
    RetentionPurge purge = new RetentionPurge(store, retention, Clock.systemUTC());
    purge.scheduler.scheduleAtFixedRate(purge::purgeNow, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return purge;
  }

  /** Deletes what is older than the retention period; returns the rows deleted, 0 when the database failed. */
  int purgeNow() {
    try {
      int deleted = store.purgeBefore(clock.instant().minus(retention));
      if (deleted > 0) {
        log.info("Deleted {} insight records older than {} days", deleted, retention.toDays());
      }
      return deleted;
    } catch (RuntimeException e) {
      log.warn("Insight retention purge failed; will retry tomorrow: {}", e.getMessage());
      return 0;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

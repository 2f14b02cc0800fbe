package io.askhr.insight;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the insight database answers, checked on a thread of its own, so that {@code /readyz} reads the last
 * result at once and never waits behind a slow write or a hung connection. A check that has not come back within
 * the patience counts as "not reachable".
 */
public final class ReachabilityProbe implements BooleanSupplier, AutoCloseable {

  /** Kubernetes probes every 10 s by default; checking a little more often keeps the answer fresh. */
  static final Duration EVERY = Duration.ofSeconds(5);
  /** Longer than a healthy check (the JDBC validity timeout is 2 s), shorter than a readiness failure window. */
  static final Duration PATIENCE = Duration.ofSeconds(15);

  private final InsightQueries store;
  private final LongSupplier nanoTime;
  private final long patienceNanos;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "askhr-insight-probe");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean reachable;
  /** When the check in progress started (nanoTime), or -1 when none is. */
  private volatile long checkingSince = -1;

  ReachabilityProbe(InsightQueries store, LongSupplier nanoTime, Duration patience) {
    this.store = store;
    this.nanoTime = nanoTime;
    this.patienceNanos = patience.toNanos();
  }

  /** Checks now and then every few seconds, in the background. */
  public static ReachabilityProbe start(InsightQueries store) {
    ReachabilityProbe probe = new ReachabilityProbe(store, System::nanoTime, PATIENCE);
    probe.thread.scheduleWithFixedDelay(probe::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  /** Runs one check; blocks while the store is busy, which is why only the probe's own thread calls it. */
  void check() {
    checkingSince = nanoTime.getAsLong();
    boolean result;
    try {
      result = store.reachable();
    } catch (RuntimeException e) {
      result = false;
    }
    reachable = result;
    checkingSince = -1;
  }

  /** The last result, without waiting: false before the first check and while a check is overdue. */
  @Override
  public boolean getAsBoolean() {
    long since = checkingSince;
    if (since != -1 && nanoTime.getAsLong() - since > patienceNanos) {
      return false;
    }
    return reachable;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}

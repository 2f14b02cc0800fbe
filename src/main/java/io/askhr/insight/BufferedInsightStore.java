package io.askhr.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes insight off the answering threads: records queue in memory (bounded) and one writer thread stores them in
 * order. While the database is down the queue holds them and the writer retries with back-off; when the queue is
 * full, new records are dropped and counted. A reply never waits for the database.
 */
public final class BufferedInsightStore implements InsightStore {

  private static final Logger log = LoggerFactory.getLogger(BufferedInsightStore.class);
  /** Enough for minutes of a busy morning; each record is well under a kilobyte. */
  static final int DEFAULT_CAPACITY = 10_000;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** How long {@link #close()} keeps writing what is queued before giving up on it. */
  private static final Duration FLUSH_ON_CLOSE = Duration.ofSeconds(5);

  /** One queued write. */
  private interface Write {
    void run();
  }

  private final JdbcInsightStore store;
  private final BlockingQueue<Write> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Duration firstBackoff;
  private final Thread writer;
  private volatile boolean closing;

  public BufferedInsightStore(JdbcInsightStore store) {
    this(store, DEFAULT_CAPACITY, Duration.ofSeconds(1));
  }

  BufferedInsightStore(JdbcInsightStore store, int capacity, Duration firstBackoff) {
    this.store = store;
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.firstBackoff = firstBackoff;
    this.writer = new Thread(this::drain, "askhr-insight-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void recordAnswer(AnsweredQuestion answer) {
    enqueue(() -> store.insertAnswer(answer));
  }

  @Override
  public void recordFeedback(Feedback feedback) {
    enqueue(() -> store.insertFeedback(feedback));
  }

  @Override
  public void openEscalation(Escalation escalation) {
    enqueue(() -> store.insertEscalation(escalation));
  }

  @Override
  public Optional<Escalation> escalation(String id) {
    return store.escalation(id);
  }

  @Override
  public Optional<Escalation> resolveEscalation(String id, String resolvedBy, Instant at) {
    return store.resolveEscalation(id, resolvedBy, at);
  }

  /** Records dropped because the queue was full (the database was down too long). */
  public long dropped() {
    return dropped.get();
  }

  /** Records waiting to be written. */
  public int pending() {
    return queue.size();
  }

  private void enqueue(Write write) {
    if (closing || !queue.offer(write)) {
      long count = dropped.incrementAndGet();
      if (count == 1 || count % 1000 == 0) {
        log.warn("Insight buffer full: {} records dropped so far (the database has been unreachable)", count);
      }
    }
  }

  private void drain() {
    Duration backoff = firstBackoff;
    boolean failing = false;
    while (!closing || !queue.isEmpty()) {
      Write next;
      try {
        next = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next == null) {
        continue;
      }
      while (true) {
        try {
          next.run();
          if (failing) {
            log.info("Insight database reachable again; writing {} buffered records", queue.size());
            failing = false;
            backoff = firstBackoff;
          }
          break;
        } catch (InsightStoreException e) {
          if (!failing) {
            log.warn("Insight database unreachable ({}); buffering records and retrying", e.getCause() == null
                ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
            failing = true;
          }
          if (closing) {
            return;
          }
          try {
            Thread.sleep(backoff.toMillis());
          } catch (InterruptedException interrupted) {
            return;
          }
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        } catch (RuntimeException e) {
          log.warn("Dropped an insight record that cannot be written ({})", e.getClass().getSimpleName());
          break;
        }
      }
    }
  }

  /** Writes what is queued (for a few seconds at most); the database itself is closed by its owner. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(FLUSH_ON_CLOSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.interrupt();
    if (!queue.isEmpty()) {
      log.warn("{} insight records were not written before shutdown", queue.size());
    }
  }
}

package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.Platform;
import io.askhr.question.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness reads the insight store's health without ever waiting behind the store itself. */
class ReachabilityProbeTest {

  /** Only a guard against a hang: the answers below come back at once when the probe works. */
  private static final Duration HANG = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void shouldAnswerReadinessWhileTheStoreIsBlocked() throws Exception {
    // given a real SQLite store, checked once while free
    try (JdbcInsightStore store = JdbcInsightStore.open("jdbc:sqlite:" + dir.resolve("insight.db"), "salt")) {
      AtomicLong now = new AtomicLong();
      ReachabilityProbe probe = new ReachabilityProbe(store, now::get, Duration.ofSeconds(15));
      probe.check();
      assertTrue(probe.getAsBoolean());

      // when another thread holds the store (as a long write does) and the probe's next check waits behind it
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread writer = new Thread(() -> {
        synchronized (store) {
          held.countDown();
          awaitQuietly(release);
        }
      });
      writer.start();
      held.await();
      Thread checker = new Thread(probe::check);
      checker.start();

      // then readiness answers at once with the last result, and says "not ready" once the check is overdue
      assertTimeoutPreemptively(HANG, () -> assertTrue(probe.getAsBoolean()));
      now.addAndGet(Duration.ofSeconds(16).toNanos());
      assertTimeoutPreemptively(HANG, () -> assertFalse(probe.getAsBoolean()));

      release.countDown();
      writer.join();
      checker.join();
      assertTrue(probe.getAsBoolean());
    }
  }

  @Test
  void shouldWriteEveryQueuedRecordOfLongQuestionsAtShutdown() {
    // given a store and records whose questions are 60,000-character single words (the e-mail pattern's worst case)
    String word = "a".repeat(60_000);
    try (JdbcInsightStore store = JdbcInsightStore.open("jdbc:sqlite:" + dir.resolve("insight.db"), "salt")) {
      BufferedInsightStore buffered = new BufferedInsightStore(store, 100, Duration.ofMillis(100));
      for (int i = 0; i < 20; i++) {
        buffered.recordAnswer(new AnsweredQuestion("long-" + i, Instant.now(), Platform.WEB, "web:x", word,
            Reply.Mode.EXTRACTIVE, Set.of(), List.of(), Duration.ofMillis(5)));
      }

      // when the server shuts down right away
      buffered.close();

      // then nothing queued was lost, and each question was stored cut
      List<AnsweredQuestion> stored = store.answers(Instant.EPOCH);
      assertTrue(stored.size() == 20, "stored " + stored.size() + " of 20");
      assertTrue(stored.stream().allMatch(a -> a.question().length() == Redaction.MAX_CHARS));
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

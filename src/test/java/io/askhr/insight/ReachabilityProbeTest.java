package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.askhr.question.Platform;
import io.askhr.question.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness reads the insight store's health without ever waiting behind the store itself. */
class ReachabilityProbeTest {

  /** Only a guard against a hang: the answers below come back at once when the probe works. */
  private static final Duration HANG = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void shouldAnswerReadinessWhileTheStoresCheckHangs() throws Exception {
    // given a database whose health check answers once, then hangs (a stuck connection or a locked file)
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean hang = new AtomicBoolean();
    InsightQueries store = mock(InsightQueries.class);
    when(store.reachable()).thenAnswer(call -> {
      if (hang.get()) {
        hanging.countDown();
        awaitQuietly(release);
      }
      return true;
    });
    AtomicLong now = new AtomicLong();
    ReachabilityProbe probe = new ReachabilityProbe(store, now::get, Duration.ofSeconds(15));
    probe.check();
    assertTrue(probe.getAsBoolean());

    // when the probe's next check hangs in the database
    hang.set(true);
    Thread checker = new Thread(probe::check);
    checker.start();
    hanging.await();

    // then readiness answers at once with the last result, and says "not ready" once the check is overdue
    assertTimeoutPreemptively(HANG, () -> assertTrue(probe.getAsBoolean()));
    now.addAndGet(Duration.ofSeconds(16).toNanos());
    assertTimeoutPreemptively(HANG, () -> assertFalse(probe.getAsBoolean()));

    release.countDown();
    checker.join();
    assertTrue(probe.getAsBoolean());
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

package io.askhr.insight;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.Platform;
import io.askhr.question.Reply;
import io.askhr.testing.TcpProxy;
import io.askhr.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database goes down under a running store: answering must not wait, and nothing is lost when it returns. */
class BufferedInsightStoreTest {

  static final String SCHEMA = "askhr_buffer_test";

  TcpProxy proxy;
  JdbcInsightStore store;

  @BeforeEach
  void start() throws Exception {
    URI target = URI.create(TestDatabase.freshSchema(SCHEMA).substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort());
    String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath() + "?" + target.getQuery()
        + "&connectTimeout=2&socketTimeout=5";
    store = JdbcInsightStore.open(viaProxy, "salt");
  }

  @AfterEach
  void stop() throws Exception {
    if (store != null) {
      store.close();
      proxy.close();
    }
  }

  static AnsweredQuestion answer(String id) {
    return new AnsweredQuestion(id, Instant.now(), Platform.SLACK, "slack:T:U1", "How much leave?",
        Reply.Mode.EXTRACTIVE, Set.of(), List.of("leave/annual-leave.md"), Duration.ofMillis(40));
  }

  /** Patience, not a speed target: the writer backs off while the database was down. */
  static void awaitDrained(BufferedInsightStore buffered) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> buffered.pending() == 0);
  }

  @Test
  void shouldBufferWhileTheDatabaseIsDownAndWriteEverythingWhenItReturns() throws Exception {
    try (BufferedInsightStore buffered = new BufferedInsightStore(store, 100, Duration.ofMillis(100))) {
      // given the database becomes unreachable
      proxy.cut();

      // when answers keep coming
      for (int i = 0; i < 20; i++) {
        buffered.recordAnswer(answer("down-" + i));
      }
      buffered.recordFeedback(new Feedback("down-0", Platform.SLACK, "slack:T:U1", true, Instant.now()));

      // then recording returned without writing (a synchronous write would have failed and left nothing pending),
      // and the records stay held while the database is down
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
          .until(() -> buffered.pending() >= 20 && buffered.dropped() == 0);

      // when the database returns
      proxy.restore();
      awaitDrained(buffered);

      // then every record was written, in order, and none was dropped
      assertEquals(0, buffered.pending());
      assertEquals(0, buffered.dropped());
      assertEquals(20, store.answers(Instant.now().minusSeconds(60)).size());
      assertEquals(1, store.feedback(Instant.now().minusSeconds(60)).size());
    }
  }

  @Test
  void shouldDropAndCountWhatDoesNotFitWhileTheDatabaseIsDown() throws Exception {
    try (BufferedInsightStore buffered = new BufferedInsightStore(store, 10, Duration.ofMillis(100))) {
      // given
      proxy.cut();

      // when more records arrive than the buffer holds
      for (int i = 0; i < 25; i++) {
        buffered.recordAnswer(answer("overflow-" + i));
      }

      // then the overflow is counted, not waited for
      assertTrue(buffered.dropped() >= 14, "dropped: " + buffered.dropped());
      proxy.restore();
      awaitDrained(buffered);
      assertEquals(25 - buffered.dropped(), store.answers(Instant.now().minusSeconds(60)).size());
    }
  }
}

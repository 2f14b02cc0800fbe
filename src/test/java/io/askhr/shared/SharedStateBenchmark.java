package io.askhr.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.insight.JdbcInsightStore;
import io.askhr.question.ConversationStores;
import io.askhr.question.RateLimits;
import io.askhr.question.Reply;
import io.askhr.question.Turn;
import io.askhr.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What keeping conversation state costs a question: the rate-limit take, the history read, keeping the reply and the
 * turn, as {@code Conversations} and {@code AdmissionControl} do, from concurrent askers in process and on the test
 * PostgreSQL. Prints percentiles. Run: {@code mvn -B -ntp test -Pbench -Dtest=SharedStateBenchmark
 * [-Dbench.questions=2000] [-Dbench.concurrency=16]}.
 */
class SharedStateBenchmark {

  static final int QUESTIONS = Integer.getInteger("bench.questions", 2_000);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
  static final Reply REPLY = new Reply("Full-time employees receive 27 days of paid annual leave [1].", List.of(), 0.9,
      Set.of(), Reply.Mode.EXTRACTIVE, List.of());

  @Test
  void shouldPrintTheStateOverheadPerQuestion() throws Exception {
    run("in process", SharedState.inProcess(Clock.systemUTC()));
    String url = TestDatabase.freshSchema("askhr_shared_state_bench");
    JdbcInsightStore.open(url, "bench-salt").close();
    run("PostgreSQL", SharedState.open(url, Clock.systemUTC(), Duration.ofSeconds(10)));
    // A store that fell back (the circuit breaker opened) kept its answers in the process only: say how many.
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM recent_answers")) {
      rows.next();
      System.out.printf("Shared state, PostgreSQL: %d of %d answers kept in the database (the rest fell back)%n",
          rows.getLong(1), QUESTIONS);
    }
  }

  private static void run(String where, SharedState state) throws Exception {
    try (state) {
      ConversationStores stores = state.conversations();
      RateLimits limits = state.rateLimits(1_000_000, 1_000_000);
      ExecutorService askers = Executors.newFixedThreadPool(CONCURRENCY);
      List<Future<Long>> timings = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < QUESTIONS; i++) {
        int n = i;
        timings.add(askers.submit(() -> {
          // 200 employees, each in a conversation of their own
          String asker = "slack:T1:U" + (n % 200);
          String conversation = "slack:C1:" + (n % 200);
          long begin = System.nanoTime();
          RateLimits.Verdict verdict = limits.take(asker);
          stores.memory().history(conversation);
          stores.recent().put("answer-" + n, "How many days of annual leave do I get?", REPLY);
          stores.memory().record(conversation, Turn.employee("How many days of annual leave do I get?"),
              Turn.bot(REPLY.text()));
          assertEquals(RateLimits.Verdict.ADMITTED, verdict);
          return System.nanoTime() - begin;
        }));
      }
      List<Long> nanos = new ArrayList<>();
      for (Future<Long> timing : timings) {
        nanos.add(timing.get());
      }
      long wall = System.nanoTime() - start;
      askers.shutdown();
      Collections.sort(nanos);
      System.out.printf("Shared state, %s: %d questions, %d concurrent, %.0f questions/s; per question p50 %.2f ms,"
          + " p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", where, QUESTIONS, CONCURRENCY, QUESTIONS / (wall / 1e9),
          ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6);
    }
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
  }
}

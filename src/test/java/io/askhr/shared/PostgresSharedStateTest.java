package io.askhr.shared;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.config.InsightSettings;
import io.askhr.insight.JdbcInsightStore;
import io.askhr.question.RateLimits;
import io.askhr.question.SentCards;
import io.askhr.question.Turn;
import io.askhr.testing.TcpProxy;
import io.askhr.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract on a real PostgreSQL ({@code ASKHR_TEST_DATABASE_URL}, which {@code .ci/run} sets up), each test in an
 * empty schema of its own migrated by the insight store; then what only a shared store does: two replicas see the
 * same state, expired rows are purged, and a database outage degrades instead of failing.
 */
class PostgresSharedStateTest extends SharedStateContract {

  static final String SCHEMA = "askhr_shared_state_contract";

  String url;

  @Override
  SharedState open(Clock clock) throws Exception {
    url = TestDatabase.freshSchema(SCHEMA);
    JdbcInsightStore.open(url, "contract-salt").close();
    return SharedState.open(url, clock, Duration.ofSeconds(10));
  }

  @Test
  void shouldShareTurnsAnswersAndRateLimitsBetweenTwoReplicas() {
    // given a second replica on the same database
    try (SharedState other = SharedState.open(url, clock, Duration.ofSeconds(10))) {
      // when replica A answers and remembers
      memory().record("slack:C1:1700000000.000100", Turn.employee("How much leave?"), Turn.bot("25 days."));
      recent().put("answer-a", "How much leave?", APPROVED);

      // then replica B continues the conversation and finds the answer for its buttons
      assertEquals(List.of(Turn.employee("How much leave?"), Turn.bot("25 days.")),
          other.conversations().memory().history("slack:C1:1700000000.000100"));
      assertEquals(APPROVED, other.conversations().recent().get("answer-a").orElseThrow().reply());

      // when replica A sends a Teams message, and 👍 on its card is pressed through A, then Talk to HR through B
      cards().sent("1700000000100", "answer-a");
      cards().update("answer-a", SentCards.CardState.FRESH.withFeedback("Thanks!"));
      SentCards cardsOnB = other.conversations().cards();
      cardsOnB.update("answer-a", cardsOnB.state("answer-a").withEscalation("HR will get back to you."));

      // then Teams' own thumb reaching B finds A's answer, and A redraws the card with both presses (the database's
      // state, not the older one A saw itself)
      assertEquals(Optional.of("answer-a"), cardsOnB.answerOfMessage("1700000000100"));
      assertEquals(new SentCards.CardState(true, true, List.of("Thanks!", "HR will get back to you.")),
          cards().state("answer-a"));

      // when an employee asks 10 questions in a minute, alternating between the replicas
      RateLimits onA = state.rateLimits(10, 1_000);
      RateLimits onB = other.rateLimits(10, 1_000);
      for (int i = 0; i < 10; i++) {
        assertEquals(RateLimits.Verdict.ADMITTED, (i % 2 == 0 ? onA : onB).take("slack:T1:U1"), "question " + i);
      }

      // then the eleventh is refused on either
      assertEquals(RateLimits.Verdict.ASKER_LIMIT, onA.take("slack:T1:U1"));
      assertEquals(RateLimits.Verdict.ASKER_LIMIT, onB.take("slack:T1:U1"));
    }
  }

  @Test
  void shouldStoreAskersHashedNotInTheClear() throws Exception {
    // when
    state.rateLimits(10, 1_000).take("slack:T1:U0SECRET");

    // then
    List<String> ids = column("SELECT id FROM rate_limit_buckets ORDER BY id");
    assertEquals(2, ids.size(), ids.toString());
    assertTrue(ids.stream().noneMatch(id -> id.contains("U0SECRET")), ids.toString());
    assertTrue(ids.contains("asker:10:" + PostgresRateLimits.hashed("slack:T1:U0SECRET")), ids.toString());
  }

  @Test
  void shouldPurgeWhatIsPastItsTime() throws Exception {
    // given turns, answers and buckets written now, and a conversation continued later
    memory().record("web:old", Turn.employee("How much leave?"), Turn.bot("25 days."));
    recent().put("answer-old", "How much leave?", answer("25 days."));
    cards().sent("1700000000200", "answer-old");
    cards().update("answer-old", SentCards.CardState.FRESH.withFeedback("Thanks!"));
    state.rateLimits(10, 1_000).take("web:10.0.0.1");
    clock.advance(Duration.ofHours(3));
    memory().record("web:new", Turn.employee("Parental leave?"), Turn.bot("26 weeks."));
    // Bucket4j dates a bucket's expiry by the real clock: about a minute after it is full again
    long realNow = System.currentTimeMillis();
    List<String> expiries = column("SELECT expires_at FROM rate_limit_buckets");
    assertEquals(2, expiries.size());
    assertTrue(expiries.stream().mapToLong(Long::parseLong).allMatch(at -> at > realNow && at < realNow + 180_000),
        expiries.toString());
    execute("UPDATE rate_limit_buckets SET expires_at = expires_at - 600000");

    // when
    int deleted = state.purgeExpired();

    // then the old turns and both buckets (past their expiry) are gone; the day-long answer and card, and the new
    // turns stay
    assertEquals(4, deleted);
    assertEquals(List.of("web:new", "web:new"), column("SELECT conversation_key FROM conversation_turns"));
    assertEquals(List.of("answer-old"), column("SELECT answer_id FROM recent_answers"));
    assertEquals(List.of("answer-old"), column("SELECT answer_id FROM sent_messages"));
    assertEquals(List.of("answer-old"), column("SELECT answer_id FROM card_states"));
    assertEquals(List.of(), column("SELECT id FROM rate_limit_buckets"));

    // and a day later the answer and its card go too
    clock.advance(Duration.ofDays(1));
    assertEquals(5, state.purgeExpired());
    assertEquals(List.of(), column("SELECT answer_id FROM recent_answers"));
    assertEquals(List.of(), column("SELECT answer_id FROM sent_messages"));
    assertEquals(List.of(), column("SELECT answer_id FROM card_states"));
  }

  @Test
  void shouldDegradeWhileTheDatabaseIsDownAndRecoverAfter() throws Exception {
    // given a replica reaching the database through a proxy the test can cut
    URI target = URI.create(url.substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort());
        SharedState replica = SharedState.open("jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath() + "?"
            + target.getQuery() + "&connectTimeout=2", clock, Duration.ofMillis(500))) {
      RateLimits limits = replica.rateLimits(3, 1_000);
      replica.conversations().memory().record("web:c1", Turn.employee("How much leave?"), Turn.bot("25 days."));
      replica.conversations().recent().put("answer-mine", "How much leave?", answer("25 days."));
      recent().put("answer-elsewhere", "Parental leave?", answer("26 weeks."));
      SentCards cardsOfReplica = replica.conversations().cards();
      cardsOfReplica.sent("1700000000300", "answer-mine");
      cardsOfReplica.update("answer-mine", SentCards.CardState.FRESH.withFeedback("Thanks!"));
      cards().sent("1700000000301", "answer-elsewhere");
      for (int i = 0; i < 3; i++) {
        assertEquals(RateLimits.Verdict.ADMITTED, limits.take("web:10.0.0.7"));
      }
      assertEquals(RateLimits.Verdict.ASKER_LIMIT, limits.take("web:10.0.0.7"));

      // when the database goes away
      proxy.cut();

      // then a follow-up has no history, this replica's own answers still serve the buttons, another replica's do
      // not, and the asker is limited by this replica's own buckets (3 more, not unlimited); nothing throws
      assertEquals(List.of(), replica.conversations().memory().history("web:c1"));
      replica.conversations().memory().record("web:c1", Turn.employee("And sick leave?"), Turn.bot("10 days."));
      assertTrue(replica.conversations().recent().get("answer-mine").isPresent());
      assertTrue(replica.conversations().recent().get("answer-elsewhere").isEmpty());
      // Teams' own thumbs: found under this replica's messages, not under another's; its own card keeps its presses
      assertEquals(Optional.of("answer-mine"), cardsOfReplica.answerOfMessage("1700000000300"));
      assertEquals(Optional.empty(), cardsOfReplica.answerOfMessage("1700000000301"));
      assertTrue(cardsOfReplica.state("answer-mine").feedbackGiven());
      cardsOfReplica.update("answer-mine", cardsOfReplica.state("answer-mine").withEscalation("HR will reply."));
      assertTrue(cardsOfReplica.state("answer-mine").escalated());
      cardsOfReplica.sent("1700000000302", "answer-mine-2");
      for (int i = 0; i < 3; i++) {
        assertEquals(RateLimits.Verdict.ADMITTED, limits.take("web:10.0.0.7"), "fallback question " + i);
      }
      assertEquals(RateLimits.Verdict.ASKER_LIMIT, limits.take("web:10.0.0.7"));

      // when it is back, then the shared state is used again
      proxy.restore();
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
          () -> replica.conversations().recent().get("answer-elsewhere").isPresent());
      assertEquals(List.of(Turn.employee("How much leave?"), Turn.bot("25 days.")),
          replica.conversations().memory().history("web:c1"));
      assertEquals(Optional.of("answer-elsewhere"), cardsOfReplica.answerOfMessage("1700000000301"));
      assertTrue(cardsOfReplica.state("answer-mine").escalated(), "the press made while the database was down");
    }
  }

  private void execute(String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement update = connection.createStatement()) {
      update.execute(statement);
    }
  }

  private List<String> column(String query) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  @Test
  void shouldOpenFromTheSettingsWhenDatabaseUrlNamesPostgreSql() {
    // given
    InsightSettings postgres = new InsightSettings(Optional.of(url), Optional.of("salt"), Duration.ofDays(90),
        Optional.empty());

    // when
    try (SharedState opened = SharedState.open(postgres, clock)) {
      // then
      assertTrue(opened.shared());
    }
  }
}

package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.Platform;
import io.askhr.question.Reply;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every insight store must have; run against SQLite and PostgreSQL. */
abstract class InsightStoreContract {

  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final String SALT = "test-salt-of-sufficient-length";

  JdbcInsightStore store;

  /** A JDBC URL of an empty database for this test. */
  abstract String freshDatabaseUrl() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = JdbcInsightStore.open(freshDatabaseUrl(), SALT);
  }

  @AfterEach
  void close() {
    // Null when the database is not configured and the test was skipped before opening it.
    if (store != null) {
      store.close();
    }
  }

  static AnsweredQuestion answer(String id, Instant at, String asker, String question, Set<Reply.Flag> flags,
      List<String> sources) {
    return new AnsweredQuestion(id, at, Platform.SLACK, asker, question, Reply.Mode.EXTRACTIVE, flags, sources,
        Duration.ofMillis(120));
  }

  @Test
  void shouldStoreAnswersWithAPseudonymAndRedactedText() {
    // given
    store.recordAnswer(answer("a1", NOW, "slack:T1:U123",
        "I'm jane.doe@example.com, call +44 20 7946 0958, id 88812345",
        Set.of(Reply.Flag.NOT_COVERED, Reply.Flag.SENSITIVE), List.of("leave/sickness.md", "pay-review.md")));

    // when
    List<AnsweredQuestion> answers = store.answers(NOW.minusSeconds(60));

    // then
    assertEquals(1, answers.size());
    AnsweredQuestion stored = answers.get(0);
    assertEquals("a1", stored.id());
    assertEquals(NOW, stored.at());
    assertEquals(Platform.SLACK, stored.platform());
    assertNotEquals("slack:T1:U123", stored.askerId());
    assertTrue(stored.askerId().startsWith("p-"), stored.askerId());
    assertEquals("I'm [email], call [phone], id [number]", stored.question());
    assertEquals(Set.of(Reply.Flag.NOT_COVERED, Reply.Flag.SENSITIVE), stored.flags());
    assertEquals(List.of("leave/sickness.md", "pay-review.md"), stored.citedSources());
    assertEquals(Duration.ofMillis(120), stored.latency());
  }

  @Test
  void shouldStoreAQuestionThatHoldsANulCharacter() {
    // given: PostgreSQL's text columns refuse U+0000, and one hostile message must not lose its record
    store.recordAnswer(answer("a-nul", NOW, "slack:T1:U123", "annual\u0000 leave?", Set.of(), List.of()));
    store.openEscalation(new Escalation("e-nul", "a-nul", Platform.SLACK, "C42|U123", "help\u0000 me",
        "Five\u0000 days.", "", Escalation.Status.OPEN, NOW, Optional.empty(), Optional.empty()));

    // when
    List<AnsweredQuestion> answers = store.answers(NOW.minusSeconds(60));

    // then
    assertEquals(List.of("annual leave?"), answers.stream().map(AnsweredQuestion::question).toList());
    assertTrue(store.resolveEscalation("e-nul", "hr:U9", NOW.plusSeconds(1)).isPresent());
  }

  @Test
  void shouldNeverWriteTheRawAskerIdToTheDatabase() throws Exception {
    // given
    store.recordAnswer(answer("a1", NOW, "slack:T1:URAWID", "How many days?", Set.of(), List.of()));
    store.recordFeedback(new Feedback("a1", Platform.SLACK, "slack:T1:URAWID", true, NOW));

    // when
    String dump = dump("SELECT asker, question FROM answers") + dump("SELECT asker, answer_id FROM feedback");

    // then
    assertFalse(dump.contains("URAWID"), dump);
    assertEquals(store.answers(NOW).get(0).askerId(), store.feedback(NOW).get(0).askerId());
  }

  @Test
  void shouldGiveTheSameEmployeeTheSamePseudonymAndOtherSaltsOtherPseudonyms() {
    // given
    Pseudonyms ours = new Pseudonyms(SALT);
    Pseudonyms theirs = new Pseudonyms("another-secret");
    store.recordAnswer(answer("a1", NOW, "teams:29:abc", "q1", Set.of(), List.of()));
    store.recordAnswer(answer("a2", NOW.plusSeconds(1), "teams:29:abc", "q2", Set.of(), List.of()));

    // when
    List<AnsweredQuestion> answers = store.answers(NOW);

    // then
    assertEquals(answers.get(0).askerId(), answers.get(1).askerId());
    assertEquals(ours.of("teams:29:abc"), answers.get(0).askerId());
    assertNotEquals(theirs.of("teams:29:abc"), answers.get(0).askerId());
  }

  @Test
  void shouldKeepTheLatestVoteOfEachEmployeeOnAnAnswer() {
    // given
    store.recordFeedback(new Feedback("a1", Platform.TEAMS, "teams:u1", true, NOW));
    store.recordFeedback(new Feedback("a1", Platform.TEAMS, "teams:u1", false, NOW.plusSeconds(5)));
    store.recordFeedback(new Feedback("a1", Platform.TEAMS, "teams:u2", true, NOW.plusSeconds(6)));

    // when
    List<Feedback> feedback = store.feedback(NOW);

    // then
    assertEquals(2, feedback.size());
    assertFalse(feedback.get(0).helpful());
    assertEquals(NOW.plusSeconds(5), feedback.get(0).at());
    assertTrue(feedback.get(1).helpful());
  }

  @Test
  void shouldResolveAnEscalationOnceAndKeepTheReplyAddress() {
    // given
    Escalation opened = new Escalation("e1", "a1", Platform.SLACK, "C42|U123", "Call me on 07700 900123 please",
        "Five days [1].", "https://slack.example/p1", Escalation.Status.OPEN, NOW, Optional.empty(), Optional.empty());
    store.openEscalation(opened);

    // when
    Optional<Escalation> first = store.resolveEscalation("e1", "hr:U9", NOW.plusSeconds(60));
    Optional<Escalation> second = store.resolveEscalation("e1", "hr:U9", NOW.plusSeconds(61));
    Optional<Escalation> unknown = store.resolveEscalation("nope", "hr:U9", NOW);

    // then
    assertTrue(first.isPresent());
    assertEquals(Escalation.Status.RESOLVED, first.get().status());
    assertEquals(Optional.of(NOW.plusSeconds(60)), first.get().resolvedAt());
    assertEquals(Optional.of("hr:U9"), first.get().resolvedBy());
    assertEquals("C42|U123", first.get().replyAddress());
    assertEquals("Call me on [phone] please", first.get().question());
    assertEquals("https://slack.example/p1", first.get().link());
    assertTrue(second.isEmpty());
    assertTrue(unknown.isEmpty());
    assertEquals(Escalation.Status.RESOLVED, store.escalation("e1").orElseThrow().status());
    assertTrue(store.escalation("nope").isEmpty());
  }

  @Test
  void shouldListEscalationsOpenedSinceAndOlderOnesStillOpen() {
    // given
    store.openEscalation(escalation("old-open", NOW.minus(Duration.ofDays(40))));
    store.openEscalation(escalation("old-resolved", NOW.minus(Duration.ofDays(40))));
    store.resolveEscalation("old-resolved", "hr", NOW.minus(Duration.ofDays(39)));
    store.openEscalation(escalation("recent", NOW.minus(Duration.ofDays(2))));

    // when
    List<Escalation> listed = store.escalations(NOW.minus(Duration.ofDays(30)));

    // then
    assertEquals(List.of("old-open", "recent"), listed.stream().map(Escalation::id).toList());
  }

  @Test
  void shouldPurgeRecordsOlderThanTheCutoffButKeepOpenEscalations() {
    // given
    Instant old = NOW.minus(Duration.ofDays(100));
    store.recordAnswer(answer("old", old, "u1", "old question", Set.of(), List.of()));
    store.recordAnswer(answer("new", NOW, "u1", "new question", Set.of(), List.of()));
    store.recordFeedback(new Feedback("old", Platform.WEB, "u1", true, old));
    store.recordFeedback(new Feedback("new", Platform.WEB, "u1", true, NOW));
    store.openEscalation(escalation("old-open", old));
    store.openEscalation(escalation("old-resolved", old));
    store.resolveEscalation("old-resolved", "hr", old.plusSeconds(10));

    // when
    int deleted = store.purgeBefore(NOW.minus(Duration.ofDays(90)));

    // then
    assertEquals(3, deleted);
    assertEquals(List.of("new"), store.answers(Instant.EPOCH).stream().map(AnsweredQuestion::id).toList());
    assertEquals(1, store.feedback(Instant.EPOCH).size());
    assertEquals(List.of("old-open"), store.escalations(Instant.EPOCH).stream().map(Escalation::id).toList());
  }

  @Test
  void shouldMigrateOnceAndKeepDataWhenOpenedAgain() throws Exception {
    // given
    store.recordAnswer(answer("a1", NOW, "u1", "q", Set.of(), List.of()));
    store.close();

    // when
    store = JdbcInsightStore.open(currentUrl(), SALT);

    // then
    assertEquals(1, store.answers(Instant.EPOCH).size());
    assertEquals("1|insight\n2|event claims\n3|shared conversation state\n4|shared sent cards", dump("SELECT version, description FROM flyway_schema_history"
        + " WHERE success ORDER BY installed_rank").strip());
  }

  @Test
  void shouldUpgradeADatabaseThatTheOldMigrationRunnerCreated() throws Exception {
    // given a database at version 1 of AskHR's own runner (before Flyway), with a stored answer
    store.close();
    store = null;
    dropEverything();
    try (Connection old = DriverManager.getConnection(currentUrl()); Statement statement = old.createStatement()) {
      for (String sql : script("db/insight/V1__insight.sql").split(";\\s*\n")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
          + " applied_ms BIGINT NOT NULL)");
      statement.execute("INSERT INTO schema_version VALUES (1, 'V1__insight.sql', 0)");
      statement.execute("INSERT INTO answers VALUES ('old', 1, 'SLACK', 'p-x', 'q', 'EXTRACTIVE', '', '', 5)");
    }

    // when
    store = JdbcInsightStore.open(currentUrl(), SALT);

    // then Flyway took over at version 1, applied version 2 and kept the data
    assertEquals("1|AskHR schema_version before Flyway\n2|event claims\n3|shared conversation state\n4|shared sent cards", dump("SELECT version, description"
        + " FROM flyway_schema_history WHERE success ORDER BY installed_rank").strip());
    assertEquals(List.of("old"), store.answers(Instant.EPOCH).stream().map(AnsweredQuestion::id).toList());
    assertTrue(store.claim("slack:EvAfterUpgrade"), "version 2's table is there");
  }

  @Test
  void shouldClaimAnEventWhileEveryQueryConnectionIsBusy() throws Exception {
    // given the dashboard's reports hold every connection of the query pool
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < store.queryPool().getMaximumPoolSize(); i++) {
        held.add(store.queryPool().getConnection());
      }

      // when a Slack retry arrives, then it is claimed on a connection of its own
      assertTrue(store.claim("slack:EvBusy"));
      assertFalse(store.claim("slack:EvBusy"));
      assertTrue(store.reachable());
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  /** Drops the tables of this test's database, as an empty database before any AskHR release. */
  abstract void dropEverything() throws Exception;

  static String script(String resource) throws Exception {
    try (InputStream in = InsightStoreContract.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
    }
  }

  @Test
  void shouldIgnoreADuplicateAnswerId() {
    // given
    store.recordAnswer(answer("a1", NOW, "u1", "first", Set.of(), List.of()));

    // when
    store.recordAnswer(answer("a1", NOW, "u1", "second", Set.of(), List.of()));

    // then
    assertEquals(List.of("first"), store.answers(NOW).stream().map(AnsweredQuestion::question).toList());
  }

  @Test
  void shouldLogAndContinueWhenAWriteFails() throws Exception {
    // given: the table is gone under the store's feet
    try (Connection other = DriverManager.getConnection(currentUrl()); Statement statement = other.createStatement()) {
      statement.execute("DROP TABLE answers");
    }

    // when / then
    assertDoesNotThrow(() -> store.recordAnswer(answer("a1", NOW, "u1", "q", Set.of(), List.of())));
    assertTrue(store.reachable());
  }

  @Test
  void shouldFailResolvingRatherThanClaimItWasAlreadyResolvedWhenTheDatabaseFails() throws Exception {
    // given
    store.openEscalation(escalation("e1", NOW));
    try (Connection other = DriverManager.getConnection(currentUrl()); Statement statement = other.createStatement()) {
      statement.execute("DROP TABLE escalations");
    }

    // when / then
    assertThrows(InsightStoreException.class, () -> store.resolveEscalation("e1", "hr", NOW));
    assertThrows(InsightStoreException.class, () -> store.escalation("e1"));
  }

  /** The URL the current store was opened with. */
  abstract String currentUrl();

  @Test
  void shouldLetOnlyTheFirstReplicaClaimAnEvent() throws Exception {
    // given a second store on the same database, as another replica has
    try (JdbcInsightStore otherReplica = JdbcInsightStore.open(currentUrl(), SALT)) {
      // when
      boolean first = store.claim("slack:Ev123");
      boolean retryHere = store.claim("slack:Ev123");
      boolean retryThere = otherReplica.claim("slack:Ev123");
      boolean another = otherReplica.claim("slack:Ev124");

      // then
      assertTrue(first);
      assertFalse(retryHere);
      assertFalse(retryThere);
      assertTrue(another);
    }
  }

  static Escalation escalation(String id, Instant opened) {
    return new Escalation(id, "answer-" + id, Platform.TEAMS, "conv-" + id, "question " + id, "answer " + id, "",
        Escalation.Status.OPEN, opened, Optional.empty(), Optional.empty());
  }

  String dump(String sql) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection other = DriverManager.getConnection(currentUrl()); Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          text.append(i > 1 ? "|" : "").append(rows.getString(i));
        }
        text.append('\n');
      }
    }
    return text.toString();
  }
}

package io.askhr.insight;

import io.askhr.question.Platform;
import io.askhr.question.Reply;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insight store on SQLite or PostgreSQL over plain JDBC, with HikariCP pools and Flyway migrations. Asker ids are pseudonymised and question text redacted
 * before anything is written. Recording answers, feedback and escalations never throws: a database failure is logged
 * and answering goes on. Looking up or resolving an escalation throws {@link InsightStoreException} when the database
 * fails, so that "already resolved" is only said when it is true and HR can press the button again later.
 */
public final class JdbcInsightStore implements InsightStore, InsightQueries, EventClaims {

  /** How long a claimed chat event id is remembered. */
  static final Duration EVENT_CLAIM_TTL = Duration.ofDays(1);

  private static final Logger log = LoggerFactory.getLogger(JdbcInsightStore.class);
  private static final String ANSWER_COLUMNS = "id, at_ms, platform, asker, question, mode, flags, sources, latency_ms";
  private static final String ESCALATION_COLUMNS =
      "id, answer_id, platform, reply_address, question, answer, link, status, opened_ms, resolved_ms, resolved_by";

  private final String safeUrl;
  private final Dialect dialect;
  private final Pseudonyms pseudonyms;
  private final InsightPools pools;

  private JdbcInsightStore(String url, Dialect dialect, Pseudonyms pseudonyms, InsightPools pools) {
    this.safeUrl = withoutCredentials(url);
    this.dialect = dialect;
    this.pseudonyms = pseudonyms;
    this.pools = pools;
  }

  /**
   * Connects and migrates the schema; fails fast when the database cannot be reached.
   *
   * @param url {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}
   * @param salt the secret key of the asker pseudonyms
   */
  public static JdbcInsightStore open(String url, String salt) {
    Dialect dialect = Dialect.of(url);
    Pseudonyms pseudonyms = new Pseudonyms(salt);
    InsightPools pools = InsightPools.open(url, dialect);
    try {
      InsightMigrations.apply(pools.queries());
      return new JdbcInsightStore(url, dialect, pseudonyms, pools);
    } catch (RuntimeException e) {
      pools.close();
      throw e;
    }
  }

  /** Which database this is, for logs: the URL without user, password or parameters. */
  public String describe() {
    return safeUrl;
  }

  @Override
  public void recordAnswer(AnsweredQuestion answer) {
    quietly("record an answer", () -> insertAnswer(answer));
  }

  /** Writes, or throws {@link InsightStoreException} when the database fails (for {@link BufferedInsightStore}). */
  void insertAnswer(AnsweredQuestion answer) {
    read("record an answer", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO answers (" + ANSWER_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
        insert.setString(1, answer.id());
        insert.setLong(2, answer.at().toEpochMilli());
        insert.setString(3, answer.platform().name());
        insert.setString(4, pseudonyms.of(answer.askerId()));
        insert.setString(5, Redaction.redact(answer.question()));
        insert.setString(6, answer.mode().name());
        insert.setString(7, answer.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        insert.setString(8, String.join("\n", answer.citedSources()));
        insert.setLong(9, answer.latency().toMillis());
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void recordFeedback(Feedback feedback) {
    quietly("record feedback", () -> insertFeedback(feedback));
  }

  /** Writes, or throws {@link InsightStoreException} when the database fails (for {@link BufferedInsightStore}). */
  void insertFeedback(Feedback feedback) {
    read("record feedback", connection -> {
      // One vote per employee and answer: changing one's mind replaces the earlier vote.
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO feedback (answer_id, asker, platform,"
          + " helpful, at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (answer_id, asker) DO UPDATE SET"
          + " helpful = excluded.helpful, at_ms = excluded.at_ms, platform = excluded.platform")) {
        upsert.setString(1, feedback.answerId());
        upsert.setString(2, pseudonyms.of(feedback.askerId()));
        upsert.setString(3, feedback.platform().name());
        upsert.setInt(4, feedback.helpful() ? 1 : 0);
        upsert.setLong(5, feedback.at().toEpochMilli());
        upsert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void openEscalation(Escalation escalation) {
    quietly("open an escalation", () -> insertEscalation(escalation));
  }

  /** Writes, or throws {@link InsightStoreException} when the database fails (for {@link BufferedInsightStore}). */
  void insertEscalation(Escalation escalation) {
    read("open an escalation", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO escalations (" + ESCALATION_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
        insert.setString(1, escalation.id());
        insert.setString(2, escalation.answerId());
        insert.setString(3, escalation.platform().name());
        insert.setString(4, nullToEmpty(escalation.replyAddress()));
        insert.setString(5, Redaction.redact(escalation.question()));
        insert.setString(6, Redaction.redact(escalation.answer()));
        insert.setString(7, nullToEmpty(escalation.link()));
        insert.setString(8, escalation.status().name());
        insert.setLong(9, escalation.openedAt().toEpochMilli());
        if (escalation.resolvedAt().isPresent()) {
          insert.setLong(10, escalation.resolvedAt().get().toEpochMilli());
        } else {
          insert.setNull(10, Types.BIGINT);
        }
        insert.setString(11, escalation.resolvedBy().orElse(null));
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<Escalation> escalation(String id) {
    return read("look up an escalation", connection -> find(connection, id));
  }

  @Override
  public Optional<Escalation> resolveEscalation(String id, String resolvedBy, Instant at) {
    return Optional.ofNullable(read("resolve an escalation", connection -> {
      // The status condition makes the update the arbiter: of two replicas pressing "resolve", one wins.
      try (PreparedStatement update = connection.prepareStatement("UPDATE escalations SET status = 'RESOLVED',"
          + " resolved_ms = ?, resolved_by = ? WHERE id = ? AND status = 'OPEN'")) {
        update.setLong(1, at.toEpochMilli());
        update.setString(2, resolvedBy);
        update.setString(3, id);
        if (update.executeUpdate() == 0) {
          return null;
        }
      }
      return find(connection, id).orElse(null);
    }));
  }

  private static Optional<Escalation> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + ESCALATION_COLUMNS + " FROM escalations WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(escalation(rows)) : Optional.empty();
      }
    }
  }

  @Override
  public List<AnsweredQuestion> answers(Instant since) {
    return read("read answers", connection -> {
      List<AnsweredQuestion> answers = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + ANSWER_COLUMNS + " FROM answers WHERE at_ms >= ? ORDER BY at_ms, id")) {
        select.setLong(1, since.toEpochMilli());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            answers.add(new AnsweredQuestion(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                Platform.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                Reply.Mode.valueOf(rows.getString(6)), flags(rows.getString(7)), lines(rows.getString(8)),
                Duration.ofMillis(rows.getLong(9))));
          }
        }
      }
      return answers;
    });
  }

  @Override
  public List<Feedback> feedback(Instant since) {
    return read("read feedback", connection -> {
      List<Feedback> feedback = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT answer_id, platform, asker, helpful, at_ms"
          + " FROM feedback WHERE at_ms >= ? ORDER BY at_ms, answer_id")) {
        select.setLong(1, since.toEpochMilli());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            feedback.add(new Feedback(rows.getString(1), Platform.valueOf(rows.getString(2)), rows.getString(3),
                rows.getInt(4) == 1, Instant.ofEpochMilli(rows.getLong(5))));
          }
        }
      }
      return feedback;
    });
  }

  @Override
  public List<Escalation> escalations(Instant since) {
    return read("read escalations", connection -> {
      List<Escalation> escalations = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT " + ESCALATION_COLUMNS
          + " FROM escalations WHERE opened_ms >= ? OR status = 'OPEN' ORDER BY opened_ms, id")) {
        select.setLong(1, since.toEpochMilli());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            escalations.add(escalation(rows));
          }
        }
      }
      return escalations;
    });
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return read("purge old records", connection -> {
      long ms = cutoff.toEpochMilli();
      int deleted = 0;
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM claimed_events WHERE claimed_ms < ?")) {
        // Chat platforms retry within minutes; a day of claims is plenty, whatever the retention.
        delete.setLong(1, Math.min(ms, System.currentTimeMillis() - EVENT_CLAIM_TTL.toMillis()));
        delete.executeUpdate();
      }
      for (String sql : List.of("DELETE FROM answers WHERE at_ms < ?", "DELETE FROM feedback WHERE at_ms < ?",
          "DELETE FROM escalations WHERE status = 'RESOLVED' AND opened_ms < ?")) {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
          delete.setLong(1, ms);
          deleted += delete.executeUpdate();
        }
      }
      return deleted;
    });
  }

  /** SQLite lives in one replica's data folder; only PostgreSQL is shared between replicas. */
  @Override
  public boolean shared() {
    return dialect == Dialect.POSTGRES;
  }

  /** On the claims pool: a Slack retry must be claimed at once, not after the dashboard's reports. */
  @Override
  public boolean claim(String key) {
    return run(pools.claims(), "claim an event", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO claimed_events (event_key, claimed_ms)"
          + " VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING")) {
        insert.setString(1, key);
        insert.setLong(2, System.currentTimeMillis());
        return insert.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean reachable() {
    try {
      return run(pools.claims(), "check the database", connection -> connection.isValid(2));
    } catch (InsightStoreException e) {
      return false;
    }
  }

  private static Escalation escalation(ResultSet rows) throws SQLException {
    long resolvedMs = rows.getLong(10);
    Optional<Instant> resolvedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(resolvedMs));
    return new Escalation(rows.getString(1), rows.getString(2), Platform.valueOf(rows.getString(3)),
        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
        Escalation.Status.valueOf(rows.getString(8)), Instant.ofEpochMilli(rows.getLong(9)), resolvedAt,
        Optional.ofNullable(rows.getString(11)));
  }

  private static Set<Reply.Flag> flags(String joined) {
    Set<Reply.Flag> flags = EnumSet.noneOf(Reply.Flag.class);
    Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).forEach(s -> flags.add(Reply.Flag.valueOf(s)));
    return flags;
  }

  private static List<String> lines(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs a write for the adapters: a failure is logged (without the data) and swallowed. */
  private void quietly(String what, Runnable write) {
    try {
      write.run();
    } catch (InsightStoreException e) {
      log.warn("Could not {} in the insight database {}: {}", what, safeUrl, e.getCause().getMessage());
    }
  }

  /** Runs work on a connection from the query pool. */
  private <T> T read(String what, Work<T> work) {
    return run(pools.queries(), what, work);
  }

  /**
   * Runs work on a pooled connection. HikariCP checks a connection before lending it and replaces one that a database
   * restart broke, so a failure here is reported, not retried: {@link BufferedInsightStore} retries the writes.
   */
  private static <T> T run(HikariDataSource pool, String what, Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new InsightStoreException("Could not " + what + " (" + e.getMessage() + ")", e);
    }
  }

  /** The query pool, for tests that occupy it. */
  HikariDataSource queryPool() {
    return pools.queries();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /** A JDBC URL as it may be logged: query parameters (which can hold a password) and user info dropped. */
  static String withoutCredentials(String url) {
    return url.replaceAll("\\?.*$", "").replaceAll("//[^/@]*@", "//");
  }

  @Override
  public void close() {
    pools.close();
  }
}

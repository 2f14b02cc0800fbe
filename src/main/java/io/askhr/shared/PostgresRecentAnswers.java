package io.askhr.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.askhr.question.RecentAnswers;
import io.askhr.question.Reply;
import io.askhr.question.Texts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recent answers in the shared database, so that "Share in channel", "Talk to HR" and a card redraw find the reply
 * whichever replica gave it; kept {@link #KEPT}, the question cut first. Each reply is also kept in this process
 * (written through), so that the buttons of this replica's own answers still work while the database is down; an
 * answer from another replica is then "no longer available", as an expired one is.
 */
final class PostgresRecentAnswers implements RecentAnswers {

  private static final Logger log = LoggerFactory.getLogger(PostgresRecentAnswers.class);

  private final StateDatabase database;
  private final RecentAnswers local;
  private final Clock clock;

  PostgresRecentAnswers(StateDatabase database, RecentAnswers local, Clock clock) {
    this.database = database;
    this.local = local;
    this.clock = clock;
  }

  @Override
  public void put(String answerId, String question, Reply reply) {
    local.put(answerId, question, reply);
    try {
      database.call("keep a recent answer", connection -> {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO recent_answers (answer_id, question,"
            + " reply, at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id) DO NOTHING")) {
          insert.setString(1, Texts.storable(answerId));
          insert.setString(2, Texts.storable(RecentAnswers.cut(question)));
          insert.setString(3, ReplyJson.write(reply));
          insert.setLong(4, clock.millis());
          return insert.executeUpdate();
        }
      });
    } catch (SharedStateException e) {
      log.warn("A recent answer is kept on this replica only: {}", e.getMessage());
    }
  }

  @Override
  public Optional<Answered> get(String answerId) {
    if (answerId == null) {
      return Optional.empty();
    }
    Optional<Answered> mine = local.get(answerId);
    if (mine.isPresent()) {
      return mine;
    }
    Optional<String[]> row;
    try {
      row = database.call("read a recent answer", connection -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT question, reply FROM recent_answers"
            + " WHERE answer_id = ? AND at_ms >= ?")) {
          select.setString(1, Texts.storable(answerId));
          select.setLong(2, clock.millis() - KEPT.toMillis());
          try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(new String[] {rows.getString(1), rows.getString(2)})
                : Optional.<String[]>empty();
          }
        }
      });
    } catch (SharedStateException e) {
      log.warn("A recent answer could not be read; the button finds nothing: {}", e.getMessage());
      return Optional.empty();
    }
    return row.flatMap(PostgresRecentAnswers::read);
  }

  /** The stored reply; empty (logged) for JSON this release cannot read, as for an expired answer. */
  private static Optional<Answered> read(String[] row) {
    try {
      return Optional.of(new Answered(row[0], ReplyJson.read(row[1])));
    } catch (JsonProcessingException e) {
      log.warn("A recent answer written by another release cannot be read ({})", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }
}

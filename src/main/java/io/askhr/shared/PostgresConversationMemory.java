package io.askhr.shared;

import io.askhr.question.ConversationMemory;
import io.askhr.question.Texts;
import io.askhr.question.Turn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversation turns in the shared database, one row per turn, so that a follow-up reaching any replica continues
 * the conversation. A conversation holds its last {@link #MAX_TURNS} turns (older ones are deleted as new ones are
 * written) and is forgotten {@link #IDLE} after its last exchange. When the database fails, a follow-up is answered
 * without its history and the turn is not kept: the conversation starts afresh, nothing crashes.
 */
final class PostgresConversationMemory implements ConversationMemory {

  private static final Logger log = LoggerFactory.getLogger(PostgresConversationMemory.class);
  /** Orders this process's exchanges written in the same millisecond (a random suffix keeps replicas apart). */
  private static final AtomicLong EXCHANGES = new AtomicLong();

  private final StateDatabase database;
  private final Clock clock;

  PostgresConversationMemory(StateDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public List<Turn> history(String conversationId) {
    try {
      return database.call("read a conversation's turns", connection -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT role, text, at_ms FROM (SELECT role,"
            + " text, at_ms, exchange_id, position FROM conversation_turns WHERE conversation_key = ?"
            + " ORDER BY at_ms DESC, exchange_id DESC, position DESC LIMIT ?) latest"
            + " ORDER BY at_ms, exchange_id, position")) {
          select.setString(1, Texts.storable(conversationId));
          select.setInt(2, MAX_TURNS);
          List<Turn> turns = new ArrayList<>();
          long newest = Long.MIN_VALUE;
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              turns.add(new Turn(Turn.Role.valueOf(rows.getString(1)), rows.getString(2)));
              newest = Math.max(newest, rows.getLong(3));
            }
          }
          // Idle too long: the whole conversation is forgotten (the purge deletes its rows soon).
          return newest >= clock.millis() - IDLE.toMillis() ? List.copyOf(turns) : List.<Turn>of();
        }
      });
    } catch (SharedStateException | IllegalArgumentException e) {
      log.warn("Answering without the conversation's earlier turns: {}", e.getMessage());
      return List.of();
    }
  }

  @Override
  public void record(String conversationId, Turn question, Turn answer) {
    try {
      database.call("keep a conversation's turns", connection -> {
        connection.setAutoCommit(false);
        try {
          insert(connection, conversationId, List.of(ConversationMemory.cut(question),
              ConversationMemory.cut(answer)));
          trim(connection, conversationId);
          connection.commit();
          return null;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      });
    } catch (SharedStateException e) {
      log.warn("A conversation's turns were not kept; its next follow-up starts afresh: {}", e.getMessage());
    }
  }

  private void insert(Connection connection, String conversationId, List<Turn> turns)
      throws SQLException {
    String exchange = String.format("%019d-%s", EXCHANGES.incrementAndGet(),
        UUID.randomUUID().toString().substring(0, 8));
    long now = clock.millis();
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation_turns (conversation_key,"
        + " exchange_id, position, role, text, at_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int position = 0; position < turns.size(); position++) {
        insert.setString(1, Texts.storable(conversationId));
        insert.setString(2, exchange);
        insert.setInt(3, position);
        insert.setString(4, turns.get(position).role().name());
        insert.setString(5, Texts.storable(turns.get(position).text()));
        insert.setLong(6, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Deletes the conversation's turns beyond the newest {@link #MAX_TURNS}: bounded work on every write. */
  private static void trim(Connection connection, String conversationId) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM conversation_turns WHERE"
        + " conversation_key = ? AND (exchange_id, position) NOT IN (SELECT exchange_id, position FROM"
        + " conversation_turns WHERE conversation_key = ? ORDER BY at_ms DESC, exchange_id DESC, position DESC"
        + " LIMIT ?)")) {
      delete.setString(1, Texts.storable(conversationId));
      delete.setString(2, Texts.storable(conversationId));
      delete.setInt(3, MAX_TURNS);
      delete.executeUpdate();
    }
  }
}

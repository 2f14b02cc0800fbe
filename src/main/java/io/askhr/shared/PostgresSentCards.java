package io.askhr.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.askhr.question.SentCards;
import io.askhr.question.Texts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams' sent cards in the shared database, so that Teams' own 👍/👎 (which names only the message) is recorded, and a
 * card is redrawn with its buttons spent, whichever replica the press reaches; kept {@link #KEPT}. Everything is also
 * kept in this process (written through): while the database is down, the thumbs under this replica's own messages
 * are still recorded and its own cards remember their presses; a message another replica sent is then unknown (the
 * thumb is logged, not recorded), as an expired one is.
 */
final class PostgresSentCards implements SentCards {

  private static final Logger log = LoggerFactory.getLogger(PostgresSentCards.class);

  private final StateDatabase database;
  private final SentCards local;
  private final Clock clock;

  PostgresSentCards(StateDatabase database, SentCards local, Clock clock) {
    this.database = database;
    this.local = local;
    this.clock = clock;
  }

  @Override
  public void sent(String messageId, String answerId) {
    if (messageId == null || answerId == null) {
      return;
    }
    local.sent(messageId, answerId);
    try {
      keep("keep a sent message's answer", "INSERT INTO sent_messages (message_id, answer_id, at_ms) VALUES (?, ?, ?)"
          + " ON CONFLICT (message_id) DO UPDATE SET answer_id = EXCLUDED.answer_id, at_ms = EXCLUDED.at_ms",
          messageId, answerId);
    } catch (SharedStateException e) {
      log.warn("A sent Teams message is known on this replica only: {}", e.getMessage());
    }
  }

  @Override
  public Optional<String> answerOfMessage(String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    // A message carries the same answer for good: this replica's own record needs no round trip.
    Optional<String> mine = local.answerOfMessage(messageId);
    if (mine.isPresent()) {
      return mine;
    }
    try {
      return find("read a sent message's answer",
          "SELECT answer_id FROM sent_messages WHERE message_id = ? AND at_ms >= ?", messageId);
    } catch (SharedStateException e) {
      log.warn("A sent Teams message could not be looked up; its feedback finds no answer: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public CardState state(String answerId) {
    if (answerId == null) {
      return CardState.FRESH;
    }
    // The database first: a press another replica handled changed the card since this replica last saw it.
    Optional<String> row;
    try {
      row = find("read a card's state", "SELECT state FROM card_states WHERE answer_id = ? AND at_ms >= ?", answerId);
    } catch (SharedStateException e) {
      log.warn("A card's state could not be read; using what this replica saw: {}", e.getMessage());
      return local.state(answerId);
    }
    // A card's state only grows (presses add lines), so the longer is the newer: this replica's own, written while the
    // database was down, wins over the row it could not update then.
    CardState mine = local.state(answerId);
    return row.flatMap(PostgresSentCards::read).filter(shared -> shared.status().size() >= mine.status().size())
        .orElse(mine);
  }

  @Override
  public void update(String answerId, CardState state) {
    if (answerId == null || state == null) {
      return;
    }
    local.update(answerId, state);
    try {
      keep("keep a card's state", "INSERT INTO card_states (answer_id, state, at_ms) VALUES (?, ?, ?)"
          + " ON CONFLICT (answer_id) DO UPDATE SET state = EXCLUDED.state, at_ms = EXCLUDED.at_ms",
          answerId, ReplyJson.write(state));
    } catch (SharedStateException e) {
      log.warn("A card's state is kept on this replica only: {}", e.getMessage());
    }
  }

  /** Runs {@code upsert}, whose parameters are the key, the value and the time now. */
  private void keep(String what, String upsert, String key, String value) {
    database.call(what, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(upsert)) {
        statement.setString(1, Texts.storable(key));
        statement.setString(2, Texts.storable(value));
        statement.setLong(3, clock.millis());
        return statement.executeUpdate();
      }
    });
  }

  /** The first column {@code select} finds for the key and rows written since {@link #KEPT} ago (its parameters). */
  private Optional<String> find(String what, String select, String key) {
    return database.call(what, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(select)) {
        statement.setString(1, Texts.storable(key));
        statement.setLong(2, clock.millis() - KEPT.toMillis());
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  /** The stored state; empty (logged) for JSON this release cannot read, as for a forgotten card. */
  private static Optional<CardState> read(String json) {
    try {
      return Optional.of(ReplyJson.readCardState(json));
    } catch (JsonProcessingException e) {
      log.warn("A card's state written by another release cannot be read ({})", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }
}

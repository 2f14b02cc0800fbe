package io.askhr.shared;

import io.askhr.config.ConfigException;
import io.askhr.config.InsightSettings;
import io.askhr.question.ConversationMemory;
import io.askhr.question.ConversationStores;
import io.askhr.question.RateLimits;
import io.askhr.question.RecentAnswers;
import io.askhr.question.SentCards;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a conversation needs beyond one question (its turns, the replies its buttons use, Teams' sent cards, the
 * asker's rate limit), kept where every replica sees it: in PostgreSQL when {@code DATABASE_URL} names one, else
 * (SQLite, one replica) in this process. The tables come from the insight store's migrations (V3, V4), so open the
 * insight store first. Rows past
 * their time are purged every minute, in bounded batches.
 */
public final class SharedState implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SharedState.class);
  /** Turns live 2 hours and buckets a minute: purging every minute keeps the tables at what is in use. */
  static final Duration PURGE_EVERY = Duration.ofMinutes(1);
  /** Rows per DELETE, and DELETEs per table per run: a purge never holds the database for long. */
  static final int PURGE_BATCH = 1_000;
  static final int PURGE_BATCHES = 10;
  /** Turns of conversations with no exchange since the cut-off (a conversation is forgotten whole). */
  private static final String IDLE_CONVERSATIONS = "SELECT t.ctid FROM conversation_turns t WHERE t.at_ms < ?"
      + " AND NOT EXISTS (SELECT 1 FROM conversation_turns n WHERE n.conversation_key = t.conversation_key"
      + " AND n.at_ms >= ?) LIMIT ?";
  private static final String EXPIRED_ANSWERS = "SELECT ctid FROM recent_answers WHERE at_ms < ? LIMIT ?";
  private static final String EXPIRED_MESSAGES = "SELECT ctid FROM sent_messages WHERE at_ms < ? LIMIT ?";
  private static final String EXPIRED_CARDS = "SELECT ctid FROM card_states WHERE at_ms < ? LIMIT ?";

  private final Clock clock;
  private final Optional<StateDatabase> database;
  private final Optional<PostgreSQLSelectForUpdateBasedProxyManager<String>> buckets;
  private final ConversationStores stores;
  private final ScheduledExecutorService purger;

  private SharedState(Clock clock, Optional<StateDatabase> database, ConversationStores stores) {
    this.clock = clock;
    this.database = database;
    this.buckets = database.map(db -> PostgresRateLimits.buckets(db, RateLimits.time(clock)));
    this.stores = stores;
    this.purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "askhr-shared-state-purge");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** In PostgreSQL when the settings name one, else in this process; purging starts at once. */
  public static SharedState open(InsightSettings settings, Clock clock) {
    Optional<String> postgres = settings.databaseUrl().filter(url -> url.startsWith("jdbc:postgresql:"));
    if (postgres.isEmpty()) {
      return inProcess(clock);
    }
    try {
      SharedState state = open(postgres.get(), clock, StateDatabase.OPEN_FOR);
      state.purger.scheduleWithFixedDelay(state::purgeQuietly, 0, PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      return state;
    } catch (SharedStateException e) {
      throw new ConfigException(e.getMessage() + ". Check DATABASE_URL.");
    }
  }

  /** Everything in this process (one replica). */
  static SharedState inProcess(Clock clock) {
    return new SharedState(clock, Optional.empty(), ConversationStores.inProcess(clock));
  }

  /** In the PostgreSQL at {@code url} (already migrated); no purge scheduled (tests call {@link #purgeExpired}). */
  static SharedState open(String url, Clock clock, Duration breakerOpenFor) {
    StateDatabase database = StateDatabase.open(url, breakerOpenFor);
    ConversationStores stores = new ConversationStores(new PostgresConversationMemory(database, clock),
        new PostgresRecentAnswers(database, RecentAnswers.inProcess(clock), clock),
        new PostgresSentCards(database, SentCards.inProcess(clock), clock));
    return new SharedState(clock, Optional.of(database), stores);
  }

  /** Whether the state is shared with other replicas (PostgreSQL). */
  public boolean shared() {
    return database.isPresent();
  }

  /** Conversation turns, recent answers and Teams' sent cards. */
  public ConversationStores conversations() {
    return stores;
  }

  /**
   * Per-asker and global rate limits; shared, they fall back to this replica's own buckets while the database is
   * down.
   */
  public RateLimits rateLimits(int perMinute, int globalPerMinute) {
    RateLimits local = RateLimits.inProcess(perMinute, globalPerMinute, clock);
    return database.<RateLimits>map(db -> new PostgresRateLimits(db, buckets.orElseThrow(), perMinute,
        globalPerMinute, local)).orElse(local);
  }

  /**
   * Deletes turns, recent answers, sent cards and full buckets past their time, in bounded batches; returns the rows
   * deleted.
   */
  int purgeExpired() {
    if (database.isEmpty()) {
      return 0;
    }
    StateDatabase db = database.get();
    long now = clock.millis();
    return purge(db, "conversation_turns", IDLE_CONVERSATIONS, now - ConversationMemory.IDLE.toMillis())
        + purge(db, "recent_answers", EXPIRED_ANSWERS, now - RecentAnswers.KEPT.toMillis())
        + purge(db, "sent_messages", EXPIRED_MESSAGES, now - SentCards.KEPT.toMillis())
        + purge(db, "card_states", EXPIRED_CARDS, now - SentCards.KEPT.toMillis())
        + PostgresRateLimits.purgeExpired(db, buckets.orElseThrow(), PURGE_BATCHES);
  }

  private void purgeQuietly() {
    try {
      int deleted = purgeExpired();
      if (deleted > 0) {
        log.debug("Purged {} expired rows of shared conversation state", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Purging expired conversation state failed; will retry in a minute: {}", e.getMessage());
    }
  }

  /**
   * Deletes the rows of {@code table} that {@code expired} selects (its parameters: the cut-off, once or twice, then
   * the batch size), {@link #PURGE_BATCH} at a time.
   */
  private static int purge(StateDatabase db, String table, String expired, long before) {
    int deleted = 0;
    for (int i = 0; i < PURGE_BATCHES; i++) {
      int batch = db.call("purge " + table, connection -> {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE ctid IN ("
            + expired + ")")) {
          int parameters = delete.getParameterMetaData().getParameterCount();
          for (int p = 1; p < parameters; p++) {
            delete.setLong(p, before);
          }
          delete.setInt(parameters, PURGE_BATCH);
          return delete.executeUpdate();
        }
      });
      deleted += batch;
      if (batch < PURGE_BATCH) {
        break;
      }
    }
    return deleted;
  }

  @Override
  public void close() {
    purger.shutdownNow();
    database.ifPresent(StateDatabase::close);
  }
}

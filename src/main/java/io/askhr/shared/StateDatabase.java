package io.askhr.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL connections behind the shared conversation state, in a pool of their own (answering does not queue
 * behind dashboard reports), with a circuit breaker: once the database fails, the stores stop waiting for it for a
 * while and answer from their fallback at once, instead of every question waiting for a connection that will not come.
 */
final class StateDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StateDatabase.class);
  /** Single-row statements on the answer path: a few connections serve every question of a replica. */
  static final int CONNECTIONS = 4;
  /** Short: a question should not wait long for state it can do without (the breaker then skips the wait). */
  static final Duration CONNECTION_WAIT = Duration.ofSeconds(1);
  /** A statement on a half-dead connection gives up after this (PgJDBC's socketTimeout). */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
  /** How long the stores use their fallback before trying the database again. */
  static final Duration OPEN_FOR = Duration.ofSeconds(10);

  private final HikariDataSource pool;
  private final CircuitBreaker breaker;

  private StateDatabase(HikariDataSource pool, CircuitBreaker breaker) {
    this.pool = pool;
    this.breaker = breaker;
  }

  /** Opens the pool; fails fast (with the URL's credentials left out) when the database cannot be reached. */
  static StateDatabase open(String url, Duration openFor) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("shared-state");
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(CONNECTIONS);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
    config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new SharedStateException("Cannot open the shared state database " + withoutCredentials(url) + " ("
          + cause.getMessage() + ")", cause);
    }
    CircuitBreaker breaker = CircuitBreaker.of("shared-state", CircuitBreakerConfig.custom()
        .slidingWindowSize(10)
        .minimumNumberOfCalls(3)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .build());
    breaker.getEventPublisher().onStateTransition(e -> log.warn("Shared state database: {} ({})",
        e.getStateTransition(), switch (e.getStateTransition().getToState()) {
          case OPEN -> "follow-ups start afresh, buttons find only this replica's answers, rate limits count per"
              + " replica, Teams' own thumbs find only this replica's messages";
          case HALF_OPEN -> "trying the database again";
          default -> "back to the shared state";
        }));
    return new StateDatabase(pool, breaker);
  }

  /** Work on one connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on a pooled connection; throws {@link SharedStateException} when the database fails. */
  <T> T call(String what, Work<T> work) {
    return guarded(what, () -> {
      try (Connection connection = pool.getConnection()) {
        return work.run(connection);
      } catch (SQLException e) {
        throw new SharedStateException("Could not " + what + " (" + e.getMessage() + ")", e);
      }
    });
  }

  /** Runs {@code work} (which reaches the database itself, as Bucket4j does) behind the circuit breaker. */
  <T> T guarded(String what, Supplier<T> work) {
    try {
      return breaker.executeSupplier(work);
    } catch (SharedStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SharedStateException("Could not " + what + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  DataSource dataSource() {
    return pool;
  }

  static String withoutCredentials(String url) {
    return url.replaceAll("\\?.*$", "").replaceAll("//[^/@]*@", "//");
  }

  @Override
  public void close() {
    pool.close();
  }
}

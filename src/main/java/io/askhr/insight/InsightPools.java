package io.askhr.insight;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.time.Duration;

/**
 * The two connection pools of one insight database. Chat-event claims and health checks have a pool of their own, so
 * that a Slack retry is claimed at once even while every query connection serves a slow HR dashboard report.
 */
record InsightPools(HikariDataSource queries, HikariDataSource claims) implements AutoCloseable {

  /**
   * How long a caller waits for a free connection before the store reports the database unavailable: short, so that
   * /readyz answers within its probe timeout and {@link BufferedInsightStore} buffers instead of waiting.
   */
  static final Duration CONNECTION_WAIT = Duration.ofSeconds(3);
  /** Claims and health checks are single-row statements: two connections keep up with any event rate. */
  static final int CLAIM_CONNECTIONS = 2;

  /** Opens both pools; fails fast (with the URL's credentials left out) when the database cannot be reached. */
  static InsightPools open(String url, Dialect dialect) {
    HikariDataSource queries = pool(url, dialect, "insight-queries", dialect.queryConnections);
    try {
      return new InsightPools(queries, pool(url, dialect, "insight-claims", CLAIM_CONNECTIONS));
    } catch (RuntimeException e) {
      queries.close();
      throw e;
    }
  }

  private static HikariDataSource pool(String url, Dialect dialect, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
    dialect.configure(config);
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InsightStoreException("Cannot open the insight database "
          + JdbcInsightStore.withoutCredentials(url) + " (" + cause.getMessage() + ")", cause);
    }
  }

  @Override
  public void close() {
    claims.close();
    queries.close();
  }
}

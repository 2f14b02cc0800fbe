package io.askhr.insight;

import com.zaxxer.hikari.HikariConfig;

/** What differs between the two databases; the schema and queries are shared. */
enum Dialect {
  SQLITE(4) {
    @Override
    void configure(HikariConfig pool) {
      // Driver properties, applied to every pooled connection. WAL lets `askhr report` read while `serve` writes and
      // pooled connections read while one writes; the busy timeout waits out the other writer.
      pool.addDataSourceProperty("journal_mode", "WAL");
      pool.addDataSourceProperty("busy_timeout", "5000");
      pool.addDataSourceProperty("synchronous", "NORMAL");
    }
  },
  POSTGRES(8) {
    @Override
    void configure(HikariConfig pool) {}
  };

  /**
   * Connections for answers, feedback, escalations and the HR dashboard. SQLite writes one at a time whatever the
   * pool, so a few connections are enough for its readers; PostgreSQL serves several replicas, each with this many.
   */
  final int queryConnections;

  Dialect(int queryConnections) {
    this.queryConnections = queryConnections;
  }

  static Dialect of(String url) {
    return url.startsWith("jdbc:sqlite:") ? SQLITE : POSTGRES;
  }

  abstract void configure(HikariConfig pool);
}

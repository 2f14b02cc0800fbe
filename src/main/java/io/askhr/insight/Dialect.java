package io.askhr.insight;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the two databases; the schema and queries are shared. */
enum Dialect {
  SQLITE {
    @Override
    void configure(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        // WAL lets `askhr report` read while `serve` writes; the busy timeout waits out the other writer.
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA busy_timeout=5000");
        statement.execute("PRAGMA synchronous=NORMAL");
      }
    }

    @Override
    void lockForMigration(Connection connection) {
      // NOTE: SQLite takes its write lock at the first DDL statement of the transaction; nothing to do.
    }
  },
  POSTGRES {
    @Override
    void configure(Connection connection) {}

    @Override
    void lockForMigration(Connection connection) throws SQLException {
      // Several replicas may start together; one migrates while the others wait for this transaction to end.
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(7214420905)");
      }
    }
  };

  abstract void configure(Connection connection) throws SQLException;

  /** Called inside the migration transaction. */
  abstract void lockForMigration(Connection connection) throws SQLException;
}

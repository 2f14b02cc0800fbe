package io.askhr.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations under {@code db/insight/}, the same SQL for SQLite and PostgreSQL. Applied at start in
 * one transaction; applying them again changes nothing.
 */
final class Migrations {

  /** In order; append new versions, never edit an applied one. */
  private static final List<String> VERSIONS = List.of("V1__insight.sql", "V2__event_claims.sql");

  private Migrations() {}

  /** Applies the missing versions; returns the schema version now in place. */
  static int apply(Connection connection, Dialect dialect) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      dialect.lockForMigration(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            + " name TEXT NOT NULL, applied_ms BIGINT NOT NULL)");
      }
      int current = current(connection);
      for (int version = current + 1; version <= VERSIONS.size(); version++) {
        String name = VERSIONS.get(version - 1);
        try (Statement statement = connection.createStatement()) {
          for (String sql : statements(script(name))) {
            statement.execute(sql);
          }
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO schema_version (version, name, applied_ms) VALUES (?, ?, ?)")) {
          insert.setInt(1, version);
          insert.setString(2, name);
          insert.setLong(3, System.currentTimeMillis());
          insert.executeUpdate();
        }
      }
      connection.commit();
      return VERSIONS.size();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static int current(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Splits a script on semicolons at line ends; comment lines are dropped. */
  static List<String> statements(String script) {
    StringBuilder withoutComments = new StringBuilder();
    script.lines().filter(line -> !line.strip().startsWith("--")).forEach(l -> withoutComments.append(l).append('\n'));
    return List.of(withoutComments.toString().split(";\\s*\n")).stream().map(String::strip).filter(s -> !s.isEmpty())
        .toList();
  }

  private static String script(String name) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream("db/insight/" + name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.askhr.insight;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Versioned schema migrations under {@code db/insight/}, the same SQL for SQLite and PostgreSQL, applied by Flyway at
 * start. Flyway records them in {@code flyway_schema_history} and, on PostgreSQL, takes a lock so that replicas
 * starting together migrate once. Append new versions ({@code V3__...sql}); never edit an applied one: Flyway refuses
 * to start when an applied script's checksum changed.
 */
final class InsightMigrations {

  /** The table of AskHR's own migration runner before Flyway (releases up to 0.1.0); left in place, never written. */
  static final String LEGACY_TABLE = "schema_version";

  private InsightMigrations() {}

  /** Applies the missing versions; a database migrated by the old runner is baselined at the version it reached. */
  static void apply(DataSource dataSource) {
    Optional<Integer> legacy = legacyVersion(dataSource);
    var config = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/insight");
    legacy.ifPresent(version -> config.baselineOnMigrate(true)
        .baselineVersion(MigrationVersion.fromVersion(String.valueOf(version)))
        .baselineDescription("AskHR schema_version before Flyway"));
    try {
      config.load().migrate();
    } catch (FlywayException e) {
      throw new InsightStoreException("Could not migrate the insight database (" + e.getMessage() + ")", e);
    }
  }

  /** The version the old runner recorded, when its table exists and Flyway has not taken over yet. */
  static Optional<Integer> legacyVersion(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!hasTable(connection, LEGACY_TABLE) || hasTable(connection, "flyway_schema_history")) {
        return Optional.empty();
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + LEGACY_TABLE)) {
        rows.next();
        int version = rows.getInt(1);
        return version > 0 ? Optional.of(version) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new InsightStoreException("Could not read the insight database's schema version (" + e.getMessage()
          + ")", e);
    }
  }

  private static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet tables = meta.getTables(null, connection.getSchema(), table, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}

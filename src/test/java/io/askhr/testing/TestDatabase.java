package io.askhr.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The real PostgreSQL that {@code .ci/run} starts for the tests ({@code ASKHR_TEST_DATABASE_URL}). */
public final class TestDatabase {

  /** JDBC URL with user and password as query parameters, or null when the variable is unset. */
  public static final String URL = System.getenv("ASKHR_TEST_DATABASE_URL");

  private TestDatabase() {}

  /**
   * An empty schema of its own for one test class, so that tests sharing the database do not meet; skips the test
   * when no database is configured. Returns the URL that works in it.
   */
  public static String freshSchema(String schema) throws SQLException {
    assumeTrue(URL != null && !URL.isBlank(), "ASKHR_TEST_DATABASE_URL is not set: PostgreSQL tests skipped");
    try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    }
    return URL + "&currentSchema=" + schema;
  }
}

package io.askhr.insight;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.askhr.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The contract against a real PostgreSQL: {@code ASKHR_TEST_DATABASE_URL}, which {@code .ci/run} sets up. */
class PostgresInsightStoreTest extends InsightStoreContract {

  static final String URL = TestDatabase.URL;

  @Override
  String freshDatabaseUrl() throws Exception {
    assumeTrue(URL != null && !URL.isBlank(), "ASKHR_TEST_DATABASE_URL is not set: PostgreSQL tests skipped");
    try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS answers, feedback, escalations, claimed_events, schema_version");
    }
    return URL;
  }

  @Override
  String currentUrl() {
    return URL;
  }
}

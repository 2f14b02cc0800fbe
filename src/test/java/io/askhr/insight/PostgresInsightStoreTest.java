package io.askhr.insight;

import io.askhr.testing.TestDatabase;

/**
 * The contract against a real PostgreSQL: {@code ASKHR_TEST_DATABASE_URL}, which {@code .ci/run} sets up. Each test
 * gets an empty schema of its own.
 */
class PostgresInsightStoreTest extends InsightStoreContract {

  static final String SCHEMA = "askhr_insight_contract";

  String url;

  @Override
  String freshDatabaseUrl() throws Exception {
    url = TestDatabase.freshSchema(SCHEMA);
    return url;
  }

  @Override
  void dropEverything() throws Exception {
    url = TestDatabase.freshSchema(SCHEMA);
  }

  @Override
  String currentUrl() {
    return url;
  }
}

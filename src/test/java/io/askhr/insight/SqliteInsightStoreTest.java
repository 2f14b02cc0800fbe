package io.askhr.insight;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteInsightStoreTest extends InsightStoreContract {

  @TempDir Path dir;

  @Override
  String freshDatabaseUrl() {
    return currentUrl();
  }

  @Override
  String currentUrl() {
    return "jdbc:sqlite:" + dir.resolve("insight.db");
  }
}

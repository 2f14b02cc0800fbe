package io.askhr.insight;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteInsightStoreTest extends InsightStoreContract {

  @TempDir Path dir;

  @Override
  String freshDatabaseUrl() {
    return currentUrl();
  }

  @Override
  void dropEverything() throws Exception {
    Files.deleteIfExists(dir.resolve("insight.db"));
    Files.deleteIfExists(dir.resolve("insight.db-wal"));
    Files.deleteIfExists(dir.resolve("insight.db-shm"));
  }

  @Override
  String currentUrl() {
    return "jdbc:sqlite:" + dir.resolve("insight.db");
  }
}

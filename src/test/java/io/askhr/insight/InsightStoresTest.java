package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.config.InsightSettings;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightStoresTest {

  @TempDir Path dataDir;

  @Test
  void shouldCreateTheDatabaseAndTheSaltReadableByTheOwnerOnly() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    // given a fresh data folder and no DATABASE_URL

    // when the store opens and writes
    try (JdbcInsightStore store = InsightStores.open(settings(Optional.empty()), dataDir)) {
      store.recordAnswer(BufferedInsightStoreTest.answer("a1"));
    }

    // then the files holding questions and the pseudonym key are 0600
    assertEquals("rw-------", permissions(dataDir.resolve(InsightStores.SQLITE_FILE)));
    assertEquals("rw-------", permissions(dataDir.resolve(InsightStores.SALT_FILE)));
  }

  @Test
  void shouldTightenAWorldReadableDatabaseLeftByAnEarlierVersion() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    // given an existing insight.db created 0644
    Path database = Files.createFile(dataDir.resolve(InsightStores.SQLITE_FILE),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

    // when
    InsightStores.open(settings(Optional.of("salt")), dataDir).close();

    // then
    assertEquals("rw-------", permissions(database));
  }

  private static InsightSettings settings(Optional<String> salt) {
    return new InsightSettings(Optional.empty(), salt, Duration.ofDays(90), Optional.empty());
  }

  private static String permissions(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}

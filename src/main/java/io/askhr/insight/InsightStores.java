package io.askhr.insight;

import io.askhr.config.ConfigException;
import io.askhr.config.InsightSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Opens the insight store the settings ask for: PostgreSQL when {@code DATABASE_URL} is set, else SQLite. */
public final class InsightStores {

  static final String SQLITE_FILE = "insight.db";
  static final String SALT_FILE = "insight-salt";

  private InsightStores() {}

  /** Opens and migrates the store; fails fast when it cannot be reached. */
  public static JdbcInsightStore open(InsightSettings settings, Path dataDir) {
    try {
      return openStore(settings, dataDir);
    } catch (InsightStoreException | UncheckedIOException | IllegalStateException e) {
      throw new ConfigException(e.getMessage() + ". Check DATA_DIR, DATABASE_URL and INSIGHT_SALT.");
    }
  }

  private static JdbcInsightStore openStore(InsightSettings settings, Path dataDir) {
    String salt = settings.salt().orElseGet(() -> generatedSalt(dataDir));
    if (settings.databaseUrl().isPresent()) {
      return JdbcInsightStore.open(settings.databaseUrl().get(), salt);
    }
    Path database = dataDir.resolve(SQLITE_FILE);
    try {
      Files.createDirectories(dataDir);
      createPrivate(database);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data folder " + dataDir.toAbsolutePath(), e);
    }
    return JdbcInsightStore.open("jdbc:sqlite:" + database.toAbsolutePath(), salt);
  }

  /**
   * Creates the database file readable by its owner only (0600) before SQLite opens it, or tightens an existing one:
   * it holds what employees asked. SQLite gives its -wal and -shm files the permissions of the database file.
   */
  static void createPrivate(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        Files.createFile(file);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // Another process created it first: tighten theirs below.
      }
    }
    restrict(file);
  }

  /**
   * The salt kept in the data folder, created on first use. NOTE: with PostgreSQL and several replicas, set
   * INSIGHT_SALT instead, or each replica pseudonymises the same employee differently.
   */
  static String generatedSalt(Path dataDir) {
    Path file = dataDir.resolve(SALT_FILE);
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(dataDir);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
          // Restricted before the secret is written, so it is never readable by others, even for a moment.
          Path created = Files.createFile(file);
          restrict(created);
          Files.writeString(created, salt, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
          // Another process created it first: use theirs.
        }
      }
      String salt = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (salt.isEmpty()) {
        throw new IllegalStateException(file.toAbsolutePath() + " is empty: delete it to generate a new salt"
            + " (earlier pseudonyms will no longer match) or set INSIGHT_SALT");
      }
      return salt;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the insight salt in " + dataDir.toAbsolutePath(), e);
    }
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the data folder's own permissions apply.
    }
  }
}

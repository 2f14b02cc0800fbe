package io.askhr;

import io.askhr.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares: which knowledge folder, and where its index lives. */
final class FolderOptions {

  @Option(names = "--knowledge", paramLabel = "DIR",
      description = "HR's policy folder (default: $KNOWLEDGE_DIR, else ./knowledge)")
  Path knowledge;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index folder (default: $INDEX_DIR, else ./data/index/<folder name>-<hash>)")
  Path index;

  Settings settings() {
    return Settings.fromEnvironment(System.getenv(), Optional.ofNullable(knowledge), Optional.ofNullable(index));
  }
}

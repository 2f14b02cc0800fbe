package io.askhr;

import io.askhr.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every command shares: which knowledge folder, and where its index lives. */
final class FolderOptions {

  @Option(names = "--knowledge", paramLabel = "DIR",
      description = "HR's policy folder (default: $KNOWLEDGE_DIR, else ./knowledge)")
  Path knowledge;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index folder (default: $INDEX_DIR, else ./data/index/<folder name>-<hash>)")
  Path index;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  Settings settings() {
    return settings(Optional.ofNullable(index));
  }

  /** The settings with another index folder. */
  Settings settings(Optional<Path> indexOverride) {
    Map<String, String> environment = ((AskHr) command.root().userObject()).environment();
    return Settings.fromEnvironment(environment, Optional.ofNullable(knowledge), indexOverride);
  }
}

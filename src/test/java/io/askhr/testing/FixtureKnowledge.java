package io.askhr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the fixture policies of {@code src/test/resources/knowledge} into a folder a test may change. */
public final class FixtureKnowledge {

  private FixtureKnowledge() {}

  public static Path source() {
    try {
      return Path.of(FixtureKnowledge.class.getClassLoader().getResource("knowledge").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path copyTo(Path target) {
    Path from = source();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.askhr.knowledge;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The reader fixtures of {@code src/test/resources/fixtures-readers}, one file per format. */
final class ReaderFixtures {

  private ReaderFixtures() {}

  static Path folder() {
    try {
      return Path.of(ReaderFixtures.class.getClassLoader().getResource("fixtures-readers").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A knowledge folder over the fixtures themselves, for tests that only read. */
  static KnowledgeFolder knowledgeFolder() {
    return new KnowledgeFolder(folder(), 10_000_000);
  }

  /** Reads one fixture through the whole pipeline: listing (for the hash) and reading. */
  static PolicyDocument read(String name) throws IOException, UnreadableDocumentException {
    KnowledgeFolder folder = knowledgeFolder();
    return folder.read(sourceFile(folder, name));
  }

  static SourceFile sourceFile(KnowledgeFolder folder, String name) throws IOException {
    return folder.list().files().stream()
        .filter(f -> f.source().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not listed"));
  }

  static Path copy(String name, Path folder) throws IOException {
    Files.createDirectories(folder);
    return Files.copy(folder().resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}

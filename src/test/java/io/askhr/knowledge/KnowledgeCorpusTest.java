package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads real policy folders end to end: the project's own knowledge folder and the public test corpora. */
class KnowledgeCorpusTest {

  private static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
  /** The default splitter's hard limit. */
  private static final int MAX_WORDS = 450;

  static Path corpora() {
    return Path.of(System.getenv().getOrDefault("ASKHR_CORPORA", "../shared/corpora"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"knowledge", "contoso/docs", "gsa_tts/docs"})
  void shouldReadEveryFileOfTheFolderIntoBoundedPassages(String folderPath) throws Exception {
    // given: the sample knowledge of this repository, and the public corpora when they are available
    Path root = folderPath.equals("knowledge") ? Path.of("knowledge") : corpora().resolve(folderPath);
    Assumptions.assumeTrue(Files.isDirectory(root), folderPath + " is not on this machine");
    KnowledgeFolder folder = new KnowledgeFolder(root, MAX_FILE_BYTES);
    PassageSplitter splitter = PassageSplitter.defaults();
    long start = System.nanoTime();

    // when
    KnowledgeFolder.Listing listing = folder.list();
    List<IngestProblem> problems = new ArrayList<>(listing.problems());
    List<PolicyPassage> passages = new ArrayList<>();
    for (SourceFile file : listing.files()) {
      try {
        passages.addAll(splitter.split(folder.read(file)));
      } catch (UnreadableDocumentException e) {
        problems.add(new IngestProblem(e.source(), e.reason()));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    System.out.printf("%s: %d files, %d passages in %d ms%n", folderPath, listing.files().size(), passages.size(),
        millis);
    assertEquals(List.of(), problems);
    assertFalse(passages.isEmpty());
    for (PolicyPassage passage : passages) {
      assertFalse(passage.text().isBlank(), passage.id());
      int words = Text.wordCount(passage.text());
      assertTrue(words <= MAX_WORDS, passage.id() + " has " + words + " words");
    }
  }
}

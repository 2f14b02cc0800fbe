package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.knowledge.UnreadableDocumentException;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy HR writes in German ({@code language: de}) is indexed and searched with the German analyzer. */
class PolicyLanguageTest {

  @TempDir Path temp;

  private Path knowledge() throws Exception {
    Path root = Files.createDirectories(temp.resolve("knowledge"));
    Files.writeString(root.resolve("kuendigung.md"), """
        ---
        title: Kündigungsfristen in Deutschland
        language: de
        ---
        # Kündigungsfristen

        Die Kündigungsfristen richten sich nach der Betriebszugehörigkeit. Beschäftigte mit mehr als zwei Jahren
        Betriebszugehörigkeit haben Anspruch auf zwei Monate zum Monatsende. Während der Freistellung zählen diese
        Tage als Arbeitszeit.
        """);
    Files.writeString(root.resolve("leave.md"), """
        ---
        title: Annual leave
        ---
        # Annual leave

        Full-time employees get 27 days of annual leave a year, plus public holidays.
        """);
    return root;
  }

  @Test
  void shouldFindAGermanPolicyByAnInflectedWordThatOnlyTheGermanAnalyzerStems() throws Exception {
    // given a lexical-only search, so that the English embedding model cannot help
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      index.update(new KnowledgeFolder(knowledge(), 1_000_000), PassageSplitter.defaults());
      PolicySearcher searcher = index.searcher().withWeights(FusionWeights.lexicalOnly());

      // when: the policy says "Tage"; "Tag" is too short for typo matching, so only German stemming joins the two
      List<Hit> hits = searcher.search("Tag", Scope.everyone(), 5);

      // then
      assertEquals("kuendigung.md", hits.get(0).passage().source());
      assertEquals("de", hits.get(0).passage().language());
      assertEquals(1, hits.stream().filter(h -> h.passage().source().equals("kuendigung.md")).count());
    }
  }

  @Test
  void shouldKeepEnglishPoliciesInEnglish() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      index.update(new KnowledgeFolder(knowledge(), 1_000_000), PassageSplitter.defaults());
      List<Hit> hits = index.searcher().withWeights(FusionWeights.lexicalOnly())
          .search("days of annual leave", Scope.everyone(), 5);
      assertEquals("leave.md", hits.get(0).passage().source());
      assertEquals("en", hits.get(0).passage().language());
    }
  }

  @Test
  void shouldRejectALanguageThatIsNotATwoLetterCode() throws Exception {
    // given
    Path root = Files.createDirectories(temp.resolve("typo"));
    Files.writeString(root.resolve("p.md"), "---\ntitle: P\nlanguage: Deutsch\n---\n# P\n\nText.\n");
    KnowledgeFolder folder = new KnowledgeFolder(root, 1_000_000);

    // then
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> folder.read(folder.list().files().get(0)));
    assertTrue(e.reason().contains("two-letter ISO 639-1 code"), e.reason());
  }
}

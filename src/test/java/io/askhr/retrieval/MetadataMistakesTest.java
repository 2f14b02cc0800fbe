package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HR edits a managers-only policy and makes a small mistake in its metadata: the mistake must never show the policy
 * to everyone. The file is held back, reported, and its last good version keeps serving managers only.
 */
class MetadataMistakesTest {

  private static final String SOURCE = "managers/selection-calibration.md";
  private static final String QUERY = "Harlow grid calibration panel";
  private static final String BODY = "# Manager guide to redundancy selection scoring\n\n## Calibration panel\n"
      + "Selection scores are calibrated by a panel of three managers. The panel uses the Harlow grid and the new"
      + " Ashdown matrix.\n";

  @TempDir Path temp;
  Path knowledge;
  KnowledgeFolder folder;

  @BeforeEach
  void setUp() {
    knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    folder = new KnowledgeFolder(knowledge, 10_000_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "---\ntitle: Calibration\naudiences: managers\n---\n",
      "---\ntitle: Calibration\nAudience: managers\n---\n",
      "\n---\ntitle: Calibration\naudience: managers\n---\n",
      "---\ntitle: Calibration\naudience: managers\n----\n",
      "+++\ntitle = \"Calibration\"\naudience = \"managers\"\n+++\n",
      "---\ntitle: Calibration\naudience: [managers\n---\n",
      "---\ntitle: Calibration\naudience:\n---\n",
      "---\ntitle: Calibration\naudience: {managers: yes}\n---\n",
      "---\ntitle: Calibration\naudience: managers\naudience: everyone\n---\n",
      "---\ntitle: Calibration\nvisibility: managers\n---\n"})
  void shouldHoldBackAPolicyWhoseMetadataHasAMistakeAndKeepItsLastGoodVersion(String frontMatter) throws Exception {
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      // given the managers-only policy is indexed
      index.update(folder, PassageSplitter.defaults());

      // when HR saves a new version with a metadata mistake
      Files.writeString(knowledge.resolve(SOURCE), frontMatter + BODY);
      IndexReport report = index.update(folder, PassageSplitter.defaults());

      // then the file is reported, everyone still cannot see it, and managers get the last good version
      assertEquals(List.of(SOURCE), report.problems().stream().map(p -> p.source()).toList());
      assertFalse(sources(index.searcher().search(QUERY, Scope.everyone(), 20)).contains(SOURCE));
      List<Hit> managers = index.searcher().search(QUERY, Scope.of(Set.of("managers"), Optional.empty()), 3);
      assertEquals(SOURCE, managers.get(0).passage().source());
      assertFalse(managers.get(0).passage().text().contains("Ashdown"));
    }
  }

  @Test
  void shouldHoldBackAFileWhoseSidecarCannotBeRead() throws Exception {
    // given a PDF-like document restricted by its sidecar, indexed
    Path doc = knowledge.resolve("managers/pay-review.txt");
    Files.writeString(doc, "Pay review\n\nManagers propose pay rises on the Ashdown matrix in March.\n");
    Path sidecar = knowledge.resolve("managers/pay-review.txt.meta.yml");
    Files.writeString(sidecar, "title: Pay review\naudience: managers\n");
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      index.update(folder, PassageSplitter.defaults());

      // when the sidecar cannot be read any more (here: a folder took its name; as root, permissions do not stop us)
      Files.delete(sidecar);
      Files.createDirectory(sidecar);
      IndexReport report = index.update(folder, PassageSplitter.defaults());

      // then
      assertTrue(report.problems().stream().anyMatch(p -> p.source().equals("managers/pay-review.txt")));
      assertFalse(sources(index.searcher().search("Ashdown matrix pay rises", Scope.everyone(), 20))
          .contains("managers/pay-review.txt"));
    }
  }

  @Test
  void shouldHoldBackAFileWhoseSidecarIsMisnamed() throws Exception {
    // given a document restricted by a sidecar spelt .meta.yaml
    Files.writeString(knowledge.resolve("managers/pay-review.txt"),
        "Pay review\n\nManagers propose pay rises on the Ashdown matrix in March.\n");
    Files.writeString(knowledge.resolve("managers/pay-review.txt.meta.yaml"), "audience: managers\n");

    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      // when
      IndexReport report = index.update(folder, PassageSplitter.defaults());

      // then it is not public: it is reported and not indexed
      assertTrue(report.problems().stream().anyMatch(p -> p.source().equals("managers/pay-review.txt")
          && p.reason().contains("misnamed")));
      assertFalse(sources(index.searcher().search("Ashdown matrix pay rises", Scope.everyone(), 20))
          .contains("managers/pay-review.txt"));
    }
  }

  private static List<String> sources(List<Hit> hits) {
    return hits.stream().map(h -> h.passage().source()).toList();
  }
}

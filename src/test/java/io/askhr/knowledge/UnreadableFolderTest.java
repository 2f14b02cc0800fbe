package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.retrieval.Hit;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.Scope;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subfolder that cannot be read (a share hiccup, changed permissions) is a problem, not a deletion. */
class UnreadableFolderTest {

  @TempDir Path temp;

  @Test
  void shouldKeepServingThePoliciesOfAFolderThatBecomesUnreadableAndReportIt() throws Exception {
    // given the fixture policies, indexed, through a folder lister that can be made to fail on "managers"
    Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    AtomicBoolean broken = new AtomicBoolean();
    KnowledgeFolder folder = KnowledgeFolder.listingWith(knowledge, 10_000_000, dir -> {
      if (broken.get() && dir.getFileName().toString().equals("managers")) {
        throw new IOException("Input/output error");
      }
      return Files.newDirectoryStream(dir);
    });
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      index.update(folder, PassageSplitter.defaults());

      // when the managers folder fails to list
      broken.set(true);
      IndexReport report = index.update(folder, PassageSplitter.defaults());

      // then it is reported, nothing is removed, and its policy still answers managers
      assertTrue(report.problems().stream().anyMatch(p -> p.source().equals("managers")
          && p.reason().startsWith("folder cannot be read")), report.problems().toString());
      assertEquals(0, report.removedFiles());
      List<Hit> hits = index.searcher().search("Harlow grid calibration panel",
          Scope.of(Set.of("managers"), Optional.empty()), 3);
      assertEquals("managers/selection-calibration.md", hits.get(0).passage().source());
    }
  }

  @Test
  void shouldStillDropAFileThatIsReallyGone() throws Exception {
    // given
    Path knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    KnowledgeFolder folder = new KnowledgeFolder(knowledge, 10_000_000);
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings())) {
      index.update(folder, PassageSplitter.defaults());

      // when
      Files.delete(knowledge.resolve("managers/selection-calibration.md"));
      IndexReport report = index.update(folder, PassageSplitter.defaults());

      // then
      assertEquals(1, report.removedFiles());
    }
  }
}

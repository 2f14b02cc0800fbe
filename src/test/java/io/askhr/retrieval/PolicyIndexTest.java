package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyIndexTest {

  @TempDir Path temp;
  Path knowledge;
  Path indexDir;
  KnowledgeFolder folder;
  final TestModels.Counting embeddings = new TestModels.Counting();

  @BeforeEach
  void setUp() {
    knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    indexDir = temp.resolve("index");
    folder = new KnowledgeFolder(knowledge, 10_000_000);
  }

  private IndexReport update(PolicyIndex index) throws Exception {
    return index.update(folder, PassageSplitter.defaults());
  }

  @Test
  void shouldEmbedNothingWhenTheFolderIsUnchanged() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      // given
      IndexReport first = update(index);
      embeddings.reset();

      // when
      IndexReport second = update(index);

      // then
      assertEquals(8, first.files());
      assertEquals(first.passages(), first.embedded());
      assertEquals(0, second.embedded());
      assertEquals(0, embeddings.embedded());
      assertEquals(0, second.changedFiles());
      assertEquals(first.passages(), second.passages());
    }
  }

  @Test
  void shouldReplaceOnlyTheChangedFilesPassages() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      // given
      int before = update(index).passages();
      embeddings.reset();
      Path severance = knowledge.resolve("reorganisation/severance.md");
      Files.writeString(severance, Files.readString(severance).replace("three weeks", "four weeks"));

      // when
      IndexReport report = update(index);

      // then: only the severance passages were embedded again, and the new text is what search finds
      assertEquals(1, report.changedFiles());
      assertEquals(embeddings.embedded(), report.embedded());
      assertTrue(report.embedded() >= 1 && report.embedded() <= 3, "embedded " + report.embedded());
      assertEquals(before, report.passages());
      List<Hit> hits = index.searcher().search("severance weeks per year of service", Scope.everyone(), 3);
      assertTrue(hits.get(0).passage().text().contains("four weeks"), hits.get(0).passage().text());
    }
  }

  @Test
  void shouldEmbedOnlyThePassagesAnEditChanged() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      // given: a policy with two sections, indexed
      update(index);
      Path volunteering = knowledge.resolve("leave/volunteering.md");
      List<Hit> before = index.searcher().search("volunteer for a registered charity", Scope.everyone(), 1);
      embeddings.reset();
      Files.writeString(volunteering,
          Files.readString(volunteering) + "\n\nVolunteering days can be taken in half days.\n");

      // when: one section (the last) is edited
      IndexReport report = update(index);

      // then: only that section is embedded again; the other keeps its vector, so it scores exactly as before
      assertEquals(1, report.changedFiles());
      assertEquals(1, report.embedded());
      assertEquals(1, embeddings.embedded());
      List<Hit> after = index.searcher().search("volunteer for a registered charity", Scope.everyone(), 1);
      assertEquals(before.get(0).passage().text(), after.get(0).passage().text());
      assertEquals(before.get(0).similarity(), after.get(0).similarity());
      List<Hit> edited = index.searcher().search("volunteering in half days", Scope.everyone(), 3);
      assertTrue(edited.stream().anyMatch(h -> h.passage().text().contains("half days")), edited.toString());
    }
  }

  @Test
  void shouldEmbedAgainWhenTheSameTextMovesUnderAnotherHeading() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      // given
      update(index);
      Path volunteering = knowledge.resolve("leave/volunteering.md");
      embeddings.reset();

      // when: a heading changes and the text under it does not (the heading is part of what is embedded)
      Files.writeString(volunteering,
          Files.readString(volunteering).replace("## Team volunteering", "## Volunteering as a team"));
      IndexReport report = update(index);

      // then
      assertEquals(1, report.embedded());
      assertEquals(1, embeddings.embedded());
    }
  }

  @Test
  void shouldReindexEveryFileWhenTheSplitterChanges() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      // given
      update(index);
      embeddings.reset();

      // when
      IndexReport report = index.update(folder, new PassageSplitter(40, 60, 10));

      // then: every file was read again and every passage embedded again
      assertEquals(8, report.changedFiles());
      assertEquals(report.passages(), report.embedded());
      assertEquals(report.embedded(), embeddings.embedded());
    }
  }

  @Test
  void shouldDropPassagesOfDeletedFiles() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      // given
      int before = update(index).passages();
      Files.delete(knowledge.resolve("leave/volunteering.md"));

      // when
      IndexReport report = update(index);

      // then
      assertEquals(1, report.removedFiles());
      assertTrue(report.passages() < before);
      assertTrue(index.searcher().search("volunteer for a charity", Scope.everyone(), 10).stream()
          .noneMatch(h -> h.passage().source().equals("leave/volunteering.md")));
    }
  }

  @Test
  void shouldReopenTheIndexAfterARestartWithoutEmbedding() throws Exception {
    // given
    int passages;
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      passages = update(index).passages();
    }
    embeddings.reset();

    // when
    try (PolicyIndex reopened = PolicyIndex.open(indexDir, embeddings)) {
      IndexReport report = update(reopened);

      // then
      assertEquals(0, report.embedded());
      assertEquals(passages, reopened.passageCount());
      assertEquals("reorganisation/severance.md",
          reopened.searcher().search("severance formula", Scope.everyone(), 1).get(0).passage().source());
    }
  }

  @Test
  void shouldRebuildACorruptIndexAndLeaveOtherFilesAlone() throws Exception {
    // given an index whose segment files were damaged (a full disk, a bad copy)
    int passages;
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      passages = update(index).passages();
    }
    try (var files = Files.list(indexDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(file, "not a segments file at all".getBytes());
      }
    }
    Files.writeString(indexDir.resolve("README.txt"), "kept");

    // when
    try (PolicyIndex rebuilt = PolicyIndex.open(indexDir, embeddings)) {
      IndexReport report = update(rebuilt);

      // then
      assertEquals(passages, report.passages());
      assertEquals(passages, report.embedded());
      assertEquals("reorganisation/severance.md",
          rebuilt.searcher().search("severance formula", Scope.everyone(), 1).get(0).passage().source());
    }
    assertEquals("kept", Files.readString(indexDir.resolve("README.txt")));
  }

  @Test
  void shouldRebuildAnIndexWithMissingSegmentFiles() throws Exception {
    // given
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      update(index);
    }
    try (var files = Files.list(indexDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
        Files.delete(file);
      }
    }

    // when
    try (PolicyIndex rebuilt = PolicyIndex.open(indexDir, embeddings)) {
      // then
      assertTrue(update(rebuilt).passages() > 0);
    }
  }

  @Test
  void shouldAnswerReadOnlyFromAnIndexThatAnotherProcessIsWriting() throws Exception {
    try (PolicyIndex serving = PolicyIndex.open(indexDir, embeddings)) {
      // given: one process holds the write lock, as `serve` does
      int passages = update(serving).passages();

      // when: a second one opens the same folder
      try (PolicyIndex second = PolicyIndex.open(indexDir, embeddings)) {
        IndexReport report = update(second);

        // then
        assertTrue(!second.writable());
        assertEquals(passages, report.passages());
        assertEquals(0, report.embedded());
        assertEquals("reorganisation/severance.md",
            second.searcher().search("severance formula", Scope.everyone(), 1).get(0).passage().source());
      }
    }
  }

  @Test
  void shouldKeepServingTheLastGoodVersionWhenAFileBreaks() throws Exception {
    try (PolicyIndex index = PolicyIndex.open(indexDir, embeddings)) {
      // given
      update(index);
      Path severance = knowledge.resolve("reorganisation/severance.md");
      Files.writeString(severance, "---\ntitle: [unclosed\neffective: soon\n---\n# Severance\nBroken.\n");

      // when
      IndexReport report = update(index);

      // then
      assertEquals(1, report.problems().size());
      assertEquals("reorganisation/severance.md", report.problems().get(0).source());
      Hit top = index.searcher().search("how is severance calculated", Scope.everyone(), 1).get(0);
      assertEquals("reorganisation/severance.md", top.passage().source());
      assertTrue(top.passage().text().contains("three weeks of base pay"));
    }
  }
}

package io.askhr.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.ProblemKnowledge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeCheckTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  @Test
  void shouldReportOneFindingPerProblem() throws Exception {
    // given
    Path dir = ProblemKnowledge.folderWithOneOfEachProblem(temp.resolve("knowledge"));
    KnowledgeCheck check = new KnowledgeCheck(new KnowledgeFolder(dir, 10_000_000), Set.of("managers", "staff"), TODAY);

    // when
    KnowledgeCheck.Result result = check.run();

    // then
    List<String> found = result.findings().stream().map(f -> f.source() + " " + f.severity() + " " + f.rule()).toList();
    assertEquals(List.of(
        "bad-yaml.md ERROR invalid-metadata",
        "corrupt.pdf ERROR unreadable",
        "holiday-copy.md WARNING near-duplicate",
        "holiday.md WARNING near-duplicate",
        "links.md ERROR broken-link",
        "no-front-matter.md WARNING missing-metadata",
        "old.md WARNING review-overdue",
        "secret.md ERROR unknown-audience",
        "wall.md WARNING no-headings"), found);
    assertEquals(11, result.files());
    assertEquals(4, result.count(Finding.Severity.ERROR));
  }

  @Test
  void shouldFindNothingWrongWithTheFixturePolicies() throws Exception {
    // given
    Path dir = FixtureKnowledge.copyTo(temp.resolve("fixtures"));
    KnowledgeCheck check = new KnowledgeCheck(new KnowledgeFolder(dir, 10_000_000), Set.of("managers"),
        Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));

    // when
    KnowledgeCheck.Result result = check.run();

    // then
    assertEquals(List.of(), result.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList());
  }
}

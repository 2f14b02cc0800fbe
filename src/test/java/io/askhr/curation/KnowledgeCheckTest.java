package io.askhr.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.testing.FixtureKnowledge;
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

  /** A folder with exactly one file per problem, and one good file. */
  static Path folderWithOneOfEachProblem(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("leave"));
    String paragraph = "Employees accrue paid holiday every month they work for the company, and unused days"
        + " carry over into the first quarter of the next year when the manager agrees in writing. ";
    Files.writeString(dir.resolve("leave/good.md"), "---\ntitle: Good\naudience: everyone\nreview_by: 2027-01-01\n"
        + "---\n# Good\n\nSee [parental leave](../parental.md#pay) and [the intranet](https://intranet.example).\n");
    Files.writeString(dir.resolve("parental.md"), "---\ntitle: Parental leave\n---\n# Pay\n\nTwenty weeks.\n");
    Files.copy(FixtureKnowledge.source().resolve("../fixtures-readers/corrupt.pdf").normalize(),
        dir.resolve("corrupt.pdf"));
    Files.writeString(dir.resolve("bad-yaml.md"), "---\ntitle: [unclosed\n---\n# Bad\n\nText.\n");
    Files.writeString(dir.resolve("no-front-matter.md"), "# Plain\n\nNo metadata here.\n");
    Files.writeString(dir.resolve("secret.md"), "---\ntitle: Secret\naudience: [board]\n---\n# Secret\n\nText.\n");
    Files.writeString(dir.resolve("old.md"), "---\ntitle: Old\nreview_by: 2025-12-31\n---\n# Old\n\nText.\n");
    Files.writeString(dir.resolve("holiday.md"), "---\ntitle: Holiday\n---\n# Holiday\n\n" + paragraph.repeat(3)
        + "Ask your manager.\n");
    Files.writeString(dir.resolve("holiday-copy.md"), "---\ntitle: Holiday (copy)\n---\n# Holiday\n\n"
        + paragraph.repeat(3) + "Ask your line manager.\n");
    Files.writeString(dir.resolve("wall.md"), "---\ntitle: Wall of text\n---\n" + "word ".repeat(450) + "\n");
    Files.writeString(dir.resolve("links.md"), "---\ntitle: Links\n---\n# Links\n\nSee [expenses](expenses.md)."
        + " Code `[x](not-a-link.md)` is fine.\n");
    return dir;
  }

  @Test
  void shouldReportOneFindingPerProblem() throws Exception {
    // given
    Path dir = folderWithOneOfEachProblem(temp.resolve("knowledge"));
    KnowledgeCheck check = new KnowledgeCheck(new KnowledgeFolder(dir, 10_000_000), Set.of("managers"), TODAY);

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

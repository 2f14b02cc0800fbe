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

  @Test
  void shouldReportADocumentUrlThatIsNotAWebAddressAsAnError() throws Exception {
    // given: the url becomes the link on every answer that cites the document
    Path dir = Files.createDirectories(temp.resolve("urls"));
    for (String url : List.of("https://intranet.example/leave", "javascript:alert(document.cookie)",
        "intranet/leave", "https://intranet.example/a>b|c", "data:text/html,hi")) {
      String name = "doc" + Math.abs(url.hashCode()) + ".md";
      Files.writeString(dir.resolve(name), "---\ntitle: Leave\nurl: \"" + url + "\"\neffective: 2026-01-01\n"
          + "review_by: 2027-01-01\n---\n# Leave\n\nFull-time employees receive 27 days of annual leave.\n");
    }
    KnowledgeCheck check = new KnowledgeCheck(new KnowledgeFolder(dir, 10_000_000), Set.of(), TODAY);

    // when
    KnowledgeCheck.Result result = check.run();

    // then
    List<Finding> invalid = result.findings().stream().filter(f -> f.rule().equals("invalid-url")).toList();
    assertEquals(4, invalid.size(), result.findings().toString());
    invalid.forEach(f -> assertEquals(Finding.Severity.ERROR, f.severity()));
    assertEquals(0, invalid.stream().filter(f -> f.message().contains("'https://intranet.example/leave'")).count());
  }

  @Test
  void shouldReportMetadataMistakesAndUnknownCountriesAsErrors() throws Exception {
    // given a misspelt key, a blank line before the front matter, and country codes (NO is Norway, UK is not ISO)
    Path dir = Files.createDirectories(temp.resolve("mistakes"));
    Files.writeString(dir.resolve("a-typo.md"), "---\ntitle: Bonus\naudiences: managers\n---\n# Bonus\nText.\n");
    Files.writeString(dir.resolve("b-blank.md"), "\n---\ntitle: Bonus\naudience: managers\n---\n# Bonus\nText.\n");
    Files.writeString(dir.resolve("c-countries.md"),
        "---\ntitle: Leave\naudience: everyone\ncountries: [NO, UK]\n---\n# Leave\nText.\n");
    KnowledgeCheck check = new KnowledgeCheck(new KnowledgeFolder(dir, 10_000_000), Set.of("managers"), TODAY);

    // when
    KnowledgeCheck.Result result = check.run();

    // then
    List<String> errors = result.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR)
        .map(f -> f.source() + " " + f.rule() + ": " + f.message()).toList();
    assertEquals(List.of(
        "a-typo.md invalid-metadata: front matter: unknown key 'audiences': did you mean 'audience'?",
        "b-blank.md invalid-metadata: front matter must start on line 1 with exactly --- (found '---' on line 2)",
        "c-countries.md unknown-country: 'UK' is not an ISO 3166 country code (such as GB, DE, US, NO): nobody in that"
            + " country would see this document"), errors);
  }
}

package io.askhr.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.answers.ApprovedAnswerFolder;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.testing.FixtureKnowledge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovedAnswerCheckTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  /** An answer file; {@code questions} and {@code sources} are separated by "|". */
  private static String answer(String questions, String audience, String reviewBy, String sources) {
    return "---\nquestions:\n" + items(questions) + "owner: People Policy team\neffective: 2026-03-01\nreview_by: "
        + reviewBy + "\n" + (audience.isEmpty() ? "" : "audience: " + audience + "\n") + "sources:\n" + items(sources)
        + "---\nThe answer text.\n";
  }

  private static String items(String list) {
    StringBuilder yaml = new StringBuilder();
    for (String item : list.split("\\|")) {
      yaml.append("  - ").append(item).append('\n');
    }
    return yaml.toString();
  }

  @Test
  void shouldReportEachProblemOfApprovedAnswersAsAnError() throws Exception {
    // given
    Path dir = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    Path answers = Files.createDirectories(dir.resolve("answers"));
    Files.writeString(answers.resolve("good.md"), answer("How is severance calculated?", "everyone", "2027-03-01",
        "reorganisation/severance.md"));
    Files.writeString(answers.resolve("missing-source.md"), answer("What is gardening leave?", "everyone",
        "2027-03-01", "reorganisation/garden-leave.md"));
    Files.writeString(answers.resolve("expired.md"), answer("How long is bereavement leave?", "everyone",
        "2026-05-31", "leave/bereavement.md"));
    Files.writeString(answers.resolve("dup-a.md"), answer("Can I carry over annual leave?", "everyone",
        "2027-03-01", "leave/annual-leave.md"));
    Files.writeString(answers.resolve("dup-b.md"), answer("can I carry over annual leave|Other?", "everyone",
        "2027-03-01", "leave/annual-leave.md"));
    Files.writeString(answers.resolve("narrow-source.md"), answer("How are scores calibrated?", "everyone",
        "2027-03-01", "managers/selection-calibration.md"));
    Files.writeString(answers.resolve("no-audience.md"), answer("Who can volunteer?", "", "2027-03-01",
        "leave/volunteering.md"));
    Files.writeString(answers.resolve("bad-yaml.md"), "---\nquestions: [unclosed\n---\nText.\n");
    Files.writeString(answers.resolve("bad-quote.md"), answer("Who decides on garden leave?", "everyone",
        "2027-03-01", "reorganisation/severance.md").replace("owner:", "quote_policy: sometimes\nowner:"));
    // a managers-only answer whose audience is named twice must not become everyone's (the later key won before)
    Files.writeString(answers.resolve("twice.md"), answer("How are scores calibrated for managers?", "managers",
        "2027-03-01", "leave/annual-leave.md")
        .replace("audience: managers\n", "audience: managers\naudience: everyone\n"));
    Files.writeString(answers.resolve("unknown-audience.md"), answer("When is the pay review?", "directors",
        "2027-03-01", "pay-review.md"));
    KnowledgeCheck check = new KnowledgeCheck(new KnowledgeFolder(dir, 10_000_000), Set.of("managers"), TODAY);

    // when
    KnowledgeCheck.Result result = check.run();

    // then
    List<String> found = result.findings().stream().filter(f -> f.source().startsWith("answers/"))
        .map(f -> f.source() + " " + f.severity() + " " + f.rule()).toList();
    assertEquals(List.of(
        "answers/bad-quote.md ERROR invalid-answer",
        "answers/bad-yaml.md ERROR invalid-answer",
        "answers/dup-a.md ERROR answer-duplicate-question",
        "answers/dup-b.md ERROR answer-duplicate-question",
        "answers/expired.md ERROR answer-review-expired",
        "answers/missing-source.md ERROR answer-source-missing",
        "answers/narrow-source.md ERROR answer-source-audience",
        "answers/no-audience.md ERROR invalid-answer",
        "answers/twice.md ERROR invalid-answer",
        "answers/unknown-audience.md ERROR unknown-audience"), found, result.findings().toString());
  }

  @Test
  void shouldGiveOnlyTheAnswersWithoutProblems() throws Exception {
    // given
    Path dir = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    Path answers = Files.createDirectories(dir.resolve("answers"));
    Files.writeString(answers.resolve("good.md"), answer("How is severance calculated?|What is the formula?",
        "Everyone, Managers", "2027-03-01", "reorganisation/severance.md"));
    Files.writeString(answers.resolve("missing-source.md"), answer("What is gardening leave?", "everyone",
        "2027-03-01", "answers/good.md"));

    // when
    ApprovedAnswerFolder.Loaded loaded = new ApprovedAnswerFolder(new KnowledgeFolder(dir, 10_000_000))
        .read(LocalDate.of(2026, 6, 1));

    // then
    assertEquals(2, loaded.files());
    assertEquals(List.of("answers/good.md"), loaded.usable().stream().map(a -> a.file()).toList());
    assertEquals(Set.of("everyone", "managers"), loaded.usable().get(0).audience());
    assertEquals(List.of("How is severance calculated?", "What is the formula?"), loaded.usable().get(0).questions());
    assertEquals("The answer text.", loaded.usable().get(0).text());
    assertTrue(loaded.problems().get(0).message().contains("answers/good.md"), loaded.problems().toString());
  }
}

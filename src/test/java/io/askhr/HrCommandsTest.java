package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.config.Settings;
import io.askhr.insight.InsightSeed;
import io.askhr.insight.InsightStores;
import io.askhr.insight.JdbcInsightStore;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.ProblemKnowledge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code askhr check} and {@code askhr report} from the command line. */
class HrCommandsTest {

  @TempDir Path temp;

  private static CliRun run(Map<String, String> environment, String... args) {
    return CliRun.of(environment, args);
  }

  @Test
  void shouldExitWithOneAndListTheProblemsWhenTheFolderHasErrors() throws Exception {
    // given
    Path dir = ProblemKnowledge.folderWithOneOfEachProblem(temp.resolve("knowledge"));
    Path audiences = Files.writeString(temp.resolve("audiences.yml"), "audiences:\n  managers:\n    slack: [S1]\n");
    Map<String, String> env = Map.of("AUDIENCES_FILE", audiences.toString());

    // when
    CliRun human = run(env, "check", "--knowledge", dir.toString());
    CliRun json = run(env, "check", "--knowledge", dir.toString(), "--json");

    // then
    assertEquals(1, human.status(), human.err());
    assertTrue(human.out().contains("links.md\n  ERROR   broken-link: links to 'expenses.md'"), human.out());
    assertTrue(human.out().contains("4 errors, "), human.out());
    assertEquals(1, json.status());
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertEquals(4, report.get("errors").asInt());
    assertEquals(11, report.get("files").asInt());
    assertEquals("ERROR", report.get("findings").get(0).get("severity").asText());
    assertEquals("bad-yaml.md", report.get("findings").get(0).get("source").asText());
  }

  @Test
  void shouldExitWithZeroWhenTheFolderHasNoErrors() throws Exception {
    // given
    Path audiences = Files.writeString(temp.resolve("audiences.yml"), "audiences:\n  managers:\n    slack: [S1]\n");

    // when
    CliRun run = run(Map.of("AUDIENCES_FILE", audiences.toString()), "check", "--knowledge",
        FixtureKnowledge.source().toString());

    // then
    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(run.out().contains("0 errors"), run.out());
  }

  @Test
  void shouldOnlyWarnAboutAudiencesWithoutAnAudienceMap() {
    // when
    CliRun run = run(Map.of(), "check", "--knowledge", FixtureKnowledge.source().toString());

    // then
    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(run.out().contains("WARNING unknown-audience: audience 'managers' cannot be checked"), run.out());
  }

  @Test
  void shouldExitWithTwoWhenTheFolderIsMissing() {
    // when
    CliRun run = run(Map.of(), "check", "--knowledge", temp.resolve("nowhere").toString());

    // then
    assertEquals(AskHr.USAGE_ERROR, run.status());
    assertTrue(run.err().contains("nowhere"), run.err());
  }

  @Test
  void shouldPrintTheInsightAsMarkdown() {
    // given: the seeded month in the SQLite store of the data folder
    Map<String, String> env = Map.of("DATA_DIR", temp.resolve("data").toString());
    Settings settings = Settings.fromEnvironment(env, Optional.of(FixtureKnowledge.source()), Optional.empty());
    Instant now = LocalDate.now(ZoneOffset.UTC).atTime(15, 0).toInstant(ZoneOffset.UTC);
    try (JdbcInsightStore store = InsightStores.open(settings.insight(), settings.dataDir())) {
      InsightSeed.seed(store, now.isAfter(Instant.now()) ? now.minusSeconds(86_400) : now);
    }

    // when
    CliRun run = run(env, "report", "--since", "30d", "--knowledge", FixtureKnowledge.source().toString());

    // then
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("# AskHR insight, "), run.out());
    assertTrue(run.out().contains("- **6** questions from 4 employees"), run.out());
    assertTrue(run.out().contains("- **4** answered (67%), **2** not covered by any policy"), run.out());
    assertTrue(run.out().contains("- Escalations to HR: 1 resolved, 1 still open"), run.out());
    assertTrue(run.out().contains(
        "## Knowledge gaps\n\n| questions | not covered | hedged | not helpful | escalated | examples |"),
        run.out());
    assertTrue(run.out().contains("| 3 | 2 | 0 | 1 | 1 |"), run.out());
    assertTrue(run.out().contains("| leave/annual-leave.md | Annual leave | 2 |"), run.out());
  }

  @Test
  void shouldRefuseAnUnreadablePeriod() {
    // when
    CliRun run = run(Map.of("DATA_DIR", temp.toString()), "report", "--since", "last month");

    // then
    assertEquals(AskHr.USAGE_ERROR, run.status());
    assertTrue(run.err().contains("--since must be a number of days"), run.err());
  }
}

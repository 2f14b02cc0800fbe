package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.IngestProblem;
import io.askhr.knowledge.KnowledgeCatalog;
import io.askhr.testing.TestModels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsTest {

  @TempDir Path dir;

  static final KnowledgeCatalog.Snapshot DOCUMENTS = new KnowledgeCatalog.Snapshot(List.of(
      new KnowledgeCatalog.Entry("leave/annual-leave.md", "Annual leave", Optional.of(LocalDate.of(2027, 1, 1))),
      new KnowledgeCatalog.Entry("leave/sickness.md", "Sickness", Optional.of(LocalDate.of(2026, 2, 1))),
      new KnowledgeCatalog.Entry("leave/bereavement.md", "Bereavement", Optional.empty())),
      List.of(new IngestProblem("broken.pdf", "no extractable text (scanned PDF?)")));

  @Test
  void shouldSummariseActivityGapsAndDocuments() {
    // given
    try (JdbcInsightStore store = JdbcInsightStore.open("jdbc:sqlite:" + dir.resolve("i.db"), "salt")) {
      InsightSeed.seed(store);
      Insights insights = new Insights(store, TestModels.local(), () -> DOCUMENTS,
          Clock.fixed(InsightSeed.NOW, ZoneOffset.UTC));

      // when
      InsightReport report = insights.report(30);

      // then
      assertEquals(new InsightReport.Totals(6, 4, 2, 2, 2, 1, 1, 4), report.totals());
      assertEquals(30, report.days().size());
      InsightReport.Day today = report.days().get(29);
      assertEquals(new InsightReport.Day(LocalDate.of(2026, 3, 10), 3, 2, 1, 0, 2, 2, 1), today);
      assertEquals(new InsightReport.Day(LocalDate.of(2026, 3, 9), 3, 2, 1, 2, 0, 0, 0), report.days().get(28));
      assertEquals(List.of(3, 1), report.gaps().stream().map(InsightReport.Gap::count).toList());
      InsightReport.Gap parking = report.gaps().get(0);
      assertTrue(parking.examples().contains("Can I park my car at the office?"), parking.examples().toString());
      assertEquals(2, parking.notCovered());
      assertEquals(1, parking.unhelpful());
      assertEquals(1, parking.escalated());
      assertEquals(new InsightReport.DocumentUse("leave/annual-leave.md", "Annual leave", 2),
          report.mostCited().get(0));
      assertEquals(List.of("leave/bereavement.md"), report.neverCited());
      assertEquals(List.of(new InsightReport.StaleDocument("leave/sickness.md", "Sickness", LocalDate.of(2026, 2, 1))),
          report.stale());
      assertEquals(1, report.ingestErrors().size());
      assertEquals(6, report.tables().size());
    }
  }
}

package io.askhr.insight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The insight report as Markdown, for HR who prefer it in an e-mail. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(InsightReport report) {
    InsightReport.Totals t = report.totals();
    StringBuilder md = new StringBuilder();
    LocalDate from = LocalDate.ofInstant(report.since(), ZoneOffset.UTC);
    LocalDate to = LocalDate.ofInstant(report.until(), ZoneOffset.UTC);
    md.append("# AskHR insight, ").append(from).append(" to ").append(to).append("\n\n");
    md.append("- **").append(t.asked()).append("** questions from ").append(t.askers()).append(" employees\n");
    md.append("- **").append(t.answered()).append("** answered (").append(percent(t.answered(), t.asked()))
        .append("), **").append(t.notCovered()).append("** not covered by any policy\n");
    md.append("- Feedback: ").append(t.helpful()).append(" 👍, ").append(t.unhelpful()).append(" 👎 (")
        .append(percent(t.helpful(), t.helpful() + t.unhelpful())).append(" helpful)\n");
    md.append("- Escalations to HR: ").append(t.escalationsResolved()).append(" resolved, ")
        .append(t.escalationsOpen()).append(" still open\n\n");

    Map<String, InsightReport.Table> tables = report.tables();
    InsightReport.Table daily = tables.get("daily");
    List<List<String>> activeDays = daily.rows().stream()
        .filter(row -> row.subList(1, row.size()).stream().anyMatch(cell -> !cell.equals("0"))).toList();
    section(md, new InsightReport.Table(daily.name(), daily.title() + " (days with activity)", daily.headers(),
        activeDays), "No questions in this period.");
    section(md, tables.get("gaps"), "No unanswered, unhelpful or escalated questions.");
    section(md, tables.get("most-cited"), "No document was cited.");
    section(md, tables.get("never-cited"), "Every document was cited at least once.");
    section(md, tables.get("stale"), "No document is past its review date.");
    section(md, tables.get("ingest-errors"), "Every file can be read.");
    return md.toString();
  }

  private static void section(StringBuilder md, InsightReport.Table table, String whenEmpty) {
    md.append("## ").append(table.title()).append("\n\n");
    if (table.rows().isEmpty()) {
      md.append(whenEmpty).append("\n\n");
      return;
    }
    row(md, table.headers());
    md.append("|").append("---|".repeat(table.headers().size())).append('\n');
    table.rows().forEach(row -> row(md, row));
    md.append('\n');
  }

  private static void row(StringBuilder md, List<String> cells) {
    md.append("|");
    cells.forEach(cell -> md.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |"));
    md.append('\n');
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "–" : Math.round(100.0 * part / whole) + "%";
  }
}

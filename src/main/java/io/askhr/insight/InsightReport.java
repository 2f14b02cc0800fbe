package io.askhr.insight;

import io.askhr.knowledge.IngestProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What HR sees on the dashboard and in {@code askhr report}: activity per day, knowledge gaps and the state of the
 * documents, over one period.
 *
 * @param days every day of the period, oldest first, including quiet days
 * @param gaps questions the policies did not answer well, grouped by similarity, largest group first
 */
public record InsightReport(
    Instant since,
    Instant until,
    Totals totals,
    List<Day> days,
    List<Gap> gaps,
    List<DocumentUse> mostCited,
    List<String> neverCited,
    List<StaleDocument> stale,
    List<IngestProblem> ingestErrors) {

  public InsightReport {
    days = List.copyOf(days);
    gaps = List.copyOf(gaps);
    mostCited = List.copyOf(mostCited);
    neverCited = List.copyOf(neverCited);
    stale = List.copyOf(stale);
    ingestErrors = List.copyOf(ingestErrors);
  }

  /**
   * The period's figures.
   *
   * @param escalationsOpen escalations still waiting for HR, whenever they were opened
   * @param askers distinct (pseudonymous) employees who asked
   */
  public record Totals(int asked, int answered, int notCovered, int helpful, int unhelpful, int escalationsOpen,
      int escalationsResolved, int askers) {}

  /** One day's activity (UTC). */
  public record Day(LocalDate date, int asked, int answered, int notCovered, int helpful, int unhelpful,
      int escalationsOpened, int escalationsResolved) {}

  /**
   * A group of similar questions the policies did not answer well.
   *
   * @param notCovered how many got the "not covered" reply
   * @param hedged how many were answered with low confidence (the answer rule's hedge)
   * @param unhelpful how many got a 👎
   * @param escalated how many were handed to HR
   */
  public record Gap(int count, int notCovered, int hedged, int unhelpful, int escalated, List<String> examples) {

    public Gap {
      examples = List.copyOf(examples);
    }
  }

  /** How often a document was cited. */
  public record DocumentUse(String source, String title, int citations) {}

  /** A document whose {@code review_by} date has passed. */
  public record StaleDocument(String source, String title, LocalDate reviewBy) {}

  /** A table for CSV export and Markdown. */
  public record Table(String name, String title, List<String> headers, List<List<String>> rows) {

    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** Each section as a table, by export name. */
  public Map<String, Table> tables() {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("daily", new Table("daily", "Questions per day",
        List.of("date", "asked", "answered", "not covered", "helpful", "not helpful", "escalations opened",
            "escalations resolved"),
        days.stream().map(d -> List.of(d.date().toString(), n(d.asked()), n(d.answered()), n(d.notCovered()),
            n(d.helpful()), n(d.unhelpful()), n(d.escalationsOpened()), n(d.escalationsResolved()))).toList()));
    tables.put("gaps", new Table("gaps", "Knowledge gaps",
        List.of("questions", "not covered", "hedged", "not helpful", "escalated", "examples"),
        gaps.stream().map(g -> List.of(n(g.count()), n(g.notCovered()), n(g.hedged()), n(g.unhelpful()),
            n(g.escalated()),
            String.join(" | ", g.examples()))).toList()));
    tables.put("most-cited", new Table("most-cited", "Most cited documents", List.of("document", "title", "citations"),
        mostCited.stream().map(d -> List.of(d.source(), d.title(), n(d.citations()))).toList()));
    List<List<String>> never = new ArrayList<>();
    neverCited.forEach(source -> never.add(List.of(source)));
    tables.put("never-cited", new Table("never-cited", "Documents never cited", List.of("document"), never));
    tables.put("stale", new Table("stale", "Documents past their review date",
        List.of("document", "title", "review by"),
        stale.stream().map(d -> List.of(d.source(), d.title(), d.reviewBy().toString())).toList()));
    tables.put("ingest-errors", new Table("ingest-errors", "Files that cannot be read", List.of("document", "problem"),
        ingestErrors.stream().map(p -> List.of(p.source(), p.reason())).toList()));
    return tables;
  }

  private static String n(int value) {
    return Integer.toString(value);
  }
}

package io.askhr.insight;

import io.askhr.knowledge.KnowledgeCatalog;
import io.askhr.question.Reply;
import io.askhr.retrieval.PolicyEmbedder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Computes the {@link InsightReport} HR reads, from the insight store and the knowledge folder. */
public final class Insights {

  /** The gap clustering embeds the most recent questions only, so a busy month stays quick to load. */
  static final int MAX_GAP_QUESTIONS = 1000;
  static final int MOST_CITED = 10;

  private final InsightQueries store;
  private final GapClusters clusters;
  private final Supplier<KnowledgeCatalog.Snapshot> knowledge;
  private final Clock clock;

  public Insights(InsightQueries store, PolicyEmbedder embeddings, Supplier<KnowledgeCatalog.Snapshot> knowledge,
      Clock clock) {
    this.store = store;
    this.clusters = new GapClusters(embeddings);
    this.knowledge = knowledge;
    this.clock = clock;
  }

  /** The report over the last {@code days} days, today (UTC) included. */
  public InsightReport report(int days) {
    Instant until = clock.instant();
    LocalDate today = LocalDate.ofInstant(until, ZoneOffset.UTC);
    LocalDate first = today.minusDays(Math.max(1, days) - 1L);
    Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();

    // Usage hints and refusals (rate limit, overload) are not answers; adapters do not record them, older rows may.
    List<AnsweredQuestion> answers = store.answers(since).stream().filter(a -> !a.flags().contains(
        Reply.Flag.USAGE_HINT) && !a.flags().contains(Reply.Flag.REFUSED)).toList();
    List<Feedback> feedback = store.feedback(since);
    List<Escalation> escalations = store.escalations(since);
    KnowledgeCatalog.Snapshot documents = knowledge.get();

    Map<LocalDate, int[]> perDay = new TreeMap<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      perDay.put(d, new int[7]);
    }
    for (AnsweredQuestion a : answers) {
      int[] day = perDay.get(day(a.at()));
      if (day != null) {
        day[0]++;
        day[a.flags().contains(Reply.Flag.NOT_COVERED) ? 2 : 1]++;
      }
    }
    feedback.forEach(f -> bump(perDay, f.at(), f.helpful() ? 3 : 4));
    for (Escalation e : escalations) {
      if (!e.openedAt().isBefore(since)) {
        bump(perDay, e.openedAt(), 5);
      }
      e.resolvedAt().filter(at -> !at.isBefore(since)).ifPresent(at -> bump(perDay, at, 6));
    }
    List<InsightReport.Day> dayRows = new ArrayList<>();
    perDay.forEach((date, c) -> dayRows.add(new InsightReport.Day(date, c[0], c[1], c[2], c[3], c[4], c[5], c[6])));

    int helpful = (int) feedback.stream().filter(Feedback::helpful).count();
    int notCovered = (int) answers.stream().filter(a -> a.flags().contains(Reply.Flag.NOT_COVERED)).count();
    InsightReport.Totals totals = new InsightReport.Totals(answers.size(), answers.size() - notCovered, notCovered,
        helpful, feedback.size() - helpful,
        (int) escalations.stream().filter(e -> e.status() == Escalation.Status.OPEN).count(),
        (int) escalations.stream().filter(e -> e.resolvedAt().filter(at -> !at.isBefore(since)).isPresent()).count(),
        (int) answers.stream().map(AnsweredQuestion::askerId).distinct().count());

    Map<String, String> titles = new HashMap<>();
    documents.documents().forEach(d -> titles.put(d.source(), d.title()));
    Map<String, Integer> citations = new HashMap<>();
    answers.forEach(a -> new HashSet<>(a.citedSources()).forEach(s -> citations.merge(s, 1, Integer::sum)));
    List<InsightReport.DocumentUse> mostCited = citations.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MOST_CITED)
        .map(e -> new InsightReport.DocumentUse(e.getKey(), titles.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
        .toList();
    List<String> neverCited = documents.documents().stream().map(KnowledgeCatalog.Entry::source)
        .filter(s -> !citations.containsKey(s)).toList();
    List<InsightReport.StaleDocument> stale = documents.documents().stream()
        .filter(d -> d.reviewBy().isPresent() && d.reviewBy().get().isBefore(today))
        .map(d -> new InsightReport.StaleDocument(d.source(), d.title(), d.reviewBy().get()))
        .sorted(Comparator.comparing(InsightReport.StaleDocument::reviewBy)).toList();

    return new InsightReport(since, until, totals, dayRows, clusters.cluster(gapQuestions(answers, feedback,
        escalations, since)), mostCited, neverCited, stale, documents.problems());
  }

  /** Not covered, hedged (low confidence), 👎 or escalated questions, one entry per answer, most recent last. */
  private static List<GapClusters.GapQuestion> gapQuestions(List<AnsweredQuestion> answers, List<Feedback> feedback,
      List<Escalation> escalations, Instant since) {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Set<GapClusters.Reason>> reasons = new HashMap<>();
    Map<String, String> questionOf = new HashMap<>();
    answers.forEach(a -> questionOf.put(a.id(), a.question()));
    for (AnsweredQuestion a : answers) {
      if (a.flags().contains(Reply.Flag.NOT_COVERED)) {
        add(texts, reasons, a.id(), a.question(), GapClusters.Reason.NOT_COVERED);
      } else if (a.flags().contains(Reply.Flag.HEDGED)) {
        add(texts, reasons, a.id(), a.question(), GapClusters.Reason.HEDGED);
      }
    }
    for (Feedback f : feedback) {
      if (!f.helpful() && questionOf.containsKey(f.answerId())) {
        add(texts, reasons, f.answerId(), questionOf.get(f.answerId()), GapClusters.Reason.UNHELPFUL);
      }
    }
    for (Escalation e : escalations) {
      if (!e.openedAt().isBefore(since)) {
        add(texts, reasons, e.answerId(), e.question(), GapClusters.Reason.ESCALATED);
      }
    }
    List<GapClusters.GapQuestion> questions = new ArrayList<>();
    texts.forEach((id, text) -> {
      if (!text.isBlank()) {
        questions.add(new GapClusters.GapQuestion(text, reasons.get(id)));
      }
    });
    return questions.size() <= MAX_GAP_QUESTIONS ? questions
        : questions.subList(questions.size() - MAX_GAP_QUESTIONS, questions.size());
  }

  private static void add(Map<String, String> texts, Map<String, Set<GapClusters.Reason>> reasons, String id,
      String text, GapClusters.Reason reason) {
    texts.putIfAbsent(id, text);
    reasons.computeIfAbsent(id, k -> EnumSet.noneOf(GapClusters.Reason.class)).add(reason);
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  private static void bump(Map<LocalDate, int[]> perDay, Instant at, int column) {
    int[] day = perDay.get(day(at));
    if (day != null) {
      day[column]++;
    }
  }
}

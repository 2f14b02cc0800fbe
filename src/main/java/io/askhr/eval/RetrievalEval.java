package io.askhr.eval;

import io.askhr.retrieval.Hit;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.retrieval.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs a gold set through the searcher and computes hit@k, MRR@10, "not covered" counts and search latency. */
public final class RetrievalEval {

  /** Queries run once before timing, so that class loading and JIT do not count as search latency. */
  private static final int WARM_UP = 5;

  private final PolicySearcher searcher;
  private final double minSimilarity;
  private final double confidentSimilarity;

  /** @param minSimilarity and {@code confidentSimilarity}: the answer flow's thresholds, to count their outcomes */
  public RetrievalEval(PolicySearcher searcher, double minSimilarity, double confidentSimilarity) {
    this.searcher = searcher;
    this.minSimilarity = minSimilarity;
    this.confidentSimilarity = confidentSimilarity;
  }

  /** One question's outcome: the rank of the first correct hit (0 when none in the top k) and the best similarity. */
  public record Outcome(GoldQuestion question, int firstCorrectRank, double bestSimilarity, long nanos,
      List<String> top) {

    public Outcome {
      top = List.copyOf(top);
    }
  }

  /** Searches each question {@code k} deep (at least 10, for MRR@10) and reports; {@code each} sees every outcome. */
  public EvalReport run(List<GoldQuestion> gold, int k, Consumer<Outcome> each) {
    return report(outcomes(gold, k, each), minSimilarity, confidentSimilarity);
  }

  /** As {@link #run}, reported for the dev half, the held-out half and the whole set. */
  public SplitReport runSplit(List<GoldQuestion> gold, int k, Consumer<Outcome> each) {
    List<Outcome> outcomes = outcomes(gold, k, each);
    return new SplitReport(
        report(outcomes.stream().filter(o -> o.question().split() == Split.DEV).toList(), minSimilarity,
            confidentSimilarity),
        report(outcomes.stream().filter(o -> o.question().split() == Split.HELDOUT).toList(), minSimilarity,
            confidentSimilarity),
        report(outcomes, minSimilarity, confidentSimilarity));
  }

  private List<Outcome> outcomes(List<GoldQuestion> gold, int k, Consumer<Outcome> each) {
    for (int i = 0; i < Math.min(WARM_UP, gold.size()); i++) {
      searcher.search(gold.get(i).question(), Scope.everyone(), k);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (GoldQuestion q : gold) {
      long start = System.nanoTime();
      List<Hit> hits = searcher.search(q.question(), Scope.everyone(), Math.max(k, 10));
      long nanos = System.nanoTime() - start;
      double best = hits.stream().mapToDouble(Hit::similarity).max().orElse(0);
      List<String> top = hits.stream().limit(3)
          .map(h -> h.passage().source() + (h.passage().page() > 0 ? "#page=" + h.passage().page() : "")).toList();
      Outcome outcome = new Outcome(q, firstCorrectRank(q, hits), best, nanos, top);
      outcomes.add(outcome);
      each.accept(outcome);
    }
    return outcomes;
  }

  static int firstCorrectRank(GoldQuestion q, List<Hit> hits) {
    for (int i = 0; i < hits.size(); i++) {
      Hit hit = hits.get(i);
      if (q.sources().stream().anyMatch(s -> s.matches(hit.passage().source(), hit.passage().page()))) {
        return i + 1;
      }
    }
    return 0;
  }

  static EvalReport report(List<Outcome> outcomes, double minSimilarity, double confidentSimilarity) {
    int answerable = 0;
    int at1 = 0;
    int at5 = 0;
    int at10 = 0;
    double reciprocal = 0;
    int answerableNotCovered = 0;
    int unanswerable = 0;
    int unanswerableNotCovered = 0;
    int answerableHedged = 0;
    int unanswerableHedged = 0;
    List<Long> times = new ArrayList<>();
    for (Outcome o : outcomes) {
      times.add(o.nanos());
      boolean notCovered = o.bestSimilarity() < minSimilarity;
      boolean hedged = !notCovered && o.bestSimilarity() < confidentSimilarity;
      if (o.question().sources().isEmpty()) {
        unanswerable++;
        unanswerableNotCovered += notCovered ? 1 : 0;
        unanswerableHedged += hedged ? 1 : 0;
        continue;
      }
      answerable++;
      answerableNotCovered += notCovered ? 1 : 0;
      answerableHedged += hedged ? 1 : 0;
      int rank = o.firstCorrectRank();
      if (rank > 0) {
        at1 += rank == 1 ? 1 : 0;
        at5 += rank <= 5 ? 1 : 0;
        at10 += rank <= 10 ? 1 : 0;
        reciprocal += rank <= 10 ? 1.0 / rank : 0;
      }
    }
    times.sort(Long::compare);
    return new EvalReport(answerable, share(at1, answerable), share(at5, answerable), share(at10, answerable),
        share(reciprocal, answerable), answerableNotCovered, unanswerable, unanswerableNotCovered, answerableHedged,
        unanswerableHedged,
        percentile(times, 0.50), percentile(times, 0.95));
  }

  private static double share(double count, int total) {
    return total == 0 ? 0 : count / total;
  }

  /** Nearest-rank percentile, in milliseconds. */
  static double percentile(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, index)) / 1_000_000.0;
  }
}

package io.askhr.question;

import io.askhr.retrieval.Hit;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.retrieval.Scope;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches a question written in another language twice, as the model's English rewrite and as written, and fuses
 * the two rankings by reciprocal rank. The rewrite finds our English policies; the original finds a policy written in
 * the employee's language and terms the rewrite lost. See docs/languages.md for the measurements.
 */
public final class BilingualSearch {

  /** The usual reciprocal-rank damping for short lists: rank 1 weighs 1/10, rank 10 about half of that. */
  private static final int RANK_DAMPING = 10;
  /** The rewrite matches English policies far better than the original, so the original counts half. */
  private static final double ORIGINAL_WEIGHT = 0.5;

  private BilingualSearch() {}

  /** The {@code k} best passages for the English {@code rewrite} and the question {@code asWritten}, fused. */
  public static List<Hit> search(PolicySearcher searcher, String rewrite, String asWritten, Scope scope, int k) {
    int depth = 2 * k;
    List<Hit> english = searcher.search(rewrite, scope, depth);
    List<Hit> original = searcher.search(asWritten, scope, depth);
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Hit> hits = new LinkedHashMap<>();
    add(english, 1.0, scores, hits);
    add(original, ORIGINAL_WEIGHT, scores, hits);
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(k)
        .map(e -> hits.get(e.getKey()))
        .toList();
  }

  private static void add(List<Hit> ranking, double weight, Map<String, Double> scores, Map<String, Hit> hits) {
    for (int i = 0; i < ranking.size(); i++) {
      Hit hit = ranking.get(i);
      scores.merge(hit.passage().id(), weight / (RANK_DAMPING + i), Double::sum);
      // The English search's hit comes first, so its similarity is the one the "not covered" rule sees.
      hits.putIfAbsent(hit.passage().id(), hit);
    }
  }
}

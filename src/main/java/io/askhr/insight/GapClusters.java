package io.askhr.insight;

import io.askhr.retrieval.PolicyEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Groups questions by meaning: greedy clustering on embedding cosine similarity. */
final class GapClusters {

  /** Why a question counts as a gap. */
  enum Reason { NOT_COVERED, HEDGED, UNHELPFUL, ESCALATED }

  /** A question and why it is a gap. */
  record GapQuestion(String text, Set<Reason> reasons) {}

  /**
   * Cosine similarity (e5-small, "query: " on both sides) from which a question joins a group (its closest member
   * counts). With e5 every HR question is 0.72-0.95 similar to every other. On the dashboard fixtures a parking
   * question's closest other parking question scores 0.90-0.93 (the hedged "Do we pay for staff parking: yes or
   * no?" 0.898), other topics (parking, gym, sick pay) 0.79-0.85: 0.88 sits between. Over the dev half of
   * approved_questions.jsonl with the approved answers' phrasings, pairs about different (closely related) answers
   * score 0.85 or less in nine cases of ten.
   */
  static final double SAME_TOPIC = 0.88;
  /** Examples shown per group. */
  static final int EXAMPLES = 3;

  private final PolicyEmbedder embeddings;

  /** @param embeddings the bundled local model; questions are compared with questions, all embedded as queries */
  GapClusters(PolicyEmbedder embeddings) {
    this.embeddings = embeddings;
  }

  private static final class Cluster {
    final List<float[]> vectors = new ArrayList<>();
    final List<GapQuestion> members = new ArrayList<>();

    double similarity(float[] vector) {
      return vectors.stream().mapToDouble(v -> cosine(v, vector)).max().orElse(0);
    }
  }

  List<InsightReport.Gap> cluster(List<GapQuestion> questions) {
    if (questions.isEmpty()) {
      return List.of();
    }
    // The in-process model is thread-safe; its own embedAll parallelises the same way.
    List<float[]> vectors = questions.parallelStream().map(q -> embeddings.query(q.text())).toList();
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Cluster best = null;
      double bestSimilarity = SAME_TOPIC;
      for (Cluster cluster : clusters) {
        double similarity = cluster.similarity(vectors.get(i));
        if (similarity >= bestSimilarity) {
          best = cluster;
          bestSimilarity = similarity;
        }
      }
      if (best == null) {
        best = new Cluster();
        clusters.add(best);
      }
      best.vectors.add(vectors.get(i));
      best.members.add(questions.get(i));
    }
    return clusters.stream().map(GapClusters::gap)
        .sorted(Comparator.comparingInt(InsightReport.Gap::count).reversed()).toList();
  }

  private static InsightReport.Gap gap(Cluster cluster) {
    Set<String> examples = new LinkedHashSet<>();
    cluster.members.forEach(m -> {
      if (examples.size() < EXAMPLES) {
        examples.add(m.text());
      }
    });
    return new InsightReport.Gap(cluster.members.size(), count(cluster, Reason.NOT_COVERED),
        count(cluster, Reason.HEDGED), count(cluster, Reason.UNHELPFUL), count(cluster, Reason.ESCALATED), List.copyOf(examples));
  }

  private static int count(Cluster cluster, Reason reason) {
    return (int) cluster.members.stream().filter(m -> m.reasons().contains(reason)).count();
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }
}

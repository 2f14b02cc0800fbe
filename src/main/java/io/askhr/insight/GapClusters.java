package io.askhr.insight;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
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
   * Cosine similarity from which a question joins a group (its closest member counts). Measured with MiniLM on
   * HR questions: paraphrases ("Can I park my car at the office?", "Is there a car park for staff?") score
   * 0.64-0.76, different topics of the same domain (parking, gym, sick pay, annual leave) 0.12-0.39.
   */
  static final double SAME_TOPIC = 0.55;
  /** Examples shown per group. */
  static final int EXAMPLES = 3;

  private final EmbeddingModel embeddings;

  GapClusters(EmbeddingModel embeddings) {
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
    List<float[]> vectors = embeddings.embedAll(questions.stream().map(q -> TextSegment.from(q.text())).toList())
        .content().stream().map(Embedding::vector).toList();
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

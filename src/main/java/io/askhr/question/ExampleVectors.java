package io.askhr.question;

import java.util.Arrays;
import java.util.List;

/**
 * Example vectors compared with every question: HR's sensitive and ordinary examples, the approved answers'
 * phrasings. Each example's length is computed once, when the examples are read, instead of on every comparison,
 * and each question's vector once per scan. The cosine is computed with the same operations in the same order as
 * LangChain4j's {@code CosineSimilarity.between}, so every similarity, and so every decision, is unchanged.
 */
final class ExampleVectors {

  /** {@code CosineSimilarity}'s guard against a zero-length vector, a float widened to double as it does. */
  private static final double EPSILON = 1e-8f;

  private final float[][] vectors;
  private final double[] lengths;

  ExampleVectors(List<float[]> vectors) {
    this.vectors = vectors.toArray(float[][]::new);
    this.lengths = new double[this.vectors.length];
    for (int i = 0; i < this.vectors.length; i++) {
      lengths[i] = length(this.vectors[i]);
    }
  }

  int size() {
    return vectors.length;
  }

  /** The cosine similarity of {@code asked} to each example, in the examples' order. */
  double[] similarities(float[] asked) {
    double askedLength = length(asked);
    double[] similarities = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      float[] example = vectors[i];
      if (example.length != asked.length) {
        throw new IllegalArgumentException("vectors of " + asked.length + " and " + example.length + " dimensions");
      }
      double dot = 0;
      for (int d = 0; d < asked.length; d++) {
        dot += asked[d] * example[d];
      }
      similarities[i] = dot / Math.max(askedLength * lengths[i], EPSILON);
    }
    return similarities;
  }

  /**
   * The mean of the {@code n} highest of {@code similarities}, averaged closest first; -1 when there are none. With
   * e5-small every HR question is 0.8-0.9 similar to every other, and a few neighbours decide more reliably than one.
   */
  static double meanOfNearest(double[] similarities, int n) {
    double[] sorted = similarities.clone();
    Arrays.sort(sorted);
    double[] top = new double[Math.min(n, sorted.length)];
    for (int i = 0; i < top.length; i++) {
      top[i] = sorted[sorted.length - 1 - i];
    }
    return Arrays.stream(top).average().orElse(-1);
  }

  private static double length(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }
}

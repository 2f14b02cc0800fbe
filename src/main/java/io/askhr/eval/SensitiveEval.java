package io.askhr.eval;

import io.askhr.question.SensitiveClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Precision and recall of sensitive-question recognition on a labelled set, per half, and the thresholds the dev
 * half suggests.
 */
public final class SensitiveEval {

  /** Recall the dev half must keep when choosing thresholds: a missed sensitive question costs more. */
  static final double TARGET_RECALL = 0.99;

  /** One labelled question and how it scored. */
  public record Scored(String question, boolean sensitive, boolean dev, SensitiveClassifier.Verdict verdict) {}

  /** Counts for one half and one decision rule. */
  public record Figures(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    public double precision() {
      int flagged = truePositives + falsePositives;
      return flagged == 0 ? 1 : (double) truePositives / flagged;
    }

    public double recall() {
      int sensitive = truePositives + falseNegatives;
      return sensitive == 0 ? 1 : (double) truePositives / sensitive;
    }
  }

  /** Suggested thresholds and their dev figures. */
  public record Choice(double threshold, double margin, Figures dev) {}

  private SensitiveEval() {}

  /** Scores every labelled question once; the decision rules are then applied without embedding again. */
  public static List<Scored> score(SensitiveClassifier classifier, List<LabelledQuestions.Labelled> records) {
    List<Scored> scored = new ArrayList<>();
    for (LabelledQuestions.Labelled r : records) {
      scored.add(new Scored(r.question(), r.json().path("sensitive").asBoolean(false), r.dev(),
          classifier.verdict(r.question())));
    }
    return scored;
  }

  /** The counts of a decision on one half. */
  public static Figures figures(List<Scored> scored, boolean dev, Predicate<SensitiveClassifier.Verdict> flags) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (Scored s : scored) {
      if (s.dev() != dev) {
        continue;
      }
      boolean flagged = flags.test(s.verdict());
      if (s.sensitive()) {
        tp += flagged ? 1 : 0;
        fn += flagged ? 0 : 1;
      } else {
        fp += flagged ? 1 : 0;
        tn += flagged ? 0 : 1;
      }
    }
    return new Figures(tp, fp, fn, tn);
  }

  /**
   * The thresholds with the best dev precision among those keeping dev recall at {@link #TARGET_RECALL} or more
   * (ties: higher recall, then the lower threshold); the highest-recall pair when none reaches it.
   */
  public static Choice choose(List<Scored> scored) {
    Choice best = null;
    for (int t = 20; t <= 90; t++) {
      for (int m = -10; m <= 20; m += 2) {
        double threshold = t / 100.0;
        double margin = m / 100.0;
        Figures dev = figures(scored, true, v -> v.flagged(threshold, margin));
        Choice candidate = new Choice(threshold, margin, dev);
        if (best == null || better(candidate, best)) {
          best = candidate;
        }
      }
    }
    return best;
  }

  private static boolean better(Choice a, Choice b) {
    boolean aMeets = a.dev().recall() >= TARGET_RECALL;
    boolean bMeets = b.dev().recall() >= TARGET_RECALL;
    if (aMeets != bMeets) {
      return aMeets;
    }
    if (!aMeets) {
      return a.dev().recall() > b.dev().recall();
    }
    if (a.dev().precision() != b.dev().precision()) {
      return a.dev().precision() > b.dev().precision();
    }
    return a.dev().recall() > b.dev().recall();
  }
}

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
   * (ties: higher recall); the highest-recall pair when none reaches it. Many pairs tie on a small dev half: the
   * middle of the tied margins, then of the tied thresholds at that margin, is taken, the boundary farthest from the
   * dev questions on either side (e5-small's similarities sit within a few hundredths of each other).
   */
  public static Choice choose(List<Scored> scored) {
    List<Choice> tied = new ArrayList<>();
    for (int t = 50; t <= 95; t++) {
      for (int m = -100; m <= 200; m += 5) {
        double threshold = t / 100.0;
        double margin = m / 1000.0;
        Choice candidate = new Choice(threshold, margin, figures(scored, true, v -> v.flagged(threshold, margin)));
        if (tied.isEmpty() || better(candidate, tied.get(0))) {
          tied.clear();
          tied.add(candidate);
        } else if (!better(tied.get(0), candidate)) {
          tied.add(candidate);
        }
      }
    }
    List<Double> margins = tied.stream().map(Choice::margin).distinct().sorted().toList();
    double margin = margins.get(margins.size() / 2);
    List<Choice> atMargin = tied.stream().filter(c -> c.margin() == margin)
        .sorted(java.util.Comparator.comparingDouble(Choice::threshold)).toList();
    return atMargin.get(atMargin.size() / 2);
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

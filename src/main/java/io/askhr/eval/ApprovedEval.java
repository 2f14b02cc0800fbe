package io.askhr.eval;

import io.askhr.question.ApprovedAnswers;
import io.askhr.retrieval.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How often approved answers are given rightly, on records {@code {"question", "answer": "answers/FILE.md" or null,
 * "audiences": [...]}}: a question with an answer should get exactly that one; one with null should get none.
 */
public final class ApprovedEval {

  /** A canned answer to the wrong question misleads more than a retrieved one, so it counts double. */
  static final int WRONG_ANSWER_COST = 2;

  /** One record and the closest answer its asker may receive. */
  public record Scored(String question, Optional<String> expected, boolean dev,
      Optional<ApprovedAnswers.Match> closest) {}

  /**
   * Counts for one half at one threshold.
   *
   * @param right questions given the expected answer
   * @param missed questions with an expected answer that got none
   * @param wrong questions given another answer than expected, or any answer when none was expected
   * @param rightlyNone questions without an expected answer that got none
   */
  public record Figures(int right, int missed, int wrong, int rightlyNone) {

    int score() {
      return right - WRONG_ANSWER_COST * wrong;
    }
  }

  private ApprovedEval() {}

  public static List<Scored> score(ApprovedAnswers answers, List<LabelledQuestions.Labelled> records) {
    List<Scored> scored = new ArrayList<>();
    for (LabelledQuestions.Labelled r : records) {
      Set<String> groups = new HashSet<>();
      r.json().path("audiences").forEach(a -> groups.add(a.asText()));
      Optional<String> expected = r.json().hasNonNull("answer") ? Optional.of(r.json().get("answer").asText())
          : Optional.empty();
      scored.add(new Scored(r.question(), expected, r.dev(),
          answers.closest(r.question(), Scope.of(groups, Optional.empty()))));
    }
    return scored;
  }

  public static Figures figures(List<Scored> scored, boolean dev, double threshold) {
    int right = 0;
    int missed = 0;
    int wrong = 0;
    int none = 0;
    for (Scored s : scored) {
      if (s.dev() != dev) {
        continue;
      }
      Optional<String> given = s.closest().filter(m -> m.similarity() >= threshold).map(m -> m.answer().file());
      if (given.isEmpty()) {
        missed += s.expected().isPresent() ? 1 : 0;
        none += s.expected().isPresent() ? 0 : 1;
      } else if (given.equals(s.expected())) {
        right++;
      } else {
        wrong++;
      }
    }
    return new Figures(right, missed, wrong, none);
  }

  /**
   * The threshold with the best dev score (right minus twice wrong). Several thresholds tie on a small dev half: the
   * middle of the tied ones is taken, the boundary farthest from the dev questions on either side.
   */
  public static double choose(List<Scored> scored) {
    List<Double> tied = new ArrayList<>();
    int bestScore = Integer.MIN_VALUE;
    for (int t = 50; t <= 99; t++) {
      int score = figures(scored, true, t / 100.0).score();
      if (score > bestScore) {
        bestScore = score;
        tied.clear();
      }
      if (score == bestScore) {
        tied.add(t / 100.0);
      }
    }
    return tied.get(tied.size() / 2);
  }
}

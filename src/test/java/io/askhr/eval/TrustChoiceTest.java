package io.askhr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.answers.ApprovedAnswer;
import io.askhr.question.ApprovedAnswers;
import io.askhr.question.SensitiveClassifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The thresholds eval-trust suggests: best on dev, and the middle of the dev ties, farthest from both sides. */
class TrustChoiceTest {

  private static SensitiveEval.Scored sensitive(boolean label, double toSensitive, double toOrdinary) {
    return new SensitiveEval.Scored("q", label, true,
        new SensitiveClassifier.Verdict(Set.of(), true, "job_security", toSensitive, toOrdinary));
  }

  @Test
  void shouldSuggestTheMarginMidwayBetweenTheDevSensitiveAndOrdinaryQuestions() {
    // given (as with e5) ordinary questions as similar to the sensitive examples as sensitive ones, but closer still
    // to the ordinary examples: only the margin separates them
    List<SensitiveEval.Scored> scored = List.of(sensitive(true, 0.85, 0.83), sensitive(true, 0.87, 0.80),
        sensitive(false, 0.90, 0.92), sensitive(false, 0.88, 0.94));

    // when
    SensitiveEval.Choice choice = SensitiveEval.choose(scored);

    // then every dev question is right, and the margin sits between -0.02 and 0.02 rather than at an edge
    assertEquals(1.0, choice.dev().precision());
    assertEquals(1.0, choice.dev().recall());
    assertEquals(0.0, choice.margin(), 0.006);
    assertEquals(0.68, choice.threshold(), 0.011); // thresholds 0.50-0.85 tie
  }

  private static ApprovedAnswer answer(String file) {
    return new ApprovedAnswer(file, List.of("q"), "HR", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1),
        Set.of("everyone"), List.of(), "text", true);
  }

  private static ApprovedEval.Scored approved(String expected, String closest, double similarity) {
    return new ApprovedEval.Scored("q", Optional.ofNullable(expected), true,
        Optional.of(new ApprovedAnswers.Match(answer(closest), similarity)));
  }

  @Test
  void shouldSuggestTheApprovedThresholdMidwayBetweenUnrelatedQuestionsAndRephrasings() {
    // given unrelated questions up to 0.80 and rephrasings from 0.90
    List<ApprovedEval.Scored> scored = List.of(approved(null, "answers/a.md", 0.80),
        approved(null, "answers/b.md", 0.75), approved("answers/a.md", "answers/a.md", 0.90),
        approved("answers/b.md", "answers/b.md", 0.95));

    // when
    double threshold = ApprovedEval.choose(scored);

    // then 0.81-0.90 all give 2 right and 0 wrong: the middle is taken
    assertEquals(0.86, threshold, 1e-9);
    assertEquals(new ApprovedEval.Figures(2, 0, 0, 2), ApprovedEval.figures(scored, true, threshold));
  }
}

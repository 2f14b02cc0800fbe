package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.config.ConfigException;
import io.askhr.drafting.QueryRewriter;
import io.askhr.eval.LabelledQuestions;
import io.askhr.eval.SensitiveEval;
import io.askhr.testing.TestModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SensitiveClassifierTest {

  static final String FIXTURE = """
      threshold: 0.8
      ordinary_margin: 0.01
      topics:
        job_security:
          - Will I lose my job in the restructure?
          - Is my role going to be cut?
        wellbeing:
          - I feel overwhelmed and can't sleep
      ordinary:
        - How many days of annual leave do I get?
        - How is severance calculated?
      """;

  static SensitiveClassifier fixture;

  @BeforeAll
  static void load() throws IOException {
    fixture = read(FIXTURE);
  }

  private static SensitiveClassifier read(String yaml) throws IOException {
    return SensitiveClassifier.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml",
        TestModels.local());
  }

  @Test
  void shouldFlagAPersonalQuestionCloseToAnExampleThatNoRuleCatches() {
    // given a question no keyword rule knows
    String question = "Do I still have work here after the restructure?";
    assertEquals(Set.of(), SensitiveTopics.of(question));

    // when
    SensitiveClassifier.Verdict verdict = fixture.verdict(question);

    // then
    assertEquals("job_security", verdict.nearestTopic());
    assertTrue(verdict.sensitive() >= 0.8, "similarity " + verdict.sensitive());
    assertTrue(fixture.flags(question));
  }

  @Test
  void shouldApplyTheThresholdAndTheOrdinaryMarginAsConfigured() {
    // given
    SensitiveClassifier.Verdict verdict = fixture.verdict("Do I still have work here after the restructure?");

    // then the same scores flag or not depending on the two numbers
    assertTrue(verdict.byExamples(verdict.sensitive(), 0.01));
    assertFalse(verdict.byExamples(verdict.sensitive() + 0.01, 0.01));
    // an ordinary example closer by the margin or more overrules
    assertFalse(new SensitiveClassifier.Verdict(Set.of(), true, "job_security", 0.70, 0.75).byExamples(0.6, 0.05));
    assertTrue(new SensitiveClassifier.Verdict(Set.of(), true, "job_security", 0.70, 0.74).byExamples(0.6, 0.05));
    assertFalse(fixture.withThresholds(0.99, 0.01).flags("Do I still have work here after the restructure?"));
  }

  @Test
  void shouldScoreAQuestionByItsThreeNearestExamplesNotByOneLuckyNeighbour() {
    // when a question repeats one example word for word
    SensitiveClassifier.Verdict verdict = fixture.verdict("Is my role going to be cut?");

    // then that example alone would score 1.0; the mean of the three nearest stays below it
    assertTrue(verdict.sensitive() < 0.99 && verdict.sensitive() > 0.8, "mean of three " + verdict.sensitive());
    assertEquals("job_security", verdict.nearestTopic());
  }

  @Test
  void shouldNotFlagAPolicyQuestionThatDoesNotSpeakOfTheAsker() {
    // given a general question on a delicate subject
    String question = "How is the role of a team cut in a restructure decided?";

    // when
    SensitiveClassifier.Verdict verdict = fixture.verdict(question);

    // then
    assertFalse(verdict.personal());
    assertFalse(fixture.flags(question));
    // however close: only a question about the asker's own situation counts
    assertFalse(new SensitiveClassifier.Verdict(Set.of(), false, "job_security", 0.95, 0.1).byExamples(0.6, 0.05));
  }

  @Test
  void shouldNotFlagAnOrdinaryPersonalQuestion() {
    assertFalse(fixture.flags("How many days of annual leave do I get after five years?"));
  }

  @Test
  void shouldKeepTheKeywordRules() {
    assertTrue(SensitiveClassifier.rulesOnly().flags("My manager is harassing me"));
    assertFalse(SensitiveClassifier.rulesOnly().flags("Do I still have work here after the restructure?"));
    assertFalse(SensitiveClassifier.rulesOnly().flags("How is severance calculated?"));
    assertTrue(SensitiveClassifier.rulesOnly().flags("How much severance would I get?"));
  }

  @Test
  void shouldRefuseAFileWithoutThresholdsOrExamples() {
    ConfigException noThreshold = assertThrows(ConfigException.class,
        () -> read("topics:\n  a:\n    - Is my job safe?\nordinary_margin: 0.1\n"));
    assertTrue(noThreshold.getMessage().contains("'threshold' must be a number"), noThreshold.getMessage());
    assertThrows(ConfigException.class, () -> read("threshold: 0.5\nordinary_margin: 0.1\ntopics:\n  a: []\n"));
    assertThrows(ConfigException.class, () -> read("threshold: 0.5\nordinary_margin: 0.1\n"));
    assertThrows(ConfigException.class, () -> read("topics: [unclosed\n"));
  }

  @Test
  void shouldCountTheModelsJudgementWhenTheLocalClassifierDoesNot() {
    // given a rewriter (the language model) that judges an everyday-looking question sensitive
    QueryRewriter model = new QueryRewriter() {
      @Override
      public String standalone(String latest, List<String> earlier) {
        return latest;
      }

      @Override
      public Rewrite rewrite(String latest, List<String> earlier) {
        return new Rewrite(latest, true);
      }
    };
    io.askhr.drafting.ExtractiveDrafter extractive = new io.askhr.drafting.ExtractiveDrafter(TestModels.local());
    io.askhr.retrieval.PolicySearcher nothing = org.mockito.Mockito.mock(io.askhr.retrieval.PolicySearcher.class);
    AnswerSettings settings = io.askhr.config.Settings.fromEnvironment(java.util.Map.of(), java.util.Optional.empty(),
        java.util.Optional.empty()).answers();
    AnswerFlow flow = new AnswerFlow(nothing, extractive, extractive, model, settings, AnswerMetrics.NONE,
        SensitiveClassifier.rulesOnly(), ApprovedAnswers.none());

    // when
    Reply reply = flow.answer(Question.first("What happens on Monday?", Asker.anonymous("u1"), Platform.CLI));

    // then
    assertTrue(reply.has(Reply.Flag.SENSITIVE), reply.flags().toString());
  }

  /** The shipped bot/sensitive.yml on the committed labelled set: the targets on the held-out half. */
  @Test
  void shouldMeetTheTargetsOnTheHeldOutHalfWithTheShippedExamples() throws Exception {
    // given
    Path gold = Path.of("src/test/resources/eval/sensitive_questions.jsonl");
    List<LabelledQuestions.Labelled> records = LabelledQuestions.read(gold);
    SensitiveClassifier shipped = SensitiveClassifier.shipped(TestModels.local());

    // when
    List<SensitiveEval.Scored> scored = SensitiveEval.score(shipped, records);
    SensitiveEval.Figures heldOut = SensitiveEval.figures(scored, false,
        v -> v.flagged(shipped.threshold(), shipped.margin()));
    SensitiveEval.Figures rulesOnly = SensitiveEval.figures(scored, false, v -> !v.ruleTopics().isEmpty());

    // then (measured when committed, e5-small: recall 51/51 = 1.000, precision 51/52 = 0.981)
    assertTrue(heldOut.recall() >= 0.95, "held-out recall " + heldOut);
    assertTrue(heldOut.precision() >= 0.85, "held-out precision " + heldOut);
    assertTrue(heldOut.recall() > rulesOnly.recall() + 0.3, "the examples add to the rules: " + rulesOnly);
    // and the thresholds shipped are the ones the dev half suggests
    SensitiveEval.Choice choice = SensitiveEval.choose(scored);
    assertEquals(choice.threshold(), shipped.threshold(), 1e-9);
    assertEquals(choice.margin(), shipped.margin(), 1e-9);
  }

  @Test
  void shouldKeepTheLabelledSetLargeVariedAndApartFromTheExamples() throws Exception {
    // given
    List<LabelledQuestions.Labelled> records = LabelledQuestions.read(
        Path.of("src/test/resources/eval/sensitive_questions.jsonl"));
    Set<String> examples = new HashSet<>();
    try (InputStream in = Files.newInputStream(SensitiveClassifier.FILE)) {
      SensitiveClassifier.exampleQuestions(in).forEach(q -> examples.add(q.strip().toLowerCase(Locale.ROOT)));
    }

    // then
    long sensitive = records.stream().filter(r -> r.json().path("sensitive").asBoolean()).count();
    Set<String> topics = new HashSet<>();
    records.forEach(r -> topics.add(r.json().path("topic").asText("")));
    assertTrue(records.size() >= 160 && sensitive >= 70 && records.size() - sensitive >= 90, records.size() + " "
        + sensitive);
    assertEquals(8, topics.size(), "seven topics and none: " + topics);
    assertTrue(records.stream().anyMatch(r -> !r.dev()) && records.stream().anyMatch(LabelledQuestions.Labelled::dev));
    assertTrue(records.stream().anyMatch(r -> r.question().contains("ich ")), "some German");
    assertTrue(records.stream().anyMatch(r -> r.question().matches(".*\\b(je|mon|ma)\\b.*")), "some French");
    List<String> repeated = records.stream().map(LabelledQuestions.Labelled::question)
        .filter(q -> examples.contains(q.strip().toLowerCase(Locale.ROOT))).toList();
    assertEquals(List.of(), repeated);
  }
}

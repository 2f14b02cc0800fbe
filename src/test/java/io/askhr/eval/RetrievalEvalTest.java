package io.askhr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.eval.GoldQuestion.GoldSource;
import io.askhr.eval.RetrievalEval.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalEvalTest {

  static GoldQuestion q(String text, String... sources) {
    return new GoldQuestion(text, List.of(sources).stream().map(GoldSet::source).toList());
  }

  @Test
  void shouldComputeHitRatesAndMrrOverAnswerableQuestions() {
    // given: ranks 1, 3, 7, none; plus one unanswerable question that was correctly not covered
    List<Outcome> outcomes = List.of(
        new Outcome(q("a", "x.md"), 1, 0.8, 1_000_000, List.of()),
        new Outcome(q("b", "x.md"), 3, 0.6, 2_000_000, List.of()),
        new Outcome(q("c", "x.md"), 7, 0.5, 3_000_000, List.of()),
        new Outcome(q("d", "x.md"), 0, 0.2, 4_000_000, List.of()),
        new Outcome(q("e"), 0, 0.1, 5_000_000, List.of()));

    // when
    EvalReport report = RetrievalEval.report(outcomes, 0.3, 0.55);

    // then
    assertEquals(4, report.answerable());
    assertEquals(0.25, report.hitAt1(), 1e-9);
    assertEquals(0.50, report.hitAt5(), 1e-9);
    assertEquals(0.75, report.hitAt10(), 1e-9);
    assertEquals((1 + 1.0 / 3 + 1.0 / 7) / 4, report.mrrAt10(), 1e-9);
    assertEquals(1, report.answerableNotCovered());
    assertEquals(1, report.unanswerable());
    assertEquals(1, report.unanswerableNotCovered());
    assertEquals(1, report.answerableHedged());
    assertEquals(0, report.unanswerableHedged());
    assertEquals(3.0, report.searchP50Millis(), 1e-9);
    assertEquals(5.0, report.searchP95Millis(), 1e-9);
  }

  @Test
  void shouldMatchGoldPagesWithinOnePage() {
    GoldSource source = GoldSet.source("Benefits.pdf#page=10");
    assertEquals(true, source.matches("plans/Benefits.pdf", 9));
    assertEquals(true, source.matches("Benefits.pdf", 11));
    assertEquals(false, source.matches("Benefits.pdf", 12));
    assertEquals(false, source.matches("Other.pdf", 10));
    assertEquals(true, GoldSet.source("leave.md").matches("hr/leave.md", 0));
  }

  @Test
  void shouldReadBothGoldSetFormats(@TempDir Path temp) throws Exception {
    // given
    Path file = temp.resolve("gold.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"question\": \"q1\", \"sources\": [\"a.md\", \"b.pdf#page=3\"]}",
        "",
        "{\"question\": \"q2\", \"truth\": \"Answer text. [Plan.pdf#page=7] [Plan.pdf#page=9]\"}",
        "{\"question\": \"q3\", \"sources\": []}"));

    // when
    List<GoldQuestion> gold = GoldSet.read(file);

    // then
    assertEquals(3, gold.size());
    assertEquals(List.of(new GoldSource("a.md", 0), new GoldSource("b.pdf", 3)), gold.get(0).sources());
    assertEquals(List.of(new GoldSource("Plan.pdf", 7), new GoldSource("Plan.pdf", 9)), gold.get(1).sources());
    assertEquals(List.of(), gold.get(2).sources());
  }
}

package io.askhr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.askhr.question.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerEvalTest {

  private static Reply reply(String text, Reply.Flag... flags) {
    return new Reply(text, List.of(), 0.5, Set.of(flags), Reply.Mode.EXTRACTIVE, List.of());
  }

  @Test
  void shouldCountFactsStatedDeclinesAndHedgesPerHalf(@TempDir Path temp) throws Exception {
    // given: a tiny gold set and the replies a handler gives to it
    Path gold = temp.resolve("gold.jsonl");
    Files.writeString(gold, String.join("\n",
        "{\"question\": \"q1\", \"sources\": [\"a.md\"], \"answer_facts\": [\"45 days\", \"HR1\"], \"split\": \"dev\"}",
        "{\"question\": \"q2\", \"sources\": [\"a.md\"], \"answer_facts\": [\"two weeks’ pay\"], \"split\": \"dev\"}",
        "{\"question\": \"q3\", \"sources\": [\"a.md\"], \"answer_facts\": [\"30 days\"], \"split\": \"dev\"}",
        "{\"question\": \"q4\", \"sources\": [\"a.md\"], \"split\": \"dev\"}",
        "{\"question\": \"q5\", \"sources\": [], \"split\": \"dev\"}",
        "{\"question\": \"q6\", \"sources\": [], \"split\": \"dev\"}",
        "{\"question\": \"q7\", \"sources\": [], \"split\": \"heldout\"}",
        "{\"question\": \"q8\", \"sources\": [\"b.md\"], \"answer_facts\": [\"8 weeks\"], \"split\": \"heldout\"}"));
    Map<String, Reply> replies = Map.of(
        "q1", reply("Consultation lasts **45  days**; notify on form hr1 [1]."),
        "q2", reply("You get two weeks' pay [1]."),
        "q3", reply("I could not find this.", Reply.Flag.NOT_COVERED),
        "q4", reply("closest passages", Reply.Flag.HEDGED),
        "q5", reply("I could not find this.", Reply.Flag.NOT_COVERED),
        "q6", reply("Here is something [1]."),
        "q7", reply("closest passages", Reply.Flag.HEDGED),
        "q8", reply("A PIP lasts 8 weeks [1]."));
    List<AnswerEval.Outcome> seen = new ArrayList<>();

    // when
    AnswerEval.Report report = new AnswerEval(q -> replies.get(q.text())).run(AnswerCase.read(gold), seen::add);

    // then: q1 states both facts (case and spaces folded), q2 its fact (curly apostrophe folded), q3 was declined
    AnswerEval.Figures dev = report.dev();
    assertEquals(4, dev.answerable());
    assertEquals(3, dev.withFacts());
    assertEquals(2, dev.factsStated());
    assertEquals(2.0 / 3, dev.factShare(), 1e-9);
    assertEquals(1, dev.answerableDeclined());
    assertEquals(1, dev.answerableHedged());
    assertEquals(2, dev.unanswerable());
    assertEquals(1, dev.unanswerableDeclined());
    assertEquals(0, dev.unanswerableHedged());
    assertEquals(0.5, dev.unanswerableCaught(), 1e-9);
    AnswerEval.Figures heldout = report.heldout();
    assertEquals(new AnswerEval.Figures(1, 1, 1, 0, 0, 1, 0, 1), heldout);
    assertEquals(1.0, heldout.unanswerableCaught(), 1e-9);
    assertEquals(List.of("30 days"), seen.get(2).missingFacts());
    assertEquals(8, seen.size());

    StringWriter printed = new StringWriter();
    AnswerEval.print(report, new PrintWriter(printed, true), false);
    String devLine = "dev      answer states every fact: 0.667 (2 of 3)   answerable declined: 1 of 4 (hedged 1)"
        + "   unanswerable declined or hedged: 0.500 (1 + 0 of 2)";
    assertEquals(List.of(devLine,
        "held-out answer states every fact: 1.000 (1 of 1)   answerable declined: 0 of 1 (hedged 0)"
            + "   unanswerable declined or hedged: 1.000 (0 + 1 of 1)"), printed.toString().lines().toList());

    // for tuning: the dev half alone, nothing of held-out
    StringWriter devOnly = new StringWriter();
    AnswerEval.print(report, new PrintWriter(devOnly, true), true);
    assertEquals(List.of(devLine), devOnly.toString().lines().toList());
  }

  @Test
  void shouldSplitRecordsWithoutASplitFieldByAFixedHashAndRejectUnknownSplits(@TempDir Path temp) throws Exception {
    // the hash is fixed for good: these two questions fall into different halves on every machine
    assertEquals(Split.of("how many days holiday do i get"),
        Split.of("how many days holiday do i get"));
    long dev = java.util.stream.IntStream.range(0, 200)
        .filter(i -> Split.of("question " + i) == Split.DEV).count();
    assertEquals(true, dev > 70 && dev < 130, "about half of 200 in dev, got " + dev);

    Path bad = temp.resolve("bad.jsonl");
    Files.writeString(bad, "{\"question\": \"q\", \"sources\": [], \"split\": \"test\"}\n");
    IOException e = assertThrows(IOException.class, () -> AnswerCase.read(bad));
    assertEquals(bad + " line 1: split must be \"dev\" or \"heldout\", got \"test\"", e.getMessage());
  }

  @Test
  void shouldReadTheShippedEmployeeQuestionsWithFactsForEveryAnswerableOne() throws Exception {
    // when
    List<AnswerCase> cases = AnswerCase.read(Path.of("src/test/resources/eval/askhr_employee_questions.jsonl"));

    // then
    assertEquals(94, cases.size());
    assertEquals(31, cases.stream().filter(c -> !c.answerable()).count());
    assertEquals(true, cases.stream().filter(AnswerCase::answerable).noneMatch(c -> c.facts().isEmpty()));
    assertEquals(64, cases.stream().filter(c -> c.half() == Split.DEV).count());
    // the records added for issue 12's decline rule (62-94) are all dev: the held-out half is as it was written
    assertEquals(30, cases.stream().filter(c -> c.half() == Split.HELDOUT).count());
  }
}

package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.testing.FixtureKnowledge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code askhr eval}: both halves by default, and nothing of the held-out half with {@code --dev-only}. */
class EvalCommandTest {

  private static final String HELD_OUT_QUESTION = "how many days off when a close relative dies";

  @TempDir Path temp;
  private Path knowledge;
  private Path questions;

  @BeforeEach
  void goldSet() throws Exception {
    knowledge = FixtureKnowledge.copyTo(temp.resolve("knowledge"));
    questions = Files.writeString(temp.resolve("gold.jsonl"), """
        {"question": "how much annual leave do full-time staff get", "sources": ["leave/annual-leave.md"], \
        "answer_facts": ["27 days"], "split": "dev"}
        {"question": "what is the office's parking policy", "sources": [], "split": "dev"}
        {"question": "%s", "sources": ["leave/bereavement.md"], \
        "answer_facts": ["five days"], "split": "heldout"}
        """.formatted(HELD_OUT_QUESTION));
  }

  private CliRun eval(String... options) {
    String[] args = new String[options.length + 7];
    args[0] = "eval";
    args[1] = "--knowledge";
    args[2] = knowledge.toString();
    args[3] = "--index";
    args[4] = temp.resolve("index").toString();
    args[5] = "--questions";
    args[6] = questions.toString();
    System.arraycopy(options, 0, args, 7, options.length);
    return CliRun.of(Map.of(), args);
  }

  @Test
  void shouldPrintBothHalvesByDefault() {
    // when
    CliRun ranking = eval("--verbose");
    CliRun answers = eval("--answers", "--verbose");

    // then
    assertEquals(0, ranking.status(), ranking.err());
    assertTrue(ranking.out().contains("held-out (1 with sources)"), ranking.out());
    assertTrue(ranking.out().contains(HELD_OUT_QUESTION), ranking.out());
    assertEquals(0, answers.status(), answers.err());
    assertTrue(answers.out().contains("held-out answer states every fact"), answers.out());
  }

  @Test
  void shouldShowNothingOfTheHeldOutHalfWithDevOnly() {
    // when
    CliRun ranking = eval("--verbose", "--dev-only");
    CliRun json = eval("--json", "--dev-only");
    CliRun answers = eval("--answers", "--verbose", "--dev-only");

    // then: the dev figures, and no held-out figure, column or question
    assertEquals(0, ranking.status(), ranking.err());
    assertTrue(ranking.out().contains("dev (1 with sources)"), ranking.out());
    assertFalse(ranking.out().toLowerCase(java.util.Locale.ROOT).contains("held"), ranking.out());
    assertFalse(ranking.out().contains(HELD_OUT_QUESTION), ranking.out());
    assertEquals(0, json.status(), json.err());
    assertFalse(json.out().contains("heldOut"), json.out());
    assertTrue(json.out().contains("\"dev\""), json.out());
    assertEquals(0, answers.status(), answers.err());
    assertTrue(answers.out().contains("dev      answer states every fact"), answers.out());
    assertFalse(answers.out().toLowerCase(java.util.Locale.ROOT).contains("held"), answers.out());
    assertFalse(answers.out().contains(HELD_OUT_QUESTION), answers.out());
  }
}

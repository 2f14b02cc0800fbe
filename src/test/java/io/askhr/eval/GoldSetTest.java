package io.askhr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldSetTest {

  @TempDir Path temp;

  @Test
  void shouldLetARecordsSplitFieldWinOverTheHash() throws Exception {
    // given two records with the same question, one pinned to each half
    String question = "how much pto do i get";
    Path file = temp.resolve("gold.jsonl");
    Files.writeString(file, """
        {"question": "how much pto do i get", "sources": ["a.md"], "split": "dev", "answer_facts": ["25 days"]}
        {"question": "how much pto do i get", "sources": ["a.md"], "split": "heldout"}
        {"question": "how much pto do i get", "sources": ["a.md"]}
        """);

    // when
    List<GoldQuestion> gold = GoldSet.read(file);

    // then
    assertEquals(Split.DEV, gold.get(0).split());
    assertEquals(List.of("25 days"), gold.get(0).answerFacts());
    assertEquals(Split.HELDOUT, gold.get(1).split());
    assertEquals(Split.of(question), gold.get(2).split());
  }

  @Test
  void shouldSplitByAFixedHashSoTheHalvesNeverMove() {
    // the seed is committed: these two questions are in these halves on every machine, for ever
    assertEquals(Split.of("What is the deductible for the Northwind Standard plan?"),
        Split.of("  What is the deductible for the Northwind Standard plan?  "));
    long dev = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> Split.of("question " + i))
        .filter(s -> s == Split.DEV).count();
    assertTrue(dev > 430 && dev < 570, "dev share of 1000 questions: " + dev);
  }

  @Test
  void shouldRejectAnUnknownSplitWithItsLineNumber() throws Exception {
    Path file = temp.resolve("gold.jsonl");
    Files.writeString(file, "{\"question\": \"q\", \"sources\": []}\n{\"question\": \"q2\", \"split\": \"test\"}\n");
    IOException e = assertThrows(IOException.class, () -> GoldSet.read(file));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void shouldGiveEveryCommittedGoldSetBothHalves() throws Exception {
    for (String set : List.of("askhr_questions.jsonl", "gsa_tts_questions.jsonl")) {
      List<GoldQuestion> gold = GoldSet.read(Path.of("src/test/resources/eval", set));
      long dev = gold.stream().filter(q -> q.split() == Split.DEV).count();
      assertTrue(dev > 0 && dev < gold.size(), set + ": " + dev + " dev of " + gold.size());
    }
  }
}

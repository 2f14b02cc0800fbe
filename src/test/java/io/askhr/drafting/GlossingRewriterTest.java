package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.retrieval.Synonyms;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GlossingRewriterTest {

  final GlossingRewriter rewriter = new GlossingRewriter(new FollowUpHeuristic(), load());

  private static Synonyms load() {
    try {
      return Synonyms.load(Path.of("bot/synonyms.txt"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldSearchAGermanQuestionAsItsEnglishGloss() {
    QueryRewriter.Rewrite rewrite = rewriter.rewrite("Wie viele Urlaubstage habe ich?", List.of(), Locale.GERMAN);

    assertTrue(rewrite.standalone().contains("annual leave") || rewrite.standalone().contains("annual holiday leave"),
        rewrite.standalone());
  }

  @Test
  void shouldLeaveAnEnglishQuestionAsWritten() {
    String question = "How many days of holiday do I get in Germany?";

    assertEquals(question, rewriter.rewrite(question, List.of(), Locale.ENGLISH).standalone());
  }

  @Test
  void shouldLeaveAQuestionWhoseWordsNoSynonymKnowsAsWritten() {
    String question = "Est-ce que je peux travailler depuis l'Espagne pendant trois semaines ?";

    assertEquals(question, rewriter.rewrite(question, List.of(), Locale.FRENCH).standalone());
  }

  @Test
  void shouldGlossTheFollowUpJoinedToTheEarlierQuestion() {
    QueryRewriter.Rewrite rewrite =
        rewriter.rewrite("und in Hamburg?", List.of("Wie viele Urlaubstage habe ich?"), Locale.GERMAN);

    assertTrue(rewrite.standalone().contains("holiday") && rewrite.standalone().endsWith("hamburg"),
        rewrite.standalone());
  }
}

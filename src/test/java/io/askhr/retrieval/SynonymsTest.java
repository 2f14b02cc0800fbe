package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {

  @TempDir Path temp;

  private static List<String> terms(Synonyms synonyms, String text) throws Exception {
    return EnglishStemsTest.terms(synonyms.queryAnalyzer(), text);
  }

  @Test
  void shouldGiveEachTypedWordOrPhraseItsAlternativesWhole() throws Exception {
    // given
    Synonyms shipped = Synonyms.load(Path.of("bot/synonyms.txt"));

    // when
    Map<String, List<String>> alternatives = shipped.alternatives("Got LAID OFF, is there a RIF payout?", 100);

    // then: keyed as typed (lower case), each alternative a whole phrase; words without an entry give nothing
    assertTrue(alternatives.get("rif").containsAll(List.of("reduction in force", "laid off", "redundancy")),
        alternatives.toString());
    assertTrue(alternatives.get("laid off").contains("redundancy"), alternatives.toString());
    assertTrue(alternatives.get("payout").contains("severance pay"), alternatives.toString());
    assertFalse(alternatives.containsKey("got"), alternatives.toString());
    assertTrue(Synonyms.none().alternatives("laid off", 100).isEmpty());
  }

  @Test
  void shouldExpandHrAbbreviationsOfTheShippedListIntoPolicyWords() throws Exception {
    // given
    Synonyms shipped = Synonyms.load(Path.of("bot/synonyms.txt"));

    // then: stemmed like the index, whatever the case the employee typed
    assertTrue(terms(shipped, "how much PTO do I get").containsAll(List.of("pai", "time", "off", "vacat")),
        terms(shipped, "how much PTO do I get").toString());
    assertTrue(terms(shipped, "am I on a pip").containsAll(List.of("perform", "improv", "plan")));
    assertTrue(terms(shipped, "got let go yesterday").contains("dismiss"));
    assertTrue(terms(shipped, "severance in the uk").containsAll(List.of("unit", "kingdom")));
  }

  @Test
  void shouldNotTakeThePronounUsForACountry() throws Exception {
    assertFalse(terms(Synonyms.load(Path.of("bot/synonyms.txt")), "can you tell us the leave rules").contains("state"));
  }

  @Test
  void shouldNameTheLineOfAMalformedEntry() throws Exception {
    // given
    Path file = temp.resolve("synonyms.txt");
    Files.writeString(file, "pto, paid time off\nlet go => => dismissed\n");

    // when
    ParseException e = assertThrows(ParseException.class, () -> Synonyms.load(file));

    // then
    assertTrue(e.getMessage().contains("line 2") || e.getErrorOffset() == 2, e.getMessage());
  }

  @Test
  void shouldGlossForeignWordsWithTheirEnglishPolicyWordsUnstemmed() throws Exception {
    Synonyms shipped = Synonyms.load(Path.of("bot/synonyms.txt"));

    String gloss = shipped.gloss("Wie viele Urlaubstage habe ich?", "de", 100);

    assertTrue(gloss.startsWith("viele "), gloss);
    assertFalse(gloss.contains("wie") || gloss.contains("habe") || gloss.contains("ich"), gloss);
    assertTrue(gloss.contains("annual") && gloss.contains("leave") && gloss.contains("holiday"), gloss);
    assertFalse(gloss.contains("urlaubstage"), gloss);
  }

  @Test
  void shouldGlossTheLongestFrenchPhraseRatherThanItsFirstWord() throws Exception {
    Synonyms shipped = Synonyms.load(Path.of("bot/synonyms.txt"));

    String maternity = shipped.gloss("Le congé maternité commence quand ?", "fr", 100);
    String alone = shipped.gloss("Combien de congé ai-je ?", "fr", 100);

    assertTrue(maternity.contains("maternity leave"), maternity);
    assertFalse(maternity.contains("annual"), maternity);
    assertTrue(alone.contains("leave") && !alone.contains("annual"), alone);
  }

  @Test
  void shouldReadAFrenchElidedArticleAsTheWordItPrecedes() throws Exception {
    Synonyms shipped = Synonyms.load(Path.of("bot/synonyms.txt"));

    String gloss = shipped.gloss("Ai-je besoin de l'accord de mon manager ?", "fr", 100);

    assertTrue(gloss.contains("permission approval"), gloss);
    assertFalse(gloss.contains("l'"), gloss);
  }

  @Test
  void shouldGlossWithTheReloadedSynonyms() throws Exception {
    Path file = temp.resolve("synonyms.txt");
    Files.writeString(file, "xq => compassionate leave\n");
    Synonyms synonyms = Synonyms.load(file);

    Files.writeString(file, "xq => bereavement\n");
    synonyms.reload(file);

    assertEquals("how much bereavement", synonyms.gloss("How much xq?", "en", 100));
  }

  @Test
  void shouldKeepTheCurrentSynonymsWhenAnEditIsMalformed() throws Exception {
    // given
    Path file = temp.resolve("synonyms.txt");
    Files.writeString(file, "xq => compassionate\n");
    Synonyms synonyms = Synonyms.load(file);

    // when
    Files.writeString(file, "xq => => broken\n");

    // then
    assertThrows(ParseException.class, () -> synonyms.reload(file));
    assertTrue(terms(synonyms, "xq").contains("compassion"));
  }

  @Test
  void shouldFindPolicyWordsThroughASynonymTheEmployeeTyped() throws Exception {
    // given a word no policy contains, and HR's synonym for it
    Path file = temp.resolve("synonyms.txt");
    Files.writeString(file, "# HR's word\nxq => compassionate\n");
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), PolicyEmbedder.plain(TestModels.embeddings()),
        Synonyms.load(file))) {
      index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
      PolicySearcher bm25 = index.searcher().withWeights(FusionWeights.lexicalOnly());

      // when
      List<Hit> hits = bm25.search("xq", Scope.everyone(), 3);
      List<Hit> without = bm25.withWeights(FusionWeights.plainBm25()).search("xq", Scope.everyone(), 3);

      // then
      assertEquals("leave/bereavement.md", hits.get(0).passage().source());
      assertTrue(without.isEmpty(), without.toString());
    }
  }
}

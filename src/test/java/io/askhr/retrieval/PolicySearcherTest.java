package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySearcherTest {

  @TempDir static Path temp;
  static PolicyIndex index;
  static PolicySearcher searcher;

  @BeforeAll
  static void indexFixtures() throws Exception {
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
    searcher = index.searcher();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static List<String> sources(List<Hit> hits) {
    return hits.stream().map(h -> h.passage().source()).toList();
  }

  @Test
  void shouldNotTakeAnUnknownNumberForAMisspeltOne() throws Exception {
    // given: a policy that names the number 2500
    Path root = java.nio.file.Files.createDirectories(temp.resolve("numbers"));
    java.nio.file.Files.writeString(root.resolve("allowance.md"),
        "---\ntitle: Home working allowance\n---\n# Allowance\n\nThe home working allowance is 2500 a year.\n");
    try (PolicyIndex numbers = PolicyIndex.open(temp.resolve("numbers-index"), TestModels.embeddings())) {
      numbers.update(new KnowledgeFolder(root, 10_000_000), PassageSplitter.defaults());
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(temp.resolve("numbers-index")))) {
        IndexSearcher lucene = new IndexSearcher(reader);

        // when: 25000 is one edit away from 2500
        String known = numbers.searcher().lexicalQuery(lucene, "allowance of 2500").orElseThrow().toString();
        String unknown = numbers.searcher().lexicalQuery(lucene, "allowance of 25000").orElseThrow().toString();

        // then: a typo search would have matched 2500
        assertTrue(known.contains("2500"), known);
        assertFalse(unknown.contains("2500"), unknown);
      }
    }
  }

  @Test
  void shouldNeverShowManagerDocumentsToAnAskerWithoutGroups() {
    // when
    List<Hit> hits = searcher.search("Harlow grid calibration panel selection scores", Scope.everyone(), 20);

    // then
    assertTrue(hits.size() > 0);
    assertTrue(sources(hits).stream().noneMatch(s -> s.startsWith("managers/")), sources(hits).toString());
  }

  @Test
  void shouldShowManagerDocumentsToManagers() {
    // when
    List<Hit> hits = searcher.search("Harlow grid calibration panel", Scope.of(Set.of("Managers"), Optional.empty()), 3);

    // then
    assertEquals("managers/selection-calibration.md", hits.get(0).passage().source());
  }

  @Test
  void shouldFilterCountrySpecificDocumentsByTheAskersCountry() {
    String query = "works council interest reconciliation social plan";

    // when
    List<String> inGermany = sources(searcher.search(query, Scope.of(Set.of(), Optional.of("de")), 20));
    List<String> inBritain = sources(searcher.search(query, Scope.of(Set.of(), Optional.of("GB")), 20));
    List<String> unknown = sources(searcher.search(query, Scope.everyone(), 20));

    // then
    assertEquals("reorganisation/works-council.md", inGermany.get(0));
    assertTrue(!inBritain.contains("reorganisation/works-council.md"), inBritain.toString());
    assertEquals("reorganisation/works-council.md", unknown.get(0));
  }

  @Test
  void shouldFindPoliciesWhoseWordsDifferFromTheQuestionBetterThanBm25Alone() {
    // given: questions phrased in words the right policy does not use, some of which a wrong policy does use
    Map<String, String> questions = Map.of(
        "my grandmother passed away, can I get some time off?", "leave/bereavement.md",
        "how much money do I get if they make my job go away?", "reorganisation/severance.md",
        "I have the flu and can't come in, do I still get paid?", "leave/sickness.md",
        "when does my salary go up each year?", "pay-review.md");
    PolicySearcher bm25 = searcher.withWeights(FusionWeights.lexicalOnly());

    // when
    int hybridFirst = 0;
    int hybridTop5 = 0;
    int bm25First = 0;
    int bm25Top5 = 0;
    for (Map.Entry<String, String> q : questions.entrySet()) {
      List<String> hybrid = sources(searcher.search(q.getKey(), Scope.everyone(), 5));
      List<String> lexical = sources(bm25.search(q.getKey(), Scope.everyone(), 5));
      hybridFirst += hybrid.indexOf(q.getValue()) == 0 ? 1 : 0;
      hybridTop5 += hybrid.contains(q.getValue()) ? 1 : 0;
      bm25First += lexical.indexOf(q.getValue()) == 0 ? 1 : 0;
      bm25Top5 += lexical.contains(q.getValue()) ? 1 : 0;
    }

    // then
    assertEquals(questions.size(), hybridTop5);
    assertTrue(bm25Top5 < hybridTop5, "BM25 alone found " + bm25Top5 + " in its top 5");
    assertTrue(bm25First < hybridFirst, "first: hybrid " + hybridFirst + ", BM25 " + bm25First);
  }

  @Test
  void shouldReportASimilarityThatSeparatesRelatedFromUnrelatedQuestions() {
    // when
    double related = searcher.search("how many days of holiday do I get", Scope.everyone(), 1).get(0).similarity();
    double unrelated = searcher.search("what is the capital of Peru", Scope.everyone(), 1).get(0).similarity();

    // then
    assertTrue(related > unrelated + 0.2, related + " vs " + unrelated);
  }
}

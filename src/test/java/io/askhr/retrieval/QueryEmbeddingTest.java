package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryEmbeddingTest {

  @TempDir Path temp;

  @Test
  void shouldEmbedAQueryAskedAgainOnlyOnce() throws Exception {
    // given
    TestModels.Counting counting = new TestModels.Counting();
    try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), PolicyEmbedder.plain(counting), Synonyms.none())) {
      index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
      counting.reset();

      // when: the same question twice, through two searchers of the index, then another question
      List<Hit> first = index.searcher().search("how much severance will I get", Scope.everyone(), 3);
      List<Hit> again = index.searcher().search("how much severance will I get", Scope.everyone(), 3);
      int afterRepeat = counting.embedded();
      index.searcher().search("can I work from another country", Scope.everyone(), 3);

      // then
      assertEquals(1, afterRepeat);
      assertEquals(2, counting.embedded());
      assertEquals(first.stream().map(h -> h.passage().id()).toList(), again.stream().map(h -> h.passage().id()).toList());
    }
  }

  @Test
  void shouldGiveTheSameVectorsAsLangChain4jsOwnModelOnOneThread() {
    // given LangChain4j's MiniLM with its default session, and the bundled MiniLM on a one-thread session
    PolicyEmbedder bundled = BundledEmbeddingModel.MINILM.load();

    for (String text : List.of("How is severance calculated?", "wfh from spain for a month?",
        "Employees may carry over up to five days of annual leave into the next year.")) {
      // when
      Embedding ours = bundled.model().embed(text).content();
      Embedding theirs = TestModels.embeddings().embed(text).content();

      // then
      double cosine = CosineSimilarity.between(ours, theirs);
      assertTrue(cosine > 0.9999, text + ": cosine " + cosine);
    }
  }
}

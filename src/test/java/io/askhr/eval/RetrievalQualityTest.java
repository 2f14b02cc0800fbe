package io.askhr.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.retrieval.FusionWeights;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards retrieval quality on public corpora that we did not write (see docs/retrieval.md). The corpora
 * live outside the repository, in {@code $ASKHR_CORPORA} (default {@code ../shared/corpora}); {@code .ci/run} looks for
 * them next to the clone and in the workspace, and these tests are skipped (reported by Surefire) where they are absent.
 */
class RetrievalQualityTest {

  @TempDir Path temp;

  static Path corpora() {
    return Path.of(System.getenv().getOrDefault("ASKHR_CORPORA", "../shared/corpora"));
  }

  private EvalReport evaluate(Path docs, Path questions, FusionWeights weights) throws Exception {
    try (PolicyIndex index = PolicyIndex.open(temp.resolve(docs.getParent().getFileName().toString()),
        TestModels.embeddings())) {
      index.update(new KnowledgeFolder(docs, 50_000_000), PassageSplitter.defaults());
      PolicySearcher searcher = index.searcher().withWeights(weights);
      List<GoldQuestion> gold = GoldSet.read(questions);
      return new RetrievalEval(searcher, 0, 0).run(gold, 10, outcome -> { });
    }
  }

  @Test
  void shouldReachTheTargetsOnTheContosoHandbookQuestions() throws Exception {
    // given
    Path contoso = corpora().resolve("contoso");
    assumeTrue(Files.isDirectory(contoso.resolve("docs")), "contoso corpus not available at " + contoso);

    // when
    EvalReport hybrid = evaluate(contoso.resolve("docs"), contoso.resolve("ground_truth.jsonl"), FusionWeights.DEFAULT);

    // then
    assertTrue(hybrid.hitAt5() >= 0.90, "hit@5 " + hybrid.hitAt5());
    assertTrue(hybrid.mrrAt10() >= 0.75, "MRR@10 " + hybrid.mrrAt10());
  }

  @Test
  void shouldBeatBm25AloneOnTheGsaHandbookQuestions() throws Exception {
    // given
    Path docs = corpora().resolve("gsa_tts/docs");
    assumeTrue(Files.isDirectory(docs), "GSA corpus not available at " + docs);
    Path questions = Path.of("src/test/resources/eval/gsa_tts_questions.jsonl");

    // when
    EvalReport hybrid = evaluate(docs, questions, FusionWeights.DEFAULT);
    EvalReport bm25 = evaluate(docs, questions, FusionWeights.lexicalOnly());

    // then
    assertTrue(hybrid.hitAt5() > bm25.hitAt5(), "hit@5 hybrid " + hybrid.hitAt5() + " vs BM25 " + bm25.hitAt5());
    assertTrue(hybrid.mrrAt10() > bm25.mrrAt10(), "MRR hybrid " + hybrid.mrrAt10() + " vs BM25 " + bm25.mrrAt10());
    assertTrue(hybrid.hitAt5() >= 0.80, "hit@5 " + hybrid.hitAt5());
  }
}

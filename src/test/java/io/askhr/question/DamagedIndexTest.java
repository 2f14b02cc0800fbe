package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.TestModels;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index files are damaged under a running server: no 500s, readiness tells the truth, and it heals itself. */
class DamagedIndexTest {

  @TempDir Path temp;

  @Test
  void shouldSaySoWhileADamagedIndexIsRebuiltAndAnswerAgainAfterwards() throws Exception {
    // given a real index over the fixture policies, answering
    KnowledgeFolder folder = new KnowledgeFolder(FixtureKnowledge.copyTo(temp.resolve("knowledge")), 10_000_000);
    Path dir = temp.resolve("index");
    AnswerSettings settings = Settings.fromEnvironment(Map.of("HR_CONTACT", "the People team"), Optional.empty(),
        Optional.empty()).answers();
    try (PolicyIndex index = PolicyIndex.open(dir, TestModels.embeddings())) {
      index.update(folder, PassageSplitter.defaults());
      ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
      QuestionHandler flow = new AnswerFlow(index.searcher(), extractive, extractive, new FollowUpHeuristic(),
          settings);
      Question question = Question.first("How is severance calculated?", Asker.anonymous("u1"), Platform.CLI);
      assertFalse(flow.answer(question).has(Reply.Flag.NOT_COVERED));
      CountDownLatch rebuildRequested = new CountDownLatch(1);
      index.health().onDamage(rebuildRequested::countDown);

      // when the index files are overwritten on disk while serving
      overwrite(dir);
      Reply during = flow.answer(question);

      // then the employee is told, not given an error; the index reports itself unhealthy and asks for a rebuild
      assertTrue(during.text().startsWith("I can't search our policies right now"), during.text());
      assertTrue(during.has(Reply.Flag.ESCALATION_SUGGESTED));
      assertFalse(index.health().healthy());
      assertEquals(0, rebuildRequested.getCount());

      // and when the rebuild runs, answers come back
      index.rebuild(folder, PassageSplitter.defaults());
      assertTrue(index.health().healthy());
      Reply after = flow.answer(question);
      assertFalse(after.has(Reply.Flag.NOT_COVERED), after.text());
      assertEquals("reorganisation/severance.md", after.citations().get(0).source());
    }
  }

  /** Fills every segment file with garbage, in place, as a failing disk or a stray process would. */
  private static void overwrite(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("_")).toList()) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
          byte[] garbage = new byte[(int) raf.length()];
          Arrays.fill(garbage, (byte) 0x5A);
          raf.seek(0);
          raf.write(garbage);
        }
      }
    }
  }
}

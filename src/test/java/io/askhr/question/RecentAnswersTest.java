package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {

  private static final Reply REPLY = new Reply("25 days a year.", List.of(), 0.8, Set.of(), Reply.Mode.EXTRACTIVE,
      List.of());

  @Test
  void shouldForgetAnAnswerOnceItsTimeIsUp() {
    // given answers kept for an hour, on a clock the test moves
    AtomicLong nanos = new AtomicLong();
    InProcessRecentAnswers recent = new InProcessRecentAnswers(100, Duration.ofHours(1), nanos::get);
    recent.put("a1", "How much leave?", REPLY);

    // when 59 minutes pass, then it is still there
    nanos.addAndGet(Duration.ofMinutes(59).toNanos());
    assertEquals("How much leave?", recent.get("a1").orElseThrow().question());

    // when two more minutes pass, then it is gone
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    assertTrue(recent.get("a1").isEmpty());
  }

  @Test
  void shouldKeepAtMostItsSize() {
    // given
    InProcessRecentAnswers recent = new InProcessRecentAnswers(100, Duration.ofHours(1), System::nanoTime);

    // when
    for (int i = 0; i < 1_000; i++) {
      recent.put("a" + i, "q" + i, REPLY);
    }

    // then
    assertTrue(recent.size() <= 100, "kept " + recent.size());
  }

  @Test
  void shouldCutTheQuestionWithoutSplittingAnEmoji() {
    // given a question whose cut would fall inside a surrogate pair
    String question = "x".repeat(RecentAnswers.MAX_QUESTION_CHARS - 1) + "😀" + "tail";
    InProcessRecentAnswers recent = new InProcessRecentAnswers();

    // when
    recent.put("a1", question, REPLY);

    // then
    assertEquals(RecentAnswers.MAX_QUESTION_CHARS - 1, recent.get("a1").orElseThrow().question().length());
    assertTrue(recent.get(null).isEmpty());
  }
}

package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConversationMemoryTest {

  @Test
  void shouldStayBoundedInBytesWhenEveryHugeQuestionStartsANewConversation() {
    // given the default memory and 480 questions of 1 MB, each with a new conversation id (the attack)
    InProcessConversationMemory memory = new InProcessConversationMemory();
    String megabyte = "x".repeat(1_000_000);

    // when
    for (int i = 0; i < 480; i++) {
      memory.record("attacker-" + i, Turn.employee(megabyte), Turn.bot("Not covered."));
    }

    // then each turn was cut before it was kept, and the total stays under the byte bound
    assertTrue(memory.weightBytes() <= InProcessConversationMemory.MAX_BYTES, "weight " + memory.weightBytes());
    assertEquals(ConversationMemory.MAX_TURN_CHARS, memory.history("attacker-479").get(0).text().length());
    assertTrue(memory.weightBytes() < 480L * 10_000, "weight " + memory.weightBytes());
  }

  @Test
  void shouldBoundTheNumberOfConversationsThroughTheirMinimumWeight() {
    // given a memory of 1 MB for at most 100 conversations
    InProcessConversationMemory memory =
        new InProcessConversationMemory(1024 * 1024, 100, Duration.ofHours(1), Ticker.systemTicker());

    // when 1,000 short conversations arrive
    for (int i = 0; i < 1_000; i++) {
      memory.record("c" + i, Turn.employee("How much leave?"), Turn.bot("25 days."));
    }

    // then at most 100 are kept
    assertTrue(memory.conversations() <= 100, "kept " + memory.conversations());
  }

  @Test
  void shouldKeepTheLastTwelveTurnsOfAConversation() {
    // given
    InProcessConversationMemory memory = new InProcessConversationMemory();

    // when
    for (int i = 0; i < 10; i++) {
      memory.record("web:1", Turn.employee("q" + i), Turn.bot("a" + i));
    }

    // then
    List<Turn> history = memory.history("web:1");
    assertEquals(12, history.size());
    assertEquals(Turn.employee("q4"), history.get(0));
    assertEquals(Turn.bot("a9"), history.get(11));
  }

  @Test
  void shouldForgetAConversationIdleForLongerThanTheLimit() {
    // given a memory that forgets after two hours idle, on a clock the test moves
    AtomicLong nanos = new AtomicLong();
    InProcessConversationMemory memory =
        new InProcessConversationMemory(1024 * 1024, 100, Duration.ofHours(2), nanos::get);
    memory.record("web:1", Turn.employee("How much leave?"), Turn.bot("25 days."));

    // when the conversation stays idle past the limit
    nanos.addAndGet(Duration.ofHours(2).plusSeconds(1).toNanos());

    // then
    assertEquals(List.of(), memory.history("web:1"));
  }
}

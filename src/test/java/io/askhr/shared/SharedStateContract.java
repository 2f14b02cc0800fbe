package io.askhr.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.Citation;
import io.askhr.question.ConversationMemory;
import io.askhr.question.RateLimits;
import io.askhr.question.RecentAnswers;
import io.askhr.question.Reply;
import io.askhr.question.SentCards;
import io.askhr.question.Turn;
import io.askhr.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour conversation state must have wherever it is kept; run in process and on PostgreSQL. */
abstract class SharedStateContract {

  /** Ten minutes behind the real clock, so that Bucket4j's purge (which reads the real one) sees full buckets. */
  final ManualClock clock = new ManualClock(Instant.now().minus(Duration.ofMinutes(10)));
  SharedState state;

  /** A fresh, empty state reading {@code clock}. */
  abstract SharedState open(Clock clock) throws Exception;

  @BeforeEach
  void openState() throws Exception {
    state = open(clock);
  }

  @AfterEach
  void closeState() {
    // Null when the database is not configured and the test was skipped before opening it.
    if (state != null) {
      state.close();
    }
  }

  static final Reply APPROVED = new Reply("You get **25 days** a year [1].",
      List.of(new Citation(1, "leave/annual-leave.md", "Annual leave", "Entitlement", 0,
          Optional.of(LocalDate.parse("2026-01-01")), Optional.of("https://intranet.example.com/leave"),
          "Full-time employees get 25 days.")),
      0.82, Set.of(Reply.Flag.HEDGED), Reply.Mode.LLM, List.of("Your message was shortened."),
      Optional.of(new Reply.Approval("People team", LocalDate.parse("2026-03-01"))), Locale.GERMAN);

  static Reply answer(String text) {
    return new Reply(text, List.of(), 0.7, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
  }

  ConversationMemory memory() {
    return state.conversations().memory();
  }

  RecentAnswers recent() {
    return state.conversations().recent();
  }

  SentCards cards() {
    return state.conversations().cards();
  }

  @Test
  void shouldHandAFollowUpTheEarlierTurnsInOrder() {
    // given
    memory().record("web:alex|c1", Turn.employee("How much annual leave do I get?"), Turn.bot("25 days."));
    clock.advance(Duration.ofSeconds(30));
    memory().record("web:alex|c1", Turn.employee("Can I carry some over?"), Turn.bot("Up to 5 days."));
    memory().record("web:sam|c9", Turn.employee("Parental leave?"), Turn.bot("26 weeks."));

    // when
    List<Turn> history = memory().history("web:alex|c1");

    // then
    assertEquals(List.of(Turn.employee("How much annual leave do I get?"), Turn.bot("25 days."),
        Turn.employee("Can I carry some over?"), Turn.bot("Up to 5 days.")), history);
    assertEquals(List.of(), memory().history("web:nobody|c0"));
  }

  @Test
  void shouldKeepTheLastTwelveTurnsOfAConversation() {
    // when ten exchanges (twenty turns) are recorded in the same millisecond
    for (int i = 0; i < 10; i++) {
      memory().record("slack:C1:1700000000.000100", Turn.employee("q" + i), Turn.bot("a" + i));
    }

    // then the newest twelve remain, oldest first
    List<Turn> history = memory().history("slack:C1:1700000000.000100");
    assertEquals(ConversationMemory.MAX_TURNS, history.size());
    assertEquals(Turn.employee("q4"), history.get(0));
    assertEquals(Turn.bot("a9"), history.get(11));
  }

  @Test
  void shouldCutEachTurnBeforeKeepingIt() {
    // given a pasted document whose cut would fall inside a surrogate pair
    String pasted = "x".repeat(ConversationMemory.MAX_TURN_CHARS - 1) + "😀" + "y".repeat(10_000);

    // when
    memory().record("teams:19:abc", Turn.employee(pasted), Turn.bot("Not covered."));

    // then
    assertEquals(ConversationMemory.MAX_TURN_CHARS - 1, memory().history("teams:19:abc").get(0).text().length());
  }

  @Test
  void shouldKeepAMessageCarryingANulCharacter() {
    // given a hostile message and conversation id with NUL characters (which PostgreSQL's TEXT refuses)
    String conversation = "web:mallory|c\u00001";

    // when
    memory().record(conversation, Turn.employee("How much\u0000 leave?"), Turn.bot("25 days."));
    recent().put("answer-nul", "How much\u0000 leave?", answer("25 days."));

    // then both are kept (a store may drop the NUL), and the state still works for the next question
    assertEquals(2, memory().history(conversation).size());
    assertTrue(memory().history(conversation).get(0).text().startsWith("How much"));
    assertTrue(recent().get("answer-nul").orElseThrow().question().startsWith("How much"));
    assertEquals(RateLimits.Verdict.ADMITTED, state.rateLimits(10, 1_000).take("web:mallory\u0000"));
  }

  @Test
  void shouldForgetAConversationAfterTheIdleTime() {
    // given
    memory().record("web:alex|c1", Turn.employee("How much leave?"), Turn.bot("25 days."));

    // when just under the limit, then it is kept
    clock.advance(ConversationMemory.IDLE.minusMinutes(1));
    assertEquals(2, memory().history("web:alex|c1").size());

    // when past it, then it is gone
    clock.advance(Duration.ofMinutes(2));
    assertEquals(List.of(), memory().history("web:alex|c1"));
  }

  @Test
  void shouldGiveBackTheWholeReplyForTheButtons() {
    // when
    recent().put("answer-1", "Wie viel Urlaub habe ich?", APPROVED);

    // then the reply comes back equal: text, citations, flags, notices, approval, language
    RecentAnswers.Answered answered = recent().get("answer-1").orElseThrow();
    assertEquals("Wie viel Urlaub habe ich?", answered.question());
    assertEquals(APPROVED, answered.reply());
    assertTrue(recent().get("answer-unknown").isEmpty());
    assertTrue(recent().get(null).isEmpty());
  }

  @Test
  void shouldCutTheQuestionOfARecentAnswer() {
    // when
    recent().put("answer-2", "q".repeat(RecentAnswers.MAX_QUESTION_CHARS + 500), answer("25 days."));

    // then
    assertEquals(RecentAnswers.MAX_QUESTION_CHARS, recent().get("answer-2").orElseThrow().question().length());
  }

  @Test
  void shouldForgetARecentAnswerAfterADay() {
    // given
    recent().put("answer-3", "How much leave?", answer("25 days."));

    // when
    clock.advance(RecentAnswers.KEPT.minusMinutes(1));
    boolean keptJustBefore = recent().get("answer-3").isPresent();
    clock.advance(Duration.ofMinutes(2));

    // then
    assertTrue(keptJustBefore);
    assertTrue(recent().get("answer-3").isEmpty());
  }

  @Test
  void shouldRefuseTheEleventhQuestionOfAnAskerInAMinuteOnly() {
    // given
    RateLimits limits = state.rateLimits(10, 1_000);

    // when
    for (int i = 0; i < 10; i++) {
      assertEquals(RateLimits.Verdict.ADMITTED, limits.take("slack:T1:U1"), "question " + (i + 1));
    }
    RateLimits.Verdict eleventh = limits.take("slack:T1:U1");
    RateLimits.Verdict someoneElse = limits.take("slack:T1:U2");
    clock.advance(Duration.ofSeconds(61));
    RateLimits.Verdict aMinuteLater = limits.take("slack:T1:U1");

    // then
    assertEquals(RateLimits.Verdict.ASKER_LIMIT, eleventh);
    assertEquals(RateLimits.Verdict.ADMITTED, someoneElse);
    assertEquals(RateLimits.Verdict.ADMITTED, aMinuteLater);
  }

  @Test
  void shouldBoundAllAskersTogether() {
    // given 10 a minute per asker, 5 a minute for everyone
    RateLimits limits = state.rateLimits(10, 5);

    // when 8 askers ask once each
    int admitted = 0;
    for (int i = 0; i < 8; i++) {
      RateLimits.Verdict verdict = limits.take("web:10.0.0." + i);
      admitted += verdict == RateLimits.Verdict.ADMITTED ? 1 : 0;
      assertTrue(verdict != RateLimits.Verdict.ASKER_LIMIT, verdict.name());
    }

    // then
    assertEquals(5, admitted);
    clock.advance(Duration.ofSeconds(61));
    assertEquals(RateLimits.Verdict.ADMITTED, limits.take("web:10.0.0.99"));
  }

  @Test
  void shouldNameTheAnswerASentTeamsMessageCarries() {
    // when two messages are sent, one of them first as a stream and then finished under the same id
    cards().sent("1700000000001", "answer-1");
    cards().sent("1700000000002", "answer-2");
    cards().sent("1700000000002", "answer-2");

    // then Teams' own thumb, which names only the message, finds each message's answer
    assertEquals(Optional.of("answer-1"), cards().answerOfMessage("1700000000001"));
    assertEquals(Optional.of("answer-2"), cards().answerOfMessage("1700000000002"));
    assertEquals(Optional.empty(), cards().answerOfMessage("1700000000099"));
    assertEquals(Optional.empty(), cards().answerOfMessage(null));
  }

  @Test
  void shouldRememberWhatWasPressedOnACard() {
    // given a fresh card
    assertEquals(SentCards.CardState.FRESH, cards().state("answer-1"));

    // when 👍 and then Talk to HR are pressed
    SentCards.CardState thanked = cards().state("answer-1").withFeedback("Thanks for the feedback!");
    cards().update("answer-1", thanked);
    SentCards.CardState escalated = cards().state("answer-1").withEscalation("HR will get back to you.");
    cards().update("answer-1", escalated);

    // then the card's state holds both, in order; other cards stay fresh
    assertEquals(new SentCards.CardState(true, true, List.of("Thanks for the feedback!", "HR will get back to you.")),
        cards().state("answer-1"));
    assertEquals(SentCards.CardState.FRESH, cards().state("answer-2"));
    assertEquals(SentCards.CardState.FRESH, cards().state(null));
  }

  @Test
  void shouldForgetSentCardsAfterADay() {
    // given
    cards().sent("1700000000003", "answer-3");
    cards().update("answer-3", SentCards.CardState.FRESH.withFeedback("Thanks!"));

    // when just under a day, then both are kept
    clock.advance(SentCards.KEPT.minusMinutes(1));
    assertEquals(Optional.of("answer-3"), cards().answerOfMessage("1700000000003"));
    assertTrue(cards().state("answer-3").feedbackGiven());

    // when past it, then both are gone
    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), cards().answerOfMessage("1700000000003"));
    assertEquals(SentCards.CardState.FRESH, cards().state("answer-3"));
  }

  @Test
  void shouldKeepACardWhoseIdsCarryANulCharacter() {
    // when a hostile activity names a message and an answer with NUL characters
    cards().sent("17000\u0000000004", "answer\u0000-4");
    cards().update("answer\u0000-4", SentCards.CardState.FRESH.withFeedback("Thanks\u0000!"));

    // then the store keeps working (a store may drop the NUL)
    assertTrue(cards().answerOfMessage("17000\u0000000004").orElseThrow().startsWith("answer"));
    assertTrue(cards().state("answer\u0000-4").feedbackGiven());
    cards().sent("1700000000005", "answer-5");
    assertEquals(Optional.of("answer-5"), cards().answerOfMessage("1700000000005"));
  }
}

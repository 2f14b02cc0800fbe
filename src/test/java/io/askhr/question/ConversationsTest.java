package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversationsTest {

  private static final Asker ALEX = Asker.anonymous("web:alex");
  private final List<Question> asked = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();

  private Conversations conversations(Reply... replies) {
    List<Reply> queue = new ArrayList<>(List.of(replies));
    return new Conversations(question -> {
      asked.add(question);
      return queue.remove(0);
    }, (answerId, question, reply, took) -> logged.add(answerId + "|" + question.text()));
  }

  private static Reply answer(String text, Reply.Flag... flags) {
    return new Reply(text, List.of(), 0.8, Set.of(flags), Reply.Mode.EXTRACTIVE, List.of());
  }

  @Test
  void shouldHandTheEarlierTurnsToAFollowUp() {
    // given
    Conversations conversations = conversations(answer("25 days a year."), answer("Yes, up to 5 days."));

    // when
    Conversations.Answered first = conversations.answer(
        Conversations.Ask.of("web:alex|c1", "How much annual leave do I get?", ALEX, Platform.WEB));
    Conversations.Answered second = conversations.answer(
        Conversations.Ask.of("web:alex|c1", "Can I carry some over?", ALEX, Platform.WEB));

    // then the follow-up saw the first exchange, and each answer got its own id, logged once
    assertEquals(List.of(), asked.get(0).history());
    assertEquals(List.of(Turn.employee("How much annual leave do I get?"), Turn.bot("25 days a year.")),
        asked.get(1).history());
    assertNotEquals(first.answerId(), second.answerId());
    assertEquals(List.of(first.answerId() + "|How much annual leave do I get?",
        second.answerId() + "|Can I carry some over?"), logged);
    assertTrue(conversations.knows("web:alex|c1"));
    assertFalse(conversations.knows("web:alex|c2"));
  }

  @Test
  void shouldKeepARefusalForItsButtonsButNeitherRememberNorLogIt() {
    // given
    Conversations conversations = conversations(Reply.refusal("Please ask again in a minute."));

    // when
    Conversations.Answered refused = conversations.answer(
        Conversations.Ask.of("slack:T:C:1", "How much leave?", ALEX, Platform.SLACK));

    // then
    assertFalse(conversations.knows("slack:T:C:1"));
    assertEquals(List.of(), logged);
    assertEquals("How much leave?", conversations.recent(refused.answerId()).orElseThrow().question());
  }

  @Test
  void shouldNotRememberASensitiveAnswerInASharedConversation() {
    // given
    Conversations conversations = conversations(answer("Contact HR privately.", Reply.Flag.SENSITIVE));

    // when
    Conversations.Answered answered = conversations.answer(new Conversations.Ask("teams:channel-thread",
        "My manager harasses me", ALEX, Platform.TEAMS, true));
    conversations.remember("teams:private", "My manager harasses me", answered.reply());

    // then the turn lives in the private chat only; HR still sees that it was answered
    assertFalse(conversations.knows("teams:channel-thread"));
    assertTrue(conversations.knows("teams:private"));
    assertEquals(1, logged.size());
  }

  @Test
  void shouldCutAHugeQuestionBeforeKeepingItForTheButtons() {
    // given
    Conversations conversations = conversations(answer("25 days a year."));

    // when
    Conversations.Answered answered = conversations.answer(
        Conversations.Ask.of("web:alex|c1", "x".repeat(100_000), ALEX, Platform.WEB));

    // then
    assertEquals(RecentAnswers.MAX_QUESTION_CHARS,
        conversations.recent(answered.answerId()).orElseThrow().question().length());
  }

  @Test
  void shouldAnswerEvenWhenTheAnswerLogFails() {
    // given a log that cannot write
    Conversations conversations = new Conversations(question -> answer("25 days a year."),
        (answerId, question, reply, took) -> {
          throw new IllegalStateException("database down");
        });

    // when
    Conversations.Answered answered = conversations.answer(
        Conversations.Ask.of("web:alex|c1", "How much leave?", ALEX, Platform.WEB));

    // then
    assertEquals("25 days a year.", answered.reply().text());
    assertTrue(conversations.knows("web:alex|c1"));
  }
}

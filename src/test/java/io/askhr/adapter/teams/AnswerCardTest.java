package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import io.askhr.question.Citation;
import io.askhr.question.Messages;
import io.askhr.question.Reply;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerCardTest {

  static final Citation PDF_PAGE = new Citation(2, "benefits/guide.pdf", "Benefits guide", "", 7, Optional.empty(),
      Optional.empty(), "…");

  @Test
  void shouldCiteThePageOfAPagedDocumentWithoutALinkWhenThereIsNoUrl() {
    // given
    Reply reply = new Reply("See [2].", List.of(PDF_PAGE), 0.6, Set.of(), Reply.Mode.LLM, List.of("Shortened."));

    // when
    ObjectNode card = AnswerCard.answer("a1", reply, true, true, List.of());

    // then
    assertEquals("[2] Benefits guide · p. 7", AnswerCard.source(PDF_PAGE));
    String json = card.toString();
    assertTrue(json.contains("[2] Benefits guide · p. 7"));
    assertTrue(json.contains("Shortened."));
    assertFalse(json.contains("Action.OpenUrl"));
  }

  @Test
  void shouldLabelAGermanReplyInGermanOnTheCardAndInTheAiMessage() {
    // given
    Citation dated = new Citation(1, "leave/bereavement.md", "Sonderurlaub", "", 3,
        Optional.of(LocalDate.of(2026, 1, 1)), Optional.empty(), "fünf Tage");
    Reply reply = new Reply("Sie erhalten fünf Tage [1].", List.of(dated), 0.8, Set.of(), Reply.Mode.EXTRACTIVE,
        List.of(), Locale.GERMAN);

    // when
    ObjectNode card = AnswerCard.answer("a1", reply, true, true, List.of());
    Activity chat = AnswerMessage.of("a1", reply, true);
    Activity channel = AnswerMessage.of("a1", reply, false);

    // then: the card in a channel
    assertEquals(List.of("👍 Hilfreich", "👎 Nicht hilfreich", "Mit HR sprechen"),
        card.path("actions").findValuesAsText("title"));
    assertEquals(card, channel.getAttachments().get(0).getContent());
    assertTrue(card.toString().contains("\"Quellen\""), card.toString());
    assertTrue(card.toString().contains("[1] Sonderurlaub · S. 3 · gültig ab 2026-01-01"), card.toString());
    assertFalse(card.toString().contains("Helpful") || card.toString().contains("Sources"), card.toString());
    // and the AI message in a chat: its follow-up card and its citation chips
    ObjectNode followUp = (ObjectNode) chat.getAttachments().get(0).getContent();
    assertEquals(List.of("Mit HR sprechen"), followUp.path("actions").findValuesAsText("title"));
    assertEquals(List.of("S. 3", "gültig ab 2026-01-01"), AiMessage.keywords(dated, Messages.of(Locale.GERMAN)));
    assertTrue(AiMessage.entity(reply, true).toString().contains("gültig ab 2026-01-01"));
  }

  @Test
  void shouldDropAnsweredButtonsAndShowTheStatus() {
    // given
    Reply reply = new Reply("See [2].", List.of(PDF_PAGE), 0.6, Set.of(), Reply.Mode.LLM, List.of());

    // when
    ObjectNode card = AnswerCard.answer("a1", reply, false, true, List.of("Thanks for your feedback."));

    // then
    assertEquals(List.of("Talk to HR"), card.path("actions").findValuesAsText("title"));
    assertEquals("talk_to_hr", card.path("actions").path(0).path("data").path("askhr").asText());
    assertEquals("a1", card.path("actions").path(0).path("data").path("answerId").asText());
    assertTrue(card.toString().contains("Thanks for your feedback."));
  }

  @Test
  void shouldMakeTalkToHrProminentWhenEscalationIsSuggested() {
    // given
    Reply reply = new Reply("Please talk to HR.", List.of(), 0.2,
        Set.of(Reply.Flag.NOT_COVERED, Reply.Flag.ESCALATION_SUGGESTED), Reply.Mode.EXTRACTIVE, List.of());

    // when
    ObjectNode card = AnswerCard.answer("a1", reply, true, true, List.of());

    // then
    assertEquals("positive", card.path("actions").path(2).path("style").asText());
    assertFalse(card.toString().contains("Sources"));
  }

  @Test
  void shouldStripTheBotMentionFromTheQuestion() {
    // given
    Activity activity = Activity.createMessageActivity();
    activity.setText("<at>AskHR</at> how much leave do I get?");
    activity.setRecipient(new ChannelAccount("28:askhr", "AskHR"));
    Mention mention = new Mention();
    mention.setMentioned(new ChannelAccount("28:askhr", "AskHR"));
    mention.setText("<at>AskHR</at>");
    activity.setEntities(List.of(Entity.getAs(mention, Entity.class)));

    // when
    String question = TeamsBot.questionText(activity);

    // then
    assertEquals("how much leave do I get?", question);
  }

  @Test
  void shouldOpenOnlyHttpDocumentUrls() {
    // given: a document whose url HR got wrong, or someone made hostile
    Citation hostile = new Citation(1, "leave/a.md", "Annual leave", "", 0, Optional.empty(),
        Optional.of("javascript:alert(document.cookie)"), "…");
    Citation fine = new Citation(2, "leave/b.md", "Parental leave", "", 0, Optional.empty(),
        Optional.of("https://intranet.example/parental"), "…");
    Reply reply = new Reply("See [1] and [2].", List.of(hostile, fine), 0.6, Set.of(), Reply.Mode.LLM, List.of());

    // when
    String json = AnswerCard.answer("a1", reply, true, true, List.of()).toString();

    // then
    assertFalse(json.contains("javascript:"), json);
    assertTrue(json.contains("\"url\":\"https://intranet.example/parental\""), json);
  }
}

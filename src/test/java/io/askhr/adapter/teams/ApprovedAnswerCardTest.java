package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.question.Reply;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovedAnswerCardTest {

  @Test
  void shouldLabelAnHrApprovedAnswerAboveItsText() {
    // given
    Reply reply = new Reply("You can still move internally.", List.of(), 1.0, Set.of(), Reply.Mode.EXTRACTIVE,
        List.of(), Optional.of(new Reply.Approval("Workforce Committee", LocalDate.parse("2026-11-01"))));

    // when
    ObjectNode card = AnswerCard.answer("a1", reply, true, true, List.of());

    // then
    assertEquals("✅ Approved by HR · Workforce Committee · 2026-11-01", card.path("body").get(0).path("text").asText());
    assertEquals("You can still move internally.", card.path("body").get(1).path("text").asText());
  }

  @Test
  void shouldLabelAFrenchApprovedAnswerInFrench() {
    // given
    Reply reply = new Reply("Vous pouvez changer de poste en interne.", List.of(), 1.0, Set.of(),
        Reply.Mode.EXTRACTIVE, List.of(), Optional.of(new Reply.Approval("Workforce Committee",
        LocalDate.parse("2026-11-01"))), Locale.FRENCH);

    // when
    ObjectNode card = AnswerCard.answer("a1", reply, true, true, List.of());

    // then
    assertEquals("✅ Validé par les RH · Workforce Committee · 2026-11-01",
        card.path("body").get(0).path("text").asText());
  }

  @Test
  void shouldNotLabelAComposedAnswer() {
    Reply reply = new Reply("Quoted.", List.of(), 0.5, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
    assertFalse(AnswerCard.answer("a1", reply, true, true, List.of()).toString().contains("Approved by HR"));
  }
}

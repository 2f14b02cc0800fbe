package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.askhr.question.Reply;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovedAnswerBlocksTest {

  private static List<String> contexts(List<LayoutBlock> blocks) {
    return blocks.stream().filter(ContextBlock.class::isInstance).map(ContextBlock.class::cast)
        .flatMap(c -> c.getElements().stream()).filter(MarkdownTextObject.class::isInstance)
        .map(e -> ((MarkdownTextObject) e).getText()).toList();
  }

  @Test
  void shouldLabelAnHrApprovedAnswerWithItsOwnerAndDate() {
    // given
    Reply reply = new Reply("You can still move internally.", List.of(), 1.0, Set.of(), Reply.Mode.EXTRACTIVE,
        List.of(), Optional.of(new Reply.Approval("Workforce Committee", LocalDate.parse("2026-11-01"))));

    // when
    List<LayoutBlock> blocks = AnswerBlocks.answer(reply, "a1", "q", false);

    // then
    assertTrue(contexts(blocks).contains("✅ *Approved by HR · Workforce Committee · 2026-11-01*"),
        contexts(blocks).toString());
  }

  @Test
  void shouldLabelAGermanApprovedAnswerInGermanWithItsOwnerAndDate() {
    // given
    Reply reply = new Reply("Sie können intern wechseln.", List.of(), 1.0, Set.of(), Reply.Mode.EXTRACTIVE,
        List.of(), Optional.of(new Reply.Approval("Workforce Committee", LocalDate.parse("2026-11-01"))),
        Locale.GERMAN);

    // when
    List<LayoutBlock> blocks = AnswerBlocks.answer(reply, "a1", "q", false);

    // then
    assertTrue(contexts(blocks).contains("✅ *Von HR freigegeben · Workforce Committee · 2026-11-01*"),
        contexts(blocks).toString());
  }

  @Test
  void shouldNotLabelAComposedAnswer() {
    Reply reply = new Reply("Quoted.", List.of(), 0.5, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
    assertFalse(contexts(AnswerBlocks.answer(reply, "a1", "q", false)).stream()
        .anyMatch(t -> t.contains("Approved by HR")));
  }
}

package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.askhr.question.Citation;
import io.askhr.question.Messages;
import io.askhr.question.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerBlocksTest {

  private static List<SectionBlock> sections(List<LayoutBlock> blocks) {
    return blocks.stream().filter(SectionBlock.class::isInstance).map(SectionBlock.class::cast).toList();
  }

  @Test
  void shouldLabelAGermanReplysButtonsAndSourcesInGerman() {
    // given
    Reply english = SlackEventsApiTest.answer("x");
    Reply reply = new Reply("Sie erhalten 25 Tage [1].", english.citations(), 0.7, Set.of(), Reply.Mode.EXTRACTIVE,
        List.of(), Locale.GERMAN);

    // when
    List<LayoutBlock> blocks = AnswerBlocks.answer(reply, "a1", "q", true);

    // then
    ActionsBlock actions = (ActionsBlock) blocks.get(blocks.size() - 1);
    assertEquals(List.of("👍 Hilfreich", "👎 Nicht hilfreich", "Mit HR sprechen", "Im Kanal teilen"),
        actions.getElements().stream().map(e -> ((ButtonElement) e).getText()
            .getText()).toList());
    String sources = AnswerBlocks.sources(reply.citations(), Messages.of(Locale.GERMAN));
    assertTrue(sources.startsWith("*Quellen*\n[1] "), sources);
    assertTrue(sources.endsWith(" · gültig ab 2026-01-01"), sources);
  }

  @Test
  void shouldSplitALongAnswerIntoSectionsOfAtMost3000CharactersAtWordBreaks() {
    // given
    String paragraph = "Employees whose role changes keep their pay for twelve months [1]. ".repeat(45);
    Reply reply = SlackEventsApiTest.answer(paragraph + "\n\n" + paragraph + "\n\n" + paragraph);

    // when
    List<LayoutBlock> blocks = AnswerBlocks.answer(reply, "a1", "q", false);

    // then
    List<SectionBlock> sections = sections(blocks);
    assertTrue(sections.size() >= 3, "sections: " + sections.size());
    sections.forEach(s -> assertTrue(s.getText().getText().length() <= AnswerBlocks.MAX_SECTION_CHARS));
    sections.forEach(s -> assertTrue(s.getText().getText().endsWith("."), s.getText().getText()));
    String joined = String.join(" ", sections.stream().map(s -> s.getText().getText()).toList());
    assertEquals(reply.text().replaceAll("\\s+", " ").strip(), joined.replaceAll("\\s+", " "));
  }

  @Test
  void shouldNeverExceedFiftyBlocksAndKeepTheButtons() {
    // given an answer of 300,000 characters
    Reply reply = SlackEventsApiTest.answer("word ".repeat(60_000));

    // when
    List<LayoutBlock> blocks = AnswerBlocks.answer(reply, "a1", "q", false);

    // then
    assertEquals(AnswerBlocks.MAX_BLOCKS, blocks.size());
    assertTrue(blocks.get(blocks.size() - 1) instanceof ActionsBlock);
    SectionBlock last = sections(blocks).get(sections(blocks).size() - 1);
    assertTrue(last.getText().getText().endsWith("(shortened; see the sources)"));
    assertTrue(last.getText().getText().length() <= AnswerBlocks.MAX_SECTION_CHARS);
  }

  @Test
  void shouldCarryTheAnswerIdAndTheQuestionInTheTalkToHrButton() {
    // given
    String question = "x".repeat(5000);

    // when
    ActionsBlock actions = (ActionsBlock) AnswerBlocks.answer(SlackEventsApiTest.answer("a [1]"), "id-42", question,
        false).stream().filter(ActionsBlock.class::isInstance).findFirst().orElseThrow();
    String value = ((com.slack.api.model.block.element.ButtonElement) actions.getElements().get(2)).getValue();

    // then
    assertTrue(value.length() <= 2000);
    assertEquals("id-42", AnswerBlocks.answerIdOf(value));
    assertEquals(1500, AnswerBlocks.questionOf(value).length());
  }

  @Test
  void shouldOfferNoButtonsForAUsageHint() {
    // when
    List<LayoutBlock> blocks = AnswerBlocks.answer(SlackEventsApiTest.answer("Ask me a question about HR policies.",
        Reply.Flag.USAGE_HINT), "a1", "", false);

    // then
    assertTrue(blocks.stream().noneMatch(ActionsBlock.class::isInstance));
  }

  @Test
  void shouldLinkOnlyHttpDocumentUrlsAndEscapeThem() {
    // given
    Citation script = new Citation(1, "a.md", "Annual leave", "", 0, Optional.empty(),
        Optional.of("javascript:alert(1)"), "…");
    Citation markup = new Citation(2, "b.md", "Parental leave", "", 0, Optional.empty(),
        Optional.of("https://intranet.example/p?a=1&b=<2>|evil"), "…");

    // when
    String sources = AnswerBlocks.sources(List.of(script, markup));

    // then: a bad URL is never linked, and a good one cannot break out of Slack's <url|label>
    assertTrue(sources.contains("[1] Annual leave"), sources);
    assertFalse(sources.contains("javascript:"), sources);
    assertFalse(sources.contains("<2>") || sources.contains("|evil"), sources);
    assertTrue(Citation.isWebLink("https://intranet.example/p"));
    assertFalse(Citation.isWebLink("https://intranet.example@evil.example/p"));
  }
}

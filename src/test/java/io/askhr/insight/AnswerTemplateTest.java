package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTemplateTest {

  @Test
  void shouldPrefillTheQuestionsAndLeaveEveryOtherFieldToHr() {
    // given
    InsightReport.Gap gap = new InsightReport.Gap(5, 2, 2, 1, 0,
        List.of("is my job safe?", "am i getting \"let go\"?\nasking for a friend", "C:\\ path # not a comment"));

    // when
    String file = AnswerTemplate.forGap(gap, LocalDate.of(2026, 11, 30));

    // then
    assertTrue(file.startsWith("---\n# Drafted from a knowledge gap on the AskHR dashboard on 2026-11-30: 5 questions"
        + " (2 not covered, 2 hedged, 1 not helpful, 0 escalated).\n"), file);
    assertTrue(file.contains("questions:\n"
        + "  - \"is my job safe?\"\n"
        + "  - \"am i getting \\\"let go\\\"? asking for a friend\"\n"
        + "  - \"C:\\\\ path # not a comment\"\n"
        + "owner: TODO\n"), file);
    assertTrue(file.contains("\naudience: TODO"), file);
    assertTrue(file.contains("\nsources:\n  - TODO"), file);
    assertTrue(file.endsWith("---\n\nTODO: the answer employees should read, in plain words.\n"), file);
  }

  @Test
  void shouldQuoteEveryQuestionAsAYamlString() {
    assertEquals("\"a: b\"", AnswerTemplate.yamlString("a: b"));
    assertEquals("\"tab and line\"", AnswerTemplate.yamlString("tab\tand\u2028line"));
  }
}

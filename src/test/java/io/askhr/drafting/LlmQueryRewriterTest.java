package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.testing.FixedTranslations;
import io.askhr.testing.LoopbackChatServer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rewrite call on a loopback model: questions in another language come back in English for the search. */
class LlmQueryRewriterTest {

  private static LlmQueryRewriter rewriter(LoopbackChatServer model) {
    return new LlmQueryRewriter(OpenAiChatModel.builder().baseUrl(model.baseUrl()).apiKey("k").modelName("m")
        .maxRetries(0).build());
  }

  @Test
  void shouldAskTheModelForAnEnglishQuestionWhenTheEmployeeWroteInAnotherLanguage() throws Exception {
    try (LoopbackChatServer model = new LoopbackChatServer()) {
      // given
      model.replyWith(new FixedTranslations(Map.of("Hur lång är min uppsägningstid?", "How long is my notice period?")));

      // when
      String query = rewriter(model).standalone("Hur lång är min uppsägningstid?", List.of(), Locale.forLanguageTag("sv"));

      // then
      assertEquals("How long is my notice period?", query);
      assertEquals(1, model.requests().size());
      assertTrue(model.lastPrompt().contains("Write the question in English"), model.lastPrompt());
    }
  }

  @Test
  void shouldNotCallTheModelForAFirstQuestionInEnglish() throws Exception {
    try (LoopbackChatServer model = new LoopbackChatServer()) {
      assertEquals("How long is my notice period?",
          rewriter(model).standalone("How long is my notice period?", List.of(), Locale.ENGLISH));
      assertEquals(0, model.requests().size());
    }
  }

  @Test
  void shouldSearchTheQuestionAsWrittenWhenTheModelFails() throws Exception {
    try (LoopbackChatServer model = new LoopbackChatServer()) {
      // given
      model.status(500);

      // then
      assertEquals("Hur lång är min uppsägningstid?",
          rewriter(model).standalone("Hur lång är min uppsägningstid?", List.of(), Locale.forLanguageTag("sv")));
    }
  }
}

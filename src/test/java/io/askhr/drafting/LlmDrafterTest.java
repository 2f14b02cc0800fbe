package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.testing.LoopbackChatServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmDrafterTest {

  LoopbackChatServer server;

  static final PolicyPassage SEVERANCE = new PolicyPassage("reorganisation/severance.md#0",
      "reorganisation/severance.md", "Severance pay", List.of("Severance pay", "Formula"), 0,
      Optional.of(LocalDate.of(2026, 3, 1)), Set.of("everyone"), Set.of(), Optional.empty(),
      "Severance is three weeks of base pay for each complete year of service.");
  static final PolicyPassage LEAVE = new PolicyPassage("leave/annual-leave.md#0", "leave/annual-leave.md",
      "Annual leave", List.of("Annual leave", "Entitlement"), 0, Optional.empty(), Set.of("everyone"), Set.of("GB"),
      Optional.empty(), "Full-time employees receive 27 days of paid annual leave.");

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmDrafter drafter(Duration timeout) {
    return new LlmDrafter(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("test-model")
        .timeout(timeout).maxRetries(0).build(), "Brightwater Systems", "the People team");
  }

  private static DraftRequest request(boolean sensitive) {
    return new DraftRequest("How is severance calculated?", "How is severance calculated?", List.of(SEVERANCE, LEAVE),
        sensitive);
  }

  @Test
  void shouldSendTheNumberedPassagesAndTheQuestionToTheModel() {
    // given
    server.replyWith("Three weeks of base pay per complete year of service [1].");

    // when
    Draft draft = drafter(Duration.ofSeconds(5)).draft(request(false));

    // then
    String prompt = server.lastPrompt();
    assertTrue(prompt.contains("[1] Severance pay — Severance pay › Formula (effective 2026-03-01)"), prompt);
    assertTrue(prompt.contains("[2] Annual leave — Annual leave › Entitlement (applies in GB)"), prompt);
    assertTrue(prompt.contains("Severance is three weeks of base pay"), prompt);
    assertTrue(prompt.contains("<question>\nHow is severance calculated?\n</question>"), prompt);
    assertEquals("test-model", server.requests().get(0).get("model").asText());
    assertEquals(List.of(1), draft.cited());
    assertEquals("Three weeks of base pay per complete year of service " + Draft.marker(1) + ".", draft.text());
  }

  @Test
  void shouldStripPhantomCitationsFromTheModelsAnswer() {
    // given
    server.replyWith("Three weeks per year [1], and a company car [5].");

    // when
    Draft draft = drafter(Duration.ofSeconds(5)).draft(request(false));

    // then
    assertEquals("Three weeks per year " + Draft.marker(1) + ", and a company car.", draft.text());
    assertEquals(List.of(1), draft.cited());
  }

  @Test
  void shouldTreatTheNotCoveredMarkerAsNoAnswer() {
    // given
    server.replyWith("NOT_COVERED");

    // when
    Draft draft = drafter(Duration.ofSeconds(5)).draft(request(false));

    // then
    assertTrue(draft.notCovered());
  }

  @Test
  void shouldAddTheSensitiveRulesOnlyForSensitiveQuestions() {
    // given
    server.replyWith("General policy [1].");

    // when
    drafter(Duration.ofSeconds(5)).draft(request(true));
    String sensitivePrompt = server.lastPrompt();
    drafter(Duration.ofSeconds(5)).draft(request(false));
    String plainPrompt = server.lastPrompt();

    // then
    assertTrue(sensitivePrompt.contains("Do not") && sensitivePrompt.contains("speculate about the employee's own case"));
    assertTrue(sensitivePrompt.contains("the People team can look at their individual situation"), sensitivePrompt);
    assertTrue(!plainPrompt.contains("speculate about the employee's own case"));
  }

  @Test
  void shouldFailWithADraftingErrorWhenTheModelIsTooSlow() {
    // given
    server.replyWith("late").delay(Duration.ofSeconds(3));

    // when / then
    assertThrows(DraftingFailedException.class, () -> drafter(Duration.ofMillis(500)).draft(request(false)));
  }

  @Test
  void shouldFailWithADraftingErrorWhenTheModelServerErrs() {
    // given
    server.status(500);

    // when
    DraftingFailedException e =
        assertThrows(DraftingFailedException.class, () -> drafter(Duration.ofSeconds(5)).draft(request(false)));

    // then: the reason is safe to log: status only, not the provider's message
    assertTrue(e.reason().contains("HTTP 500"), e.reason());
    assertTrue(!e.reason().contains("test failure"), e.reason());
  }
}

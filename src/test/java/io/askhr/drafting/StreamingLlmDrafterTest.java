package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.askhr.testing.LoopbackChatServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingLlmDrafterTest {

  LoopbackChatServer server;
  ResilientChatModel resilient;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackChatServer().streamEvery(Duration.ofMillis(5));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private StreamingLlmDrafter drafter(Duration idle) {
    resilient = new ResilientChatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
        .modelName("m").maxRetries(0).build(), 4, Duration.ofSeconds(1),
        ResilientChatModel.breakerConfig(Duration.ofSeconds(30)));
    OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
        .modelName("m").timeout(Duration.ofSeconds(5)).build();
    return new StreamingLlmDrafter(resilient.streaming(streaming, idle), new LlmDrafter(resilient, "Brightwater Systems",
        "the People team"), Duration.ofSeconds(10));
  }

  private static DraftRequest request() {
    return new DraftRequest("How is severance calculated?", "How is severance calculated?",
        List.of(LlmDrafterTest.SEVERANCE, LlmDrafterTest.LEAVE), false);
  }

  @Test
  void shouldHandOverEachCheckedSentenceAndReturnTheirConcatenation() {
    // given
    server.replyWith("Severance is three weeks of base pay per year [1]. Part years do not count [1, 7].\n\n"
        + "- Leave is separate [2].");
    List<String> pieces = new CopyOnWriteArrayList<>();

    // when
    Draft draft = drafter(Duration.ofSeconds(5)).draft(request(), pieces::add);

    // then
    assertEquals(List.of("Severance is three weeks of base pay per year " + Draft.marker(1) + ".",
        " Part years do not count " + Draft.marker(1) + ".", "\n\n- Leave is separate " + Draft.marker(2) + "."),
        pieces);
    assertEquals(String.join("", pieces), draft.text());
    assertEquals(List.of(1, 2), draft.cited());
    assertTrue(server.requests().get(0).path("stream").asBoolean(), "the model was asked to stream");
  }

  @Test
  void shouldStopTheStreamWhenASentenceRepeatsTheInstructions() {
    // given: the second sentence quotes the system prompt's rules
    String rules = Prompts.load("answer-system.md").replaceAll("\\{\\{[^}]*}}", "x").replaceAll("\\s+", " ");
    String leaked = rules.substring(0, Math.min(rules.length(), 200));
    server.replyWith("Severance is three weeks of base pay per year [1]. " + leaked);
    List<String> pieces = new CopyOnWriteArrayList<>();

    // when / then
    DraftingFailedException e = assertThrows(DraftingFailedException.class,
        () -> drafter(Duration.ofSeconds(5)).draft(request(), pieces::add));
    assertEquals("model reply repeated its instructions", e.reason());
    assertEquals(1, pieces.size(), "only the sentence before the leak was shown: " + pieces);
  }

  @Test
  void shouldShowNothingWhenTheModelSaysNotCovered() {
    // given
    server.replyWith("NOT_COVERED");
    List<String> pieces = new CopyOnWriteArrayList<>();

    // when
    Draft draft = drafter(Duration.ofSeconds(5)).draft(request(), pieces::add);

    // then
    assertTrue(draft.notCovered());
    assertEquals(List.of(), pieces);
  }

  @Test
  void shouldFailAQuietStreamAfterTheIdleTimeout() {
    // given: the model takes longer to start than the idle timeout allows
    server.replyWith("Severance is three weeks [1].").delay(Duration.ofMillis(1500));

    // when
    DraftingFailedException e = assertThrows(DraftingFailedException.class,
        () -> drafter(Duration.ofMillis(300)).draft(request(), p -> {}));

    // then it failed at the idle timeout, not when the late reply came
    Throwable cause = e;
    while (cause != null && !(cause instanceof java.util.concurrent.TimeoutException)) {
      cause = cause.getCause();
    }
    assertTrue(cause != null && cause.getMessage().contains("within 300 ms"), () -> "not the idle timeout: " + e);
  }
}

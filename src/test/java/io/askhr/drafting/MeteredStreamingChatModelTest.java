package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MeteredStreamingChatModelTest {

  final List<String> reported = new ArrayList<>();
  final ModelMetrics metrics = new ModelMetrics() {
    @Override
    public void called(Duration took, int inputTokens, int outputTokens) {
      reported.add("called " + inputTokens + "/" + outputTokens + (took.isNegative() ? " negative" : ""));
    }

    @Override
    public void failed(Duration took, String errorType) {
      reported.add("failed " + errorType);
    }
  };
  final ChatRequest request = ChatRequest.builder().messages(UserMessage.from("How much annual leave?")).build();

  @Test
  void shouldReportAFinishedStreamWithItsTokensAndPassEveryTokenOn() throws Exception {
    // given a model that streams two tokens and reports its usage
    StreamingChatModel model = new Scripted(handler -> {
      handler.onPartialResponse("Twenty-five ");
      handler.onPartialResponse("days.");
      handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Twenty-five days."))
          .tokenUsage(new TokenUsage(120, 7)).build());
    });
    Collected collected = new Collected();

    // when
    new MeteredStreamingChatModel(model, metrics).chat(request, collected);

    // then
    assertEquals("Twenty-five days.", collected.text.toString());
    assertEquals("Twenty-five days.", collected.done.get(1, TimeUnit.SECONDS).aiMessage().text());
    assertEquals(List.of("called 120/7"), reported);
  }

  @Test
  void shouldReportAFailedStreamByItsErrorTypeAndPassTheErrorOn() throws Exception {
    // given
    StreamingChatModel model = new Scripted(handler ->
        handler.onError(new java.util.concurrent.TimeoutException("no token within 20000 ms")));
    Collected collected = new Collected();

    // when
    new MeteredStreamingChatModel(model, metrics).chat(request, collected);

    // then
    assertTrue(collected.done.isCompletedExceptionally());
    assertEquals(List.of("failed TimeoutException"), reported);
  }

  /** A model that plays a fixed script of stream events. */
  record Scripted(Consumer<StreamingChatResponseHandler> script) implements StreamingChatModel {
    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      script.accept(handler);
    }
  }

  /** Collects what the drafter would see. */
  static final class Collected implements StreamingChatResponseHandler {
    final StringBuilder text = new StringBuilder();
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String token) {
      text.append(token);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
      done.completeExceptionally(error);
    }
  }
}

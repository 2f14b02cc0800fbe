package io.askhr.drafting;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;

/**
 * A streaming chat model that reports each stream's latency (request to last token), token usage and failure to
 * {@link ModelMetrics}, as {@link MeteredChatModel} does for whole answers: Slack and Teams stream most answers.
 */
public final class MeteredStreamingChatModel implements StreamingChatModel {

  private final StreamingChatModel model;
  private final ModelMetrics metrics;

  public MeteredStreamingChatModel(StreamingChatModel model, ModelMetrics metrics) {
    this.model = model;
    this.metrics = metrics;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    long start = System.nanoTime();
    model.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String token) {
        handler.onPartialResponse(token);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        metrics.called(Duration.ofNanos(System.nanoTime() - start), response.tokenUsage());
        handler.onCompleteResponse(response);
      }

      @Override
      public void onError(Throwable error) {
        metrics.failed(Duration.ofNanos(System.nanoTime() - start), error.getClass().getSimpleName());
        handler.onError(error);
      }
    });
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return model.defaultRequestParameters();
  }
}

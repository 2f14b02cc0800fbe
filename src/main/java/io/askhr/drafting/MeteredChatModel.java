package io.askhr.drafting;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;

/** A chat model that reports each call's latency, token usage and failure to {@link ModelMetrics}. */
public final class MeteredChatModel implements ChatModel {

  private final ChatModel model;
  private final ModelMetrics metrics;

  public MeteredChatModel(ChatModel model, ModelMetrics metrics) {
    this.model = model;
    this.metrics = metrics;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    long start = System.nanoTime();
    ChatResponse response;
    try {
      response = model.chat(request);
    } catch (RuntimeException e) {
      metrics.failed(Duration.ofNanos(System.nanoTime() - start), e.getClass().getSimpleName());
      throw e;
    }
    metrics.called(Duration.ofNanos(System.nanoTime() - start), response.tokenUsage());
    return response;
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return model.defaultRequestParameters();
  }
}

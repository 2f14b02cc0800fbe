package io.askhr.drafting;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
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
    TokenUsage usage = response.tokenUsage();
    metrics.called(Duration.ofNanos(System.nanoTime() - start),
        usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    return response;
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return model.defaultRequestParameters();
  }
}

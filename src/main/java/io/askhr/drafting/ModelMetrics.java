package io.askhr.drafting;

import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;

/** What each call to the language model reports for operations: latency, tokens, failures. */
public interface ModelMetrics {

  /** Reports nothing. */
  ModelMetrics NONE = new ModelMetrics() {
    @Override
    public void called(Duration took, int inputTokens, int outputTokens) {}

    @Override
    public void failed(Duration took, String errorType) {}
  };

  /** A call that returned; token counts are 0 when the provider reports none. */
  void called(Duration took, int inputTokens, int outputTokens);

  /** A call that returned, with the usage the provider reported (none counts as 0 tokens). */
  default void called(Duration took, TokenUsage usage) {
    called(took, usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
  }

  /** A call that failed (after retries), named by exception type only. */
  void failed(Duration took, String errorType);
}

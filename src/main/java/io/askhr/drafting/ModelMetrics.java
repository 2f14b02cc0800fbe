package io.askhr.drafting;

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

  /** A call that failed (after retries), named by exception type only. */
  void failed(Duration took, String errorType);
}

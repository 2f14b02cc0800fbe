package io.askhr.config;

import java.time.Duration;

/**
 * How to reach an OpenAI-compatible chat model (OpenAI, Azure OpenAI v1, Ollama, vLLM, LM Studio).
 *
 * @param apiKey never logged; see {@link #toString()}
 */
public record LlmSettings(String baseUrl, String apiKey, String model, Duration timeout) {

  @Override
  public String toString() {
    return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + Settings.mask(apiKey) + ", model=" + model
        + ", timeout=" + timeout + "]";
  }
}

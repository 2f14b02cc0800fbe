package io.askhr.config;

import java.time.Duration;

/**
 * How to reach an OpenAI-compatible chat model (OpenAI, Azure OpenAI v1, Ollama, vLLM, LM Studio).
 *
 * @param apiKey never logged; see {@link #toString()}
 * @param timeout read timeout of one call
 * @param maxConcurrent model calls at once; further questions wait for a slot (and then answer extractively)
 */
public record LlmSettings(String baseUrl, String apiKey, String model, Duration timeout, int maxConcurrent) {

  /** The key sent when none is configured: local servers such as Ollama take any key; the OpenAI client needs one. */
  static final String NO_KEY = "not-needed";

  /** Scheme, host and port of a URL: what may be logged of it (a URL can carry credentials or an api-key). */
  public static String origin(String url) {
    try {
      java.net.URI uri = java.net.URI.create(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "(unparseable URL)";
    }
  }

  @Override
  public String toString() {
    return "LlmSettings[baseUrl=" + origin(baseUrl) + ", apiKey=" + Settings.mask(apiKey) + ", model=" + model
        + ", timeout=" + timeout + ", maxConcurrent=" + maxConcurrent + "]";
  }
}

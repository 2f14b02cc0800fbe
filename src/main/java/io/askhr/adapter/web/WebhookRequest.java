package io.askhr.adapter.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One HTTP request as a {@link Webhook} sees it.
 *
 * @param headers header names in lower case
 * @param query query parameters
 * @param body the raw body, at most the server's size limit
 */
public record WebhookRequest(Map<String, List<String>> headers, Map<String, List<String>> query, String body) {

  public WebhookRequest {
    headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
        e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()), (a, b) -> a));
    query = Map.copyOf(query);
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }
}

package io.askhr.adapter.web;

import java.util.Map;

/** What a {@link Webhook} answers: status, content type and body (empty for none). */
public record WebhookResponse(int status, String contentType, String body, Map<String, String> headers) {

  public WebhookResponse {
    headers = Map.copyOf(headers);
  }

  public static WebhookResponse json(int status, String body) {
    return new WebhookResponse(status, "application/json; charset=utf-8", body, Map.of());
  }

  public static WebhookResponse text(int status, String body) {
    return new WebhookResponse(status, "text/plain; charset=utf-8", body, Map.of());
  }

  public static WebhookResponse empty(int status) {
    return new WebhookResponse(status, "text/plain; charset=utf-8", "", Map.of());
  }
}

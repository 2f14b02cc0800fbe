package io.askhr.adapter.web;

/**
 * A platform endpoint that the {@code serve} HTTP server hosts, such as {@code POST /slack/events} or
 * {@code POST /api/messages}. Keeps the chat adapters free of the HTTP server's types.
 */
public interface Webhook extends AutoCloseable {

  /** The path the server routes POST requests to, e.g. {@code /slack/events}. */
  String path();

  /**
   * Handles one request. Thrown exceptions become a 500 with a generic body; an adapter answers bad input itself
   * with a 4xx.
   */
  WebhookResponse handle(WebhookRequest request) throws Exception;

  /** Finishes work accepted in the background (bounded); called on shutdown after the HTTP server stopped. */
  @Override
  default void close() {}
}

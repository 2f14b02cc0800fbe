package io.askhr.adapter.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.askhr.adapter.web.Webhook;
import io.askhr.adapter.web.WebhookRequest;
import io.askhr.adapter.web.WebhookResponse;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: the Events API, interactivity and the slash command, served by Bolt. Bolt's request
 * verification refuses a bad or stale signature with 401 before any listener runs.
 */
final class SlackEventsWebhook implements Webhook {

  private static final Logger log = LoggerFactory.getLogger(SlackEventsWebhook.class);
  static final String PATH = "/slack/events";

  private final App app;
  private final Runnable ready;
  private final SlackRequestParser parser;

  /** @param ready starts the app before its first request (see {@link SlackAdapter#ready()}) */
  SlackEventsWebhook(App app, Runnable ready) {
    this.app = app;
    this.ready = ready;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) throws Exception {
    Request<?> slackRequest;
    try {
      slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
          .requestUri(PATH)
          .queryString(request.query())
          .headers(new RequestHeaders(request.headers()))
          .requestBody(request.body())
          .build());
    } catch (RuntimeException e) {
      log.warn("Refused a malformed Slack request ({})", e.getClass().getSimpleName());
      return WebhookResponse.json(400, "{\"error\":\"malformed Slack request\"}");
    }
    if (slackRequest == null) {
      return WebhookResponse.json(400, "{\"error\":\"not a Slack request\"}");
    }
    ready.run();
    Response response = app.run(slackRequest);
    Map<String, String> headers = new HashMap<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, values) -> {
        if (!values.isEmpty() && !name.equalsIgnoreCase("content-type")) {
          headers.put(name, values.get(0));
        }
      });
    }
    return new WebhookResponse(response.getStatusCode(),
        response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType(),
        response.getBody() == null ? "" : response.getBody(), headers);
  }
}

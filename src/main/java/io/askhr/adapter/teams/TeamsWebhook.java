package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import io.askhr.adapter.web.Webhook;
import io.askhr.adapter.web.WebhookRequest;
import io.askhr.adapter.web.WebhookResponse;
import io.askhr.question.RequestId;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: authenticates the activity, then hands it to the bot. Messages are answered in the
 * background after a {@code 202}, because Teams gives a bot 15 seconds and a drafted answer may take longer; invokes
 * (card actions) run at once, as their response body is the result.
 */
final class TeamsWebhook implements Webhook {

  private static final Logger log = LoggerFactory.getLogger(TeamsWebhook.class);
  /** Teams waits about 15 s for an invoke response; answer in time or not at all. */
  private static final long INVOKE_TIMEOUT_SECONDS = 14;
  /** How long closing waits for accepted messages to be answered. */
  private static final long CLOSE_GRACE_SECONDS = 10;

  private final TeamsBotAdapter adapter;
  private final Bot bot;
  private final ExecutorService turns;

  TeamsWebhook(TeamsBotAdapter adapter, Bot bot, ExecutorService turns) {
    this.adapter = adapter;
    this.bot = bot;
    this.turns = turns;
  }

  @Override
  public String path() {
    return "/api/messages";
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    if (adapter.refusesEveryone()) {
      log.warn("Refused a Teams request: MICROSOFT_APP_ID is not set (TEAMS_ALLOW_UNAUTHENTICATED=true is for the"
          + " Agents Playground and the Emulator only)");
      return WebhookResponse.json(401, "{\"error\":\"Unauthorized\"}");
    }
    Activity activity;
    try {
      JsonNode tree = Serialization.jsonToTree(request.body());
      activity = tree != null && tree.isObject() ? Serialization.treeToValue(tree, Activity.class) : null;
    } catch (Exception e) {
      activity = null;
    }
    if (activity == null || activity.getType() == null) {
      return WebhookResponse.json(400, "{\"error\":\"The body must be a Bot Framework activity (JSON).\"}");
    }
    String authHeader = request.header("authorization").orElse("");
    ClaimsIdentity identity;
    try {
      identity = adapter.authenticate(authHeader, activity).join();
    } catch (CompletionException | AuthenticationException e) {
      log.warn("Refused a Teams request: {}", reason(e));
      return WebhookResponse.json(401, "{\"error\":\"Unauthorized\"}");
    }
    if (ActivityTypes.INVOKE.equals(activity.getType())) {
      return invoke(identity, activity);
    }
    Activity accepted = activity;
    turns.execute(RequestId.carry(() -> {
      try {
        adapter.processActivity(identity, accepted, bot::onTurn).join();
      } catch (RuntimeException e) {
        log.error("A Teams {} activity failed: {}", accepted.getType(), reason(e));
      }
    }));
    return WebhookResponse.empty(202);
  }

  private WebhookResponse invoke(ClaimsIdentity identity, Activity activity) {
    try {
      InvokeResponse response = adapter.processActivity(identity, activity, bot::onTurn)
          .get(INVOKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (response == null) {
        return WebhookResponse.empty(200);
      }
      return response.getBody() == null ? WebhookResponse.empty(response.getStatus())
          : WebhookResponse.json(response.getStatus(), Serialization.toStringSilent(response.getBody()));
    } catch (ExecutionException | TimeoutException e) {
      log.error("A Teams invoke failed: {}", reason(e));
      return WebhookResponse.json(500, "{\"error\":\"Something went wrong on our side.\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return WebhookResponse.empty(503);
    }
  }

  /** Lets the turns in flight finish (bounded), so that a message accepted with 202 is still answered. */
  @Override
  public void close() {
    turns.shutdown();
    try {
      if (!turns.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
        log.warn("{} s after shutdown began, Teams answers were still running; they are abandoned",
            CLOSE_GRACE_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The innermost cause's class and message: never a token or a message body. */
  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}

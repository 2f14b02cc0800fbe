package io.askhr.adapter.teams;

import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import io.askhr.adapter.web.Webhook;
import io.askhr.config.ConfigException;
import io.askhr.config.Settings;
import io.askhr.config.TeamsSettings;
import io.askhr.insight.InsightStore;
import io.askhr.question.ConversationStores;
import io.askhr.question.QuestionHandler;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the Microsoft Teams endpoint {@code POST /api/messages} (Bot Framework SDK) from the settings. */
public final class TeamsAdapter {

  /**
   * Turns mostly wait for the model, so a thread per conversation in flight is cheap; admission control (rate limit,
   * concurrent answers) bounds the real work.
   */
  private static final int TURN_THREADS = 32;

  private TeamsAdapter() {}

  /** The webhook to host on the {@code serve} HTTP server. Fails fast on an unreadable HR conversation reference. */
  public static Webhook webhook(Settings settings, QuestionHandler handler, InsightStore store) {
    return webhook(settings, handler, store, ConversationStores.inProcess());
  }

  /** As above, keeping conversation turns and recent answers in {@code stores} (shared by the replicas). */
  public static Webhook webhook(Settings settings, QuestionHandler handler, InsightStore store,
      ConversationStores stores) {
    TeamsSettings teams = settings.teams();
    TeamsBotAdapter adapter = TeamsBotAdapter.of(teams);
    GroupLookup groups = teams.graphUrl().<GroupLookup>map(graph -> new GraphGroupLookup(graph,
        new ClientCredentialsToken(teams.loginUrl() + "/" + teams.tenantId(), teams.appId(), teams.appPassword(),
            "https://graph.microsoft.com/.default"))).orElse(GroupLookup.NONE);
    String hrContact = settings.answers().hrContact();
    TalkToHr talkToHr = new TalkToHr(store, adapter, teams.escalationConversation().map(TeamsAdapter::reference),
        hrContact);
    TeamsBot bot = new TeamsBot(handler, store, new TeamsAudience(settings.audienceMap(), groups), talkToHr,
        hrContact, stores);
    return new TeamsWebhook(adapter, bot, turnThreads());
  }

  private static ConversationReference reference(String json) {
    try {
      ConversationReference reference = Serialization.getAs(Serialization.jsonToTree(json),
          ConversationReference.class);
      if (reference == null || reference.getConversation() == null || reference.getServiceUrl() == null) {
        throw new IllegalArgumentException("no conversation or serviceUrl");
      }
      return reference;
    } catch (Exception e) {
      throw new ConfigException("HR_ESCALATION_TEAMS_CONVERSATION must be a Teams conversation reference (JSON with"
          + " conversation and serviceUrl), as AskHR logs when it is added to a channel: " + e.getMessage());
    }
  }

  private static ExecutorService turnThreads() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(TURN_THREADS, task -> {
      Thread thread = new Thread(task, "teams-turn-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Whether the endpoint refuses everyone or runs unauthenticated (no {@code MICROSOFT_APP_ID}); serve says so. */
  public static Optional<String> localModeWarning(TeamsSettings teams) {
    if (!teams.localMode()) {
      return Optional.empty();
    }
    return Optional.of(teams.allowUnauthenticated()
        ? "Teams endpoint /api/messages runs in LOCAL MODE: MICROSOFT_APP_ID is not set and"
            + " TEAMS_ALLOW_UNAUTHENTICATED=true, so requests are NOT authenticated; replies go to loopback service"
            + " URLs only. Fine for the Bot Framework Emulator or the Agents Playground; never in production."
        : "Teams is off: MICROSOFT_APP_ID is not set, so /api/messages answers 401 to every request. Set"
            + " MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to turn it on.");
  }
}

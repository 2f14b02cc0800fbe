package io.askhr;

import io.askhr.adapter.slack.SlackAdapter;
import io.askhr.adapter.teams.TeamsAdapter;
import io.askhr.adapter.web.Webhook;
import io.askhr.config.Settings;
import io.askhr.insight.EventClaims;
import io.askhr.insight.InsightQueries;
import io.askhr.insight.InsightStore;
import io.askhr.insight.PopularQuestions;
import io.askhr.question.ConversationStores;
import io.askhr.question.QuestionHandler;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The chat platforms {@code serve} connects to, as configured: their webhooks, connections and shutdown. */
final class ChatAdapters implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChatAdapters.class);

  private final Optional<SlackAdapter> slack;
  private final Webhook teams;

  private ChatAdapters(Optional<SlackAdapter> slack, Webhook teams) {
    this.slack = slack;
    this.teams = teams;
  }

  /** Builds the configured adapters and adds their webhooks to {@code webhooks}. */
  static ChatAdapters open(Settings settings, QuestionHandler handler, InsightStore insight, EventClaims claims,
      List<Webhook> webhooks) {
    return open(settings, handler, insight, claims, since -> List.of(), webhooks);
  }

  /** As above; {@code queries} suggests the most asked questions in Slack's assistant pane. */
  static ChatAdapters open(Settings settings, QuestionHandler handler, InsightStore insight, EventClaims claims,
      InsightQueries queries, List<Webhook> webhooks) {
    return open(settings, handler, insight, claims, queries, webhooks, ConversationStores.inProcess());
  }

  /** As above, keeping conversation turns and recent answers in {@code stores} (shared by the replicas). */
  static ChatAdapters open(Settings settings, QuestionHandler handler, InsightStore insight, EventClaims claims,
      InsightQueries queries, List<Webhook> webhooks, ConversationStores stores) {
    return open(settings, handler, insight, claims,
        since -> PopularQuestions.top(queries, since, SlackAdapter.SUGGESTED_PROMPTS), webhooks, stores);
  }

  private static ChatAdapters open(Settings settings, QuestionHandler handler, InsightStore insight,
      EventClaims claims, Function<Instant, List<String>> popular, List<Webhook> webhooks) {
    return open(settings, handler, insight, claims, popular, webhooks, ConversationStores.inProcess());
  }

  private static ChatAdapters open(Settings settings, QuestionHandler handler, InsightStore insight,
      EventClaims claims, Function<Instant, List<String>> popular, List<Webhook> webhooks,
      ConversationStores stores) {
    Optional<SlackAdapter> slack = settings.slack().map(s -> new SlackAdapter(s, handler, insight, claims, popular,
        settings.audienceMap(), settings.company(), settings.answers().hrContact(), stores));
    slack.flatMap(SlackAdapter::webhook).ifPresent(webhooks::add);
    if (slack.isEmpty()) {
      log.info("Slack is off (set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET and/or SLACK_APP_TOKEN)");
    }
    // Teams is always served: without an app id it runs in local mode, for the Emulator and the Agents Playground.
    TeamsAdapter.localModeWarning(settings.teams()).ifPresent(log::warn);
    Webhook teams = TeamsAdapter.webhook(settings, handler, insight, stores);
    webhooks.add(teams);
    return new ChatAdapters(slack, teams);
  }

  /** Opens outgoing connections (Slack Socket Mode); call once the HTTP server listens. */
  void start() throws Exception {
    if (slack.isPresent()) {
      slack.get().start();
    }
  }

  /** Lets the answers in flight on both platforms finish; each wait is bounded (about 10 s), the answers run on. */
  @Override
  public void close() {
    try {
      slack.ifPresent(SlackAdapter::close);
    } finally {
      teams.close();
    }
  }
}

package io.askhr.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.Assistant;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import io.askhr.adapter.web.Webhook;
import io.askhr.config.AudienceMap;
import io.askhr.config.ConfigException;
import io.askhr.config.SlackSettings;
import io.askhr.insight.AnsweredQuestion;
import io.askhr.insight.EventClaims;
import io.askhr.insight.InsightStore;
import io.askhr.question.ConversationStores;
import io.askhr.question.Conversations;
import io.askhr.question.RecentAnswers;
import io.askhr.question.QuestionHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AskHR in Slack: one Bolt app whose listeners serve both the Events API ({@link #webhook()}, on the {@code serve}
 * HTTP server) and Socket Mode ({@link #start()}), as configured.
 */
public final class SlackAdapter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

  private final SlackSettings settings;
  private final App app;
  private final SlackAnswerer answerer;
  private final ExecutorService buttons;
  private final ExecutorService assistantWork;
  private final Assistant assistant;
  private volatile boolean ready;
  private final RecentEvents events;
  private SocketModeApp socketMode;

  /** HR's suggested prompts for the assistant pane, if they wrote any. */
  static final Path PROMPTS_FILE = Path.of("bot", "prompts.yml");
  /** How many suggested prompts the assistant pane shows at most. */
  public static final int SUGGESTED_PROMPTS = SuggestedPrompts.MAX;

  /** As below, suggesting the App Home examples unless bot/prompts.yml lists prompts. */
  public SlackAdapter(SlackSettings settings, QuestionHandler handler, InsightStore insight, EventClaims claims,
      AudienceMap audiences, String company, String hrContact) {
    this(settings, handler, insight, claims, since -> List.of(), audiences, company, hrContact);
  }

  /**
   * Builds the Bolt app and its listeners; connects nothing yet.
   *
   * @param claims shared with the other replicas, so that a retried event is answered once
   * @param popular the most asked questions since an instant (see {@link io.askhr.insight.PopularQuestions}), for
   *     the assistant pane's suggested prompts when bot/prompts.yml lists none
   */
  public SlackAdapter(SlackSettings settings, QuestionHandler handler, InsightStore insight, EventClaims claims,
      Function<Instant, List<String>> popular, AudienceMap audiences, String company, String hrContact) {
    this(settings, handler, insight, claims, popular, audiences, company, hrContact, ConversationStores.inProcess());
  }

  /** As above, keeping conversation turns and recent answers in {@code stores} (shared by the replicas). */
  public SlackAdapter(SlackSettings settings, QuestionHandler handler, InsightStore insight, EventClaims claims,
      Function<Instant, List<String>> popular, AudienceMap audiences, String company, String hrContact,
      ConversationStores stores) {
    this.settings = settings;
    SlackConfig config = new SlackConfig();
    settings.apiUrl().ifPresent(config::setMethodsEndpointUrlPrefix);
    Slack slack = Slack.getInstance(config);
    AppConfig appConfig = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret().orElse(null))
        .requestVerificationEnabled(settings.eventsApi())
        .build();
    this.app = new App(appConfig);
    MethodsClient client = slack.methods(settings.botToken());
    RecentAnswers recent = stores.recent();
    Conversations conversations = new Conversations(handler, AnsweredQuestion.into(insight), stores);
    this.answerer = new SlackAnswerer(conversations, new SlackAudience(client, audiences, Clock.systemUTC()),
        hrContact);
    this.buttons = Executors.newFixedThreadPool(2, r -> {
      Thread thread = new Thread(r, "askhr-slack-actions");
      thread.setDaemon(true);
      return thread;
    });
    this.events = new RecentEvents(claims);
    // Bolt's Assistant middleware runs its handlers here: greetings, and handing questions to the answerer.
    this.assistantWork = Executors.newFixedThreadPool(4, r -> {
      Thread thread = new Thread(r, "askhr-slack-assistant");
      thread.setDaemon(true);
      return thread;
    });
    SuggestedPrompts prompts;
    try {
      prompts = new SuggestedPrompts(SuggestedPrompts.read(PROMPTS_FILE), popular, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    this.assistant = new AssistantPane(answerer, client, events, prompts, assistantWork).middleware();
    new QuestionListeners(answerer, client, events).register(app);
    new ButtonListeners(client, insight, recent, settings.escalationChannel(), hrContact, buttons).register(app);
    new AppHome(client, company, hrContact, buttons).register(app);
  }

  /** The Events API endpoint, when a signing secret is configured. */
  public Optional<Webhook> webhook() {
    return settings.eventsApi() ? Optional.of(new SlackEventsWebhook(app, this::ready)) : Optional.empty();
  }

  /**
   * Starts Bolt and adds the assistant pane's middleware, once, before the first request. Not in the constructor:
   * adding a middleware makes Bolt build its default ones, which call {@code auth.test}, and AskHR starts without
   * reaching Slack. Bolt's Assistant middleware then takes assistant-thread events (and DM thread replies) before
   * any listener.
   */
  void ready() {
    if (!ready) {
      synchronized (this) {
        if (!ready) {
          app.start();
          app.assistant(assistant);
          ready = true;
        }
      }
    }
  }

  /** Opens the Socket Mode connection, when an app-level token is configured. */
  public void start() throws Exception {
    if (settings.socketMode()) {
      ready();
      socketMode = new SocketModeApp(settings.appToken().orElseThrow(), app);
      socketMode.startAsync();
      log.info("Slack Socket Mode connected");
    }
    if (settings.eventsApi()) {
      log.info("Slack Events API served at {}", SlackEventsWebhook.PATH);
    }
  }

  @Override
  public void close() {
    if (socketMode != null) {
      try {
        socketMode.close();
      } catch (Exception e) {
        log.warn("Closing the Slack Socket Mode connection failed ({})", e.getClass().getSimpleName());
      }
    }
    answerer.close();
    events.close();
    buttons.shutdown();
    assistantWork.shutdown();
    try {
      buttons.awaitTermination(5, TimeUnit.SECONDS);
      assistantWork.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.stop();
  }
}

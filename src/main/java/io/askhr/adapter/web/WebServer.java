package io.askhr.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.config.WebSettings;
import io.askhr.insight.AnsweredQuestion;
import io.askhr.insight.InsightStore;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Asker;
import io.askhr.question.ConversationStores;
import io.askhr.question.Conversations;
import io.askhr.question.Platform;
import io.askhr.question.QuestionHandler;
import io.askhr.question.Reply;
import io.askhr.question.RequestId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code serve} HTTP server: local chat page, {@code /api/ask}, health and HR's dashboard. Platform adapters add
 * routes here.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  /** Bodies above this are refused before parsing; a question never needs more. */
  private static final long MAX_BODY_BYTES = 1_000_000;
  /** How long closing waits for requests in flight (answers on the chat page, webhook acks) to finish. */
  public static final int STOP_GRACE_SECONDS = 10;
  /** Liveness: the process serves HTTP. */
  public static final String HEALTH_PATH = "/healthz";
  /** Readiness: the index is loaded and the insight store is reachable. */
  public static final String READY_PATH = "/readyz";
  /** Prometheus metrics. */
  public static final String METRICS_PATH = "/metrics";
  /** Longer conversation ids are refused: the page sends a UUID, and the id is kept in memory as a key. */
  static final int MAX_CONVERSATION_ID_CHARS = 100;
  /** The response header carrying the request id that every log line of the request shows. */
  static final String REQUEST_ID_HEADER = "X-Request-Id";

  private final BooleanSupplier ready;
  private final Conversations conversations;
  private final ObjectMapper json = new ObjectMapper();
  private final String chatPage = resource("web/index.html");
  private final List<Webhook> webhooks;
  private final HrDashboard dashboard;
  private final PrometheusMetrics metrics;
  private final ClientIdentity clients;
  private Javalin app;

  /** @param ready whether the index is loaded, for {@code /readyz} */
  public WebServer(QuestionHandler handler, BooleanSupplier ready) {
    this(handler, ready, List.of());
  }

  /** As {@link #WebServer(QuestionHandler, BooleanSupplier, List, InsightStore, HrDashboard)}, with no insight kept. */
  public WebServer(QuestionHandler handler, BooleanSupplier ready, List<Webhook> webhooks) {
    this(handler, ready, webhooks, new MemoryInsightStore(), HrDashboard.off());
  }

  /**
   * @param ready whether the index is loaded, for {@code /readyz}
   * @param webhooks platform endpoints (Slack, Teams) served on the same port
   * @param insight where questions asked on the chat page are recorded
   * @param dashboard HR's dashboard under {@code /hr}
   */
  public WebServer(QuestionHandler handler, BooleanSupplier ready, List<Webhook> webhooks, InsightStore insight,
      HrDashboard dashboard) {
    this(handler, ready, webhooks, insight, dashboard, new PrometheusMetrics());
  }

  /** As above, with the metrics served at {@code /metrics}. */
  public WebServer(QuestionHandler handler, BooleanSupplier ready, List<Webhook> webhooks, InsightStore insight,
      HrDashboard dashboard, PrometheusMetrics metrics) {
    this(handler, ready, webhooks, insight, dashboard, metrics, WebSettings.direct());
  }

  /** As above, telling askers apart as {@code web} says (trusted proxies, single-sign-on user header). */
  public WebServer(QuestionHandler handler, BooleanSupplier ready, List<Webhook> webhooks, InsightStore insight,
      HrDashboard dashboard, PrometheusMetrics metrics, WebSettings web) {
    this(handler, ready, webhooks, insight, dashboard, metrics, web, ConversationStores.inProcess());
  }

  /** As above, keeping conversation turns and recent answers in {@code stores} (shared by the replicas). */
  public WebServer(QuestionHandler handler, BooleanSupplier ready, List<Webhook> webhooks, InsightStore insight,
      HrDashboard dashboard, PrometheusMetrics metrics, WebSettings web, ConversationStores stores) {
    this.clients = new ClientIdentity(web);
    this.metrics = metrics;
    this.ready = ready;
    this.webhooks = List.copyOf(webhooks);
    this.dashboard = dashboard;
    this.conversations = new Conversations(handler, AnsweredQuestion.into(insight), stores);
  }

  /** Starts listening on {@code port} (0 picks a free port); returns the port. */
  public int start(String host, int port) {
    app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      // Graceful stop: close the listener first, then wait (bounded) for the requests in flight to complete.
      config.jetty.modifyServer(server -> {
        server.setHandler(new StatisticsHandler());
        server.setStopTimeout(STOP_GRACE_SECONDS * 1000L);
      });
    });
    app.before(ctx -> {
      String id = RequestId.accept(ctx.header(REQUEST_ID_HEADER));
      MDC.put(RequestId.MDC_KEY, id);
      ctx.header(REQUEST_ID_HEADER, id);
    });
    app.after(ctx -> MDC.remove(RequestId.MDC_KEY));
    app.get("/", ctx -> ctx.html(chatPage));
    app.get(HEALTH_PATH, ctx -> ctx.json(Map.of("status", "ok")));
    app.get(METRICS_PATH, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    app.get(READY_PATH, ctx -> {
      boolean isReady = ready.getAsBoolean();
      ctx.status(isReady ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("status", isReady ? "ready" : "indexing"));
    });
    app.post("/api/ask", this::ask);
    dashboard.register(app, clients);
    webhooks.forEach(hook -> app.post(hook.path(), ctx -> serve(hook, ctx)));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "Something went wrong on our side."));
    });
    app.start(host, port);
    return app.port();
  }

  private void ask(Context ctx) {
    // JSON only: a form or text/plain post needs no CORS preflight, so any web page could post questions here.
    if (!isJson(ctx.contentType())) {
      ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(Map.of("error", "Send Content-Type: application/json"));
      return;
    }
    JsonNode body;
    try {
      body = json.readTree(ctx.body());
    } catch (IOException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "The body must be JSON: {\"question\": \"...\"}"));
      return;
    }
    if (body == null || !body.isObject() || (body.has("question") && !body.get("question").isTextual())) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "The body must be JSON: {\"question\": \"...\"}"));
      return;
    }
    String text = body.path("question").asText("");
    String conversationId = body.path("conversationId").asText("");
    if (conversationId.length() > MAX_CONVERSATION_ID_CHARS) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "conversationId must be at most "
          + MAX_CONVERSATION_ID_CHARS + " characters"));
      return;
    }
    if (conversationId.isBlank()) {
      conversationId = UUID.randomUUID().toString();
    }
    // The asker is who is asking (signed-in user or address), not the conversation: a new id must not reset limits.
    String asker = "web:" + clients.of(ctx.req().getRemoteAddr(), ctx::header);
    // A conversation belongs to its asker: someone else's id does not open its history.
    String conversation = asker + "|" + conversationId;
    Conversations.Answered answered = conversations.answer(
        Conversations.Ask.of(conversation, text, Asker.anonymous(asker), Platform.WEB));
    Reply reply = answered.reply();
    Duration took = answered.took();
    String answerId = answered.answerId();
    log.info("Answered a web question in {} ms (mode {}, flags {}, {} citations)", took.toMillis(), reply.mode(),
        reply.flags(), reply.citations().size());
    ctx.header("X-Conversation-Id", conversationId).header("X-Answer-Id", answerId).json(ReplyView.of(reply));
  }

  private static void serve(Webhook hook, Context ctx) throws Exception {
    WebhookRequest request = new WebhookRequest(
        ctx.headerMap().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        ctx.queryParamMap(), ctx.body());
    WebhookResponse response = hook.handle(request);
    response.headers().forEach(ctx::header);
    ctx.status(response.status()).contentType(response.contentType()).result(response.body());
  }

  private static boolean isJson(String contentType) {
    return contentType != null
        && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
  }

  static String resource(String name) {
    try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
  }
}

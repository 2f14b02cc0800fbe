package io.askhr.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.askhr.config.ConfigException;
import io.askhr.config.Settings;
import io.askhr.config.WebSettings;
import io.askhr.insight.AnswerTemplate;
import io.askhr.insight.InsightReport;
import io.askhr.insight.Insights;
import io.github.bucket4j.Bucket;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HR's dashboard at {@code /hr}: a page, its JSON and CSV exports, behind {@code HR_DASHBOARD_TOKEN}. A browser signs
 * in with a form that posts the token to {@code /hr/login}, which sets a signed cookie that expires; scripts send
 * {@code Authorization: Bearer ...}. Each client gets a few wrong tokens per quarter hour, then 429.
 */
public final class HrDashboard {

  private static final Logger log = LoggerFactory.getLogger(HrDashboard.class);
  static final String COOKIE = "askhr_hr";
  static final int DEFAULT_DAYS = 30;
  /** A year of daily rows is the most a page or an export needs; retention is usually shorter. */
  static final int MAX_DAYS = 366;
  /** A working day of sign-in, then the form again. */
  static final Duration SESSION = Duration.ofHours(8);
  /** Wrong tokens one client may try per window before it must wait; a 32-character token is not guessed in five. */
  static final int MAX_FAILURES = 5;
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

  private static final String SIGN_IN_FORM = "<form method=\"post\" action=\"/hr/login\"><label>Dashboard token"
      + " <input type=\"password\" name=\"token\" autocomplete=\"current-password\"></label>"
      + " <button>Open</button></form>";

  private final Optional<String> token;
  private final Optional<DashboardSession> session;
  /** Clients with recent wrong tokens; bounded, and a client idle for a window has all its tries back anyway. */
  private final Cache<String, Bucket> failures = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterAccess(FAILURE_WINDOW).build();
  private ClientIdentity clients = new ClientIdentity(WebSettings.direct());
  private final Optional<Insights> insights;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final String page = WebServer.resource("web/hr.html");

  /**
   * @param token the dashboard token; empty turns the dashboard off
   * @param insights where the figures come from
   */
  public HrDashboard(Optional<String> token, Insights insights) {
    this(token.filter(t -> !t.isBlank()), Optional.of(insights));
  }

  private HrDashboard(Optional<String> token, Optional<Insights> insights) {
    if (token.isPresent() && token.get().length() < Settings.MIN_DASHBOARD_TOKEN_CHARS) {
      throw new ConfigException("HR_DASHBOARD_TOKEN must be at least " + Settings.MIN_DASHBOARD_TOKEN_CHARS
          + " characters");
    }
    this.token = token;
    this.session = DashboardSession.of(token, SESSION, Clock.systemUTC());
    this.insights = insights;
  }

  /** A dashboard that only says it is off. */
  public static HrDashboard off() {
    return new HrDashboard(Optional.empty(), Optional.empty());
  }

  /** @param clients tells clients apart for the limit on wrong tokens, as the rate limit of {@code /api/ask} does */
  void register(Javalin app, ClientIdentity clients) {
    this.clients = clients;
    app.get("/hr", this::page);
    app.post("/hr/login", this::login);
    app.get("/hr/api/insight", ctx -> {
      if (allowed(ctx)) {
        report(ctx).ifPresent(report -> ctx.contentType("application/json").result(toJson(report)));
      }
    });
    app.get("/hr/export/{table}", this::export);
    app.get("/hr/gaps/{rank}/answer.md", this::answerFile);
  }

  /** A ready-to-fill approved-answer file for the gap at {@code rank} (1 = largest) of the report HR is looking at. */
  private void answerFile(Context ctx) {
    if (!allowed(ctx)) {
      return;
    }
    Optional<InsightReport> report = report(ctx);
    if (report.isEmpty()) {
      return;
    }
    List<InsightReport.Gap> gaps = report.get().gaps();
    int rank;
    try {
      rank = Integer.parseInt(ctx.pathParam("rank"));
    } catch (NumberFormatException e) {
      rank = 0;
    }
    if (rank < 1 || rank > gaps.size()) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "No knowledge gap " + ctx.pathParam("rank")
          + "; there are " + gaps.size() + " in this period"));
      return;
    }
    ctx.header("Content-Disposition", "attachment; filename=\"askhr-answer-gap-" + rank + ".md\"")
        .contentType("text/markdown; charset=utf-8")
        .result(AnswerTemplate.forGap(gaps.get(rank - 1),
            LocalDate.ofInstant(report.get().until(), ZoneOffset.UTC)));
  }

  private void page(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (token.isEmpty() || insights.isEmpty()) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).html(notice("The HR dashboard is off",
          "Set the environment variable <code>HR_DASHBOARD_TOKEN</code> to a long random secret and restart AskHR."
              + " Then open <code>/hr?token=&lt;your token&gt;</code> once in your browser."));
      return;
    }
    if (ctx.queryParam("token") != null) {
      // A token in the address ends up in history, proxies' logs and Referer headers: not checked, not accepted.
      ctx.status(HttpStatus.BAD_REQUEST).html(notice("Sign in with the form", "The token no longer goes in the"
          + " address. " + SIGN_IN_FORM));
      return;
    }
    if (!authorised(ctx)) {
      ctx.status(HttpStatus.UNAUTHORIZED).html(notice("Sign in to the HR dashboard", SIGN_IN_FORM));
      return;
    }
    ctx.html(page);
  }

  private void login(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (token.isEmpty() || insights.isEmpty()) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).html(notice("The HR dashboard is off",
          "Set the environment variable <code>HR_DASHBOARD_TOKEN</code> and restart AskHR."));
      return;
    }
    String client = client(ctx);
    if (lockedOut(ctx, client)) {
      ctx.html(notice("Too many wrong tokens", "Wait a quarter of an hour, then <a href=\"/hr\">try again</a>."));
      return;
    }
    String offered = ctx.formParam("token");
    if (offered == null || !matches(offered)) {
      failed(client, "sign-in form");
      ctx.status(HttpStatus.UNAUTHORIZED).html(notice("Wrong token", "Ask your AskHR administrator for the"
          + " dashboard token. " + SIGN_IN_FORM));
      return;
    }
    Cookie cookie = new Cookie(COOKIE, session.orElseThrow().issue());
    cookie.setHttpOnly(true);
    cookie.setPath("/hr");
    cookie.setSameSite(SameSite.STRICT);
    cookie.setMaxAge((int) SESSION.toSeconds());
    cookie.setSecure("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || ctx.scheme().equals("https"));
    ctx.cookie(cookie);
    ctx.redirect("/hr", HttpStatus.SEE_OTHER);
  }

  private void export(Context ctx) {
    if (!allowed(ctx)) {
      return;
    }
    String name = ctx.pathParam("table").replaceFirst("\\.csv$", "");
    Optional<InsightReport> report = report(ctx);
    if (report.isEmpty()) {
      return;
    }
    InsightReport.Table table = report.get().tables().get(name);
    if (table == null) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "No table '" + name + "'; one of "
          + report.get().tables().keySet()));
      return;
    }
    ctx.header("Content-Disposition", "attachment; filename=\"askhr-" + name + ".csv\"")
        .contentType("text/csv; charset=utf-8").result(Csv.of(table));
  }

  private boolean allowed(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (token.isEmpty() || insights.isEmpty()) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("error", "The HR dashboard is off: set HR_DASHBOARD_TOKEN"));
      return false;
    }
    if (!authorised(ctx)) {
      if (ctx.status() == HttpStatus.TOO_MANY_REQUESTS) {
        ctx.json(Map.of("error", "Too many wrong tokens from this client; wait a quarter of an hour"));
        return false;
      }
      ctx.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
          .json(Map.of("error", "Send Authorization: Bearer <HR_DASHBOARD_TOKEN>, or sign in at /hr"));
      return false;
    }
    return true;
  }

  private Optional<InsightReport> report(Context ctx) {
    int days;
    try {
      days = Integer.parseInt(Optional.ofNullable(ctx.queryParam("days")).orElse(String.valueOf(DEFAULT_DAYS)));
    } catch (NumberFormatException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "days must be a whole number such as 30"));
      return Optional.empty();
    }
    if (days < 1 || days > MAX_DAYS) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "days must be between 1 and " + MAX_DAYS));
      return Optional.empty();
    }
    try {
      return Optional.of(insights.orElseThrow().report(days));
    } catch (RuntimeException e) {
      log.warn("The HR dashboard could not read the insight store: {}", e.getMessage());
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error",
          "The insight database cannot be read right now; try again in a minute."));
      return Optional.empty();
    }
  }

  private String toJson(InsightReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an insight report always serialises", e);
    }
  }

  private boolean authorised(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String client = client(ctx);
      if (lockedOut(ctx, client)) {
        return false;
      }
      if (matches(header.substring(7).strip())) {
        return true;
      }
      failed(client, "Bearer");
      return false;
    }
    String cookie = ctx.cookie(COOKIE);
    return cookie != null && session.orElseThrow().valid(cookie);
  }

  private String client(Context ctx) {
    return clients.of(ctx.req().getRemoteAddr(), ctx::header);
  }

  /** True, with 429 set, when the client has used up its wrong tokens; a right token is not even checked then. */
  private boolean lockedOut(Context ctx, String client) {
    Bucket bucket = failures.getIfPresent(client);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return false;
    }
    ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(FAILURE_WINDOW.toSeconds()));
    return true;
  }

  /** Logs a wrong token (who and how, never the token) and counts it against the client. */
  private void failed(String client, String how) {
    log.warn("Wrong HR dashboard token ({}) from {}", how, client);
    failures.get(client, c -> Bucket.builder().addLimit(l -> l.capacity(MAX_FAILURES)
        .refillGreedy(MAX_FAILURES, FAILURE_WINDOW)).build()).tryConsume(1);
  }

  private boolean matches(String offered) {
    return constantTimeEquals(fingerprint(offered), fingerprint(token.orElseThrow()));
  }

  /** Both sides hashed first, so that comparing them takes the same time whatever their lengths. */
  static String fingerprint(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          ("askhr-hr-dashboard:" + secret).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String notice(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " · AskHR</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}"
        + "code{background:#f2f2f2;padding:0 .3em}</style></head><body><h1>" + title + "</h1><p>" + body
        + "</p></body></html>";
  }
}

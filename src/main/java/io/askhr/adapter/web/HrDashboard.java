package io.askhr.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.askhr.insight.AnswerTemplate;
import io.askhr.insight.InsightReport;
import io.askhr.insight.Insights;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HR's dashboard at {@code /hr}: a page, its JSON and CSV exports, behind {@code HR_DASHBOARD_TOKEN}. A browser logs
 * in once with {@code /hr?token=...}, which sets a cookie; scripts send {@code Authorization: Bearer ...}.
 */
public final class HrDashboard {

  private static final Logger log = LoggerFactory.getLogger(HrDashboard.class);
  static final String COOKIE = "askhr_hr";
  static final int DEFAULT_DAYS = 30;
  /** A year of daily rows is the most a page or an export needs; retention is usually shorter. */
  static final int MAX_DAYS = 366;

  private final Optional<String> token;
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
    this.token = token;
    this.insights = insights;
  }

  /** A dashboard that only says it is off. */
  public static HrDashboard off() {
    return new HrDashboard(Optional.empty(), Optional.empty());
  }

  void register(Javalin app) {
    app.get("/hr", this::page);
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
    String offered = ctx.queryParam("token");
    if (offered != null) {
      if (!matches(offered)) {
        log.warn("Wrong HR dashboard token from {}", ctx.ip());
        ctx.status(HttpStatus.UNAUTHORIZED).html(notice("Wrong token", "Ask your AskHR administrator for the"
            + " dashboard link, or <a href=\"/hr\">try again</a>."));
        return;
      }
      Cookie cookie = new Cookie(COOKIE, fingerprint(token.get()));
      cookie.setHttpOnly(true);
      cookie.setPath("/hr");
      cookie.setSameSite(SameSite.STRICT);
      cookie.setSecure("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || ctx.scheme().equals("https"));
      ctx.cookie(cookie);
      // Drop the token from the address bar and the browser history.
      ctx.redirect("/hr", HttpStatus.SEE_OTHER);
      return;
    }
    if (!authorised(ctx)) {
      ctx.status(HttpStatus.UNAUTHORIZED).html(notice("Sign in to the HR dashboard",
          "<form method=\"get\" action=\"/hr\"><label>Dashboard token <input type=\"password\" name=\"token\""
              + " autocomplete=\"current-password\"></label> <button>Open</button></form>"));
      return;
    }
    ctx.html(page);
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
      return matches(header.substring(7).strip());
    }
    String cookie = ctx.cookie(COOKIE);
    return cookie != null && constantTimeEquals(cookie, fingerprint(token.orElseThrow()));
  }

  private boolean matches(String offered) {
    return constantTimeEquals(fingerprint(offered), fingerprint(token.orElseThrow()));
  }

  /** The cookie carries a hash of the token, not the token. */
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

package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.config.ConfigException;
import io.askhr.insight.AnsweredQuestion;
import io.askhr.insight.InsightSeed;
import io.askhr.insight.Insights;
import io.askhr.insight.JdbcInsightStore;
import io.askhr.knowledge.IngestProblem;
import io.askhr.knowledge.KnowledgeCatalog;
import io.askhr.question.Reply;
import io.askhr.testing.TestModels;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The dashboard over HTTP: token guard, JSON, CSV, and what {@code /api/ask} records. */
class HrDashboardTest {

  static final String TOKEN = "s3cret-dashboard-token-0123456789abcdef";
  static final KnowledgeCatalog.Snapshot DOCUMENTS = new KnowledgeCatalog.Snapshot(List.of(
      new KnowledgeCatalog.Entry("leave/annual-leave.md", "Annual leave", Optional.empty()),
      new KnowledgeCatalog.Entry("leave/sickness.md", "Sick pay", Optional.of(LocalDate.of(2026, 1, 15))),
      new KnowledgeCatalog.Entry("leave/bereavement.md", "Compassionate leave", Optional.empty())),
      List.of(new IngestProblem("handbook.pdf", "no extractable text (scanned PDF?)")));

  @TempDir Path temp;
  JdbcInsightStore store;
  WebServer server;
  String base;
  final HttpClient http = HttpClient.newHttpClient();

  /** A server with the seeded store behind the dashboard, as {@code serve} wires it. */
  static WebServer server(JdbcInsightStore store, Optional<String> token) {
    Insights insights = new Insights(store, TestModels.local(), () -> DOCUMENTS,
        Clock.fixed(InsightSeed.NOW, ZoneOffset.UTC));
    return new WebServer(question -> new Reply("Twenty-five days [1].", List.of(), 0.8, Set.of(),
        Reply.Mode.EXTRACTIVE, List.of()), store::reachable, List.of(), store, new HrDashboard(token, insights));
  }

  @BeforeEach
  void start() {
    store = JdbcInsightStore.open("jdbc:sqlite:" + temp.resolve("insight.db"), "salt");
    InsightSeed.seed(store);
    server = server(store, Optional.of(TOKEN));
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAskForTheTokenWithoutOne() throws Exception {
    // when
    HttpResponse<String> page = get("/hr");
    HttpResponse<String> api = get("/hr/api/insight");
    HttpResponse<String> csv = get("/hr/export/gaps.csv");
    HttpResponse<String> wrong = get("/hr/api/insight", "Authorization", "Bearer nope");

    // then
    assertEquals(401, page.statusCode());
    assertTrue(page.body().contains("Sign in to the HR dashboard"));
    assertEquals(401, api.statusCode());
    assertEquals(401, csv.statusCode());
    assertEquals(401, wrong.statusCode());
    assertFalse(api.body().contains("park"));
  }

  @Test
  void shouldServeTheFiguresToABearerToken() throws Exception {
    // when
    HttpResponse<String> response = get("/hr/api/insight?days=30", "Authorization", "Bearer " + TOKEN);

    // then
    assertEquals(200, response.statusCode());
    JsonNode report = new ObjectMapper().readTree(response.body());
    assertEquals(6, report.get("totals").get("asked").asInt());
    assertEquals(30, report.get("days").size());
    assertEquals("2026-03-10", report.get("days").get(29).get("date").asText());
    assertEquals(3, report.get("gaps").get(0).get("count").asInt());
    assertEquals("leave/sickness.md", report.get("stale").get(0).get("source").asText());
  }

  HttpResponse<String> signIn(String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/hr/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldSignInByPostWithASignedCookieThatExpires() throws Exception {
    // when
    HttpResponse<String> login = signIn(TOKEN);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    String value = cookie.split(";")[0];
    HttpResponse<String> page = get("/hr", "Cookie", value);

    // then
    assertEquals(303, login.statusCode());
    assertEquals("/hr", login.headers().firstValue("Location").orElseThrow());
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Max-Age=" + HrDashboard.SESSION.toSeconds()), cookie);
    assertFalse(cookie.contains(TOKEN) || cookie.contains(HrDashboard.fingerprint(TOKEN)), cookie);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Knowledge gaps"));
  }

  @Test
  void shouldRefuseATokenInTheAddressAForgedCookieAndAnExpiredOne() throws Exception {
    // given
    String issued = signIn(TOKEN).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String expires = issued.substring(issued.indexOf('=') + 1, issued.indexOf('.'));
    String later = String.valueOf(Long.parseLong(expires) + 86_400 * 365);
    DashboardSession past = new DashboardSession(TOKEN, Duration.ofHours(8),
        Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC));

    // when
    HttpResponse<String> inAddress = get("/hr?token=" + TOKEN);
    HttpResponse<String> extended = get("/hr", "Cookie", issued.replace(expires + ".", later + "."));
    HttpResponse<String> expired = get("/hr", "Cookie", HrDashboard.COOKIE + "=" + past.issue());
    HttpResponse<String> oldStyle = get("/hr", "Cookie", HrDashboard.COOKIE + "=" + HrDashboard.fingerprint(TOKEN));

    // then
    assertEquals(400, inAddress.statusCode());
    assertTrue(inAddress.headers().firstValue("Set-Cookie").isEmpty());
    assertTrue(inAddress.body().contains("method=\"post\""), inAddress.body());
    assertEquals(401, extended.statusCode());
    assertEquals(401, expired.statusCode());
    assertEquals(401, oldStyle.statusCode());
  }

  @Test
  void shouldLockOutAClientAfterFiveWrongTokensAndLogEachWithoutTheToken() throws Exception {
    // given
    Logger logger = (Logger) LoggerFactory.getLogger(HrDashboard.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      // when: five guesses, then the right token
      List<Integer> guesses = new ArrayList<>();
      for (int i = 0; i < HrDashboard.MAX_FAILURES; i++) {
        guesses.add(get("/hr/api/insight", "Authorization", "Bearer guess-" + i + "-" + "x".repeat(30)).statusCode());
      }
      HttpResponse<String> right = get("/hr/api/insight", "Authorization", "Bearer " + TOKEN);
      HttpResponse<String> form = signIn(TOKEN);

      // then
      assertEquals(List.of(401, 401, 401, 401, 401), guesses);
      assertEquals(429, right.statusCode());
      assertTrue(right.headers().firstValue("Retry-After").isPresent());
      assertEquals(429, form.statusCode());
      List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(HrDashboard.MAX_FAILURES, lines.stream().filter(l -> l.startsWith("Wrong HR dashboard token (Bearer)"
          + " from ip:127.0.0.1")).count(), lines.toString());
      assertFalse(lines.stream().anyMatch(l -> l.contains("guess-") || l.contains(TOKEN)), lines.toString());
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void shouldRefuseATokenShorterThan32CharactersAtStartUp() {
    // given
    Insights insights = new Insights(store, TestModels.local(), () -> DOCUMENTS, Clock.systemUTC());

    // when
    ConfigException e = assertThrows(ConfigException.class,
        () -> new HrDashboard(Optional.of("s3cret-dashboard-token"), insights));

    // then
    assertTrue(e.getMessage().contains("at least 32 characters"), e.getMessage());
  }

  @Test
  void shouldExportEachTableAsCsv() throws Exception {
    // when
    HttpResponse<String> gaps = get("/hr/export/gaps.csv", "Authorization", "Bearer " + TOKEN);
    HttpResponse<String> cited = get("/hr/export/most-cited.csv", "Authorization", "Bearer " + TOKEN);
    HttpResponse<String> unknown = get("/hr/export/salaries.csv", "Authorization", "Bearer " + TOKEN);

    // then
    assertEquals(200, gaps.statusCode());
    assertTrue(gaps.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    List<String> lines = gaps.body().lines().toList();
    assertEquals("questions,not covered,hedged,not helpful,escalated,examples", lines.get(0));
    assertTrue(lines.get(1).startsWith("3,2,0,1,1,"), lines.get(1));
    assertEquals(3, lines.size());
    assertEquals("document,title,citations", cited.body().lines().findFirst().orElseThrow());
    assertTrue(cited.body().contains("leave/annual-leave.md,Annual leave,2"), cited.body());
    assertEquals(404, unknown.statusCode());
  }

  @Test
  void shouldSayTheDashboardIsOffWithoutAToken() throws Exception {
    // given
    WebServer off = server(store, Optional.empty());
    String offBase = "http://127.0.0.1:" + off.start("127.0.0.1", 0);
    try {
      // when
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(offBase + "/hr")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(offBase + "/hr/api/insight"))
          .header("Authorization", "Bearer anything").build(), HttpResponse.BodyHandlers.ofString());

      // then
      assertEquals(503, page.statusCode());
      assertTrue(page.body().contains("The HR dashboard is off"));
      assertTrue(page.body().contains("HR_DASHBOARD_TOKEN"));
      assertEquals(503, api.statusCode());
    } finally {
      off.close();
    }
  }

  @Test
  void shouldRecordQuestionsAskedOnTheChatPage() throws Exception {
    // when
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Leave days? Mail me at a.b@example.com\","
            + " \"conversationId\": \"c9\"}")).build(), HttpResponse.BodyHandlers.ofString());

    // then
    assertEquals(200, response.statusCode());
    String answerId = response.headers().firstValue("X-Answer-Id").orElseThrow();
    AnsweredQuestion recorded = store.answers(Instant.EPOCH).stream().filter(a -> a.id().equals(answerId))
        .findFirst().orElseThrow();
    assertEquals("Leave days? Mail me at [email]", recorded.question());
    assertFalse(recorded.askerId().contains("c9"));
    assertEquals(200, get("/readyz").statusCode());
  }

  @Test
  void shouldCountHedgedAnswersAsGapsAndOfferEachGapAsAReadyToFillAnswerFile() throws Exception {
    // given: a low-confidence (hedged) answer about parking, on top of the seeded three
    store.recordAnswer(new AnsweredQuestion("h1", InsightSeed.NOW.minusSeconds(60), io.askhr.question.Platform.WEB,
        "u9", "Do we pay for \"staff parking\": yes or no?", Reply.Mode.EXTRACTIVE, Set.of(Reply.Flag.HEDGED),
        List.of("leave/annual-leave.md"), java.time.Duration.ofMillis(100)));

    // when
    JsonNode report = new ObjectMapper().readTree(
        get("/hr/api/insight", "Authorization", "Bearer " + TOKEN).body());
    HttpResponse<String> file = get("/hr/gaps/1/answer.md", "Authorization", "Bearer " + TOKEN);
    HttpResponse<String> missing = get("/hr/gaps/9/answer.md", "Authorization", "Bearer " + TOKEN);
    HttpResponse<String> anonymous = get("/hr/gaps/1/answer.md");

    // then the hedged question joined the parking gap
    JsonNode parking = report.get("gaps").get(0);
    assertEquals(4, parking.get("count").asInt());
    assertEquals(1, parking.get("hedged").asInt());
    // and the file is the approved-answer front matter with the examples as phrasings and TODO everywhere else
    assertEquals(200, file.statusCode());
    assertTrue(file.headers().firstValue("Content-Disposition").orElseThrow()
        .startsWith("attachment; filename=\"askhr-answer-gap-1.md\""));
    String body = file.body();
    assertTrue(body.startsWith("---\n"), body);
    assertTrue(body.contains("questions:\n  - \"Can I park my car at the office?\"\n"), body);
    assertTrue(body.contains("  - \"Do we pay for \\\"staff parking\\\": yes or no?\"\n")
        || parking.get("examples").size() == 3, body);
    for (String field : List.of("owner: TODO", "effective: TODO", "review_by: TODO", "audience: TODO",
        "sources:\n  - TODO")) {
      assertTrue(body.contains(field), field + " in " + body);
    }
    assertTrue(body.contains("---\n\nTODO: the answer"), body);
    assertEquals(404, missing.statusCode());
    assertEquals(401, anonymous.statusCode());
  }
}

package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.askhr.insight.InsightSeed;
import io.askhr.insight.JdbcInsightStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the dashboard in a real headless Chromium ({@code ASKHR_CHROMIUM}, which {@code .ci/run} installs) and checks
 * the DOM its scripts built; saves {@code target/hr-dashboard.png}.
 */
class HrDashboardBrowserTest {

  static final String CHROMIUM = System.getenv("ASKHR_CHROMIUM");

  @TempDir Path temp;

  private String chromium(String url, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + temp.resolve("profile"),
        "--virtual-time-budget=5000"));
    command.addAll(List.of(options));
    command.add(url);
    Process process = new ProcessBuilder(command).redirectError(temp.resolve("chromium.log").toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish in 60 s");
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void shouldRenderChartsAndTablesWithTheSeededFigures() throws Exception {
    assumeTrue(CHROMIUM != null && Files.isExecutable(Path.of(CHROMIUM)),
        "ASKHR_CHROMIUM is not set: browser test skipped");
    // given
    try (JdbcInsightStore store = JdbcInsightStore.open("jdbc:sqlite:" + temp.resolve("i.db"), "salt")) {
      InsightSeed.seed(store);
      WebServer server = HrDashboardTest.server(store, Optional.of(HrDashboardTest.TOKEN));
      int port = server.start("127.0.0.1", 0);
      // HR signs in with the form (POST): a page on the same site submits it, the browser follows to /hr
      HttpServer signIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] form = ("<!doctype html><form method=\"post\" action=\"http://127.0.0.1:" + port + "/hr/login\">"
          + "<input type=\"hidden\" name=\"token\" value=\"" + HrDashboardTest.TOKEN + "\"></form>"
          + "<script>document.forms[0].submit()</script>").getBytes(StandardCharsets.UTF_8);
      signIn.createContext("/", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, form.length);
        exchange.getResponseBody().write(form);
        exchange.close();
      });
      signIn.start();
      String url = "http://127.0.0.1:" + signIn.getAddress().getPort() + "/";
      try {
        // when
        Document dom = Jsoup.parse(chromium(url, "--dump-dom"));
        Path screenshot = Path.of("target", "hr-dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(url, "--screenshot=" + screenshot, "--window-size=1280,2000", "--hide-scrollbars");

        // then
        assertEquals("true", dom.body().attr("data-loaded"), () -> dom.body().text() + log());
        assertEquals("6", text(dom, "#total-asked"));
        assertEquals("4", text(dom, "#total-answered"));
        assertEquals("2", text(dom, "#total-not-covered"));
        assertEquals("50%", text(dom, "#helpful-rate"));
        assertEquals("1", text(dom, "#escalations-open"));
        assertEquals("1", text(dom, "#escalations-resolved"));
        assertEquals(30, dom.select("#chart-questions g.day").size());
        Element today = dom.selectFirst("#chart-questions g.day[data-date=2026-03-10]");
        assertEquals("2", today.attr("data-answered"));
        assertEquals("1", today.attr("data-not-covered"));
        assertEquals(2, today.select("rect").size());
        assertEquals("2", dom.selectFirst("#chart-feedback g.part[data-name=unhelpful]").attr("data-value"));
        assertEquals("1", dom.selectFirst("#chart-escalations g.part[data-name=open]").attr("data-value"));
        assertEquals("2", dom.selectFirst("#table-gaps table").attr("data-rows"));
        Element biggestGap = dom.select("#table-gaps tr").get(1);
        assertEquals("3", biggestGap.child(0).text());
        assertTrue(biggestGap.text().contains("Can I park my car at the office?"), biggestGap.text());
        assertEquals("leave/annual-leave.md Annual leave 2", dom.select("#table-most-cited tr").get(1).text());
        assertTrue(dom.select("#table-stale").text().contains("leave/sickness.md"));
        assertTrue(dom.select("#table-ingest-errors").text().contains("handbook.pdf"));
        assertTrue(dom.select("#table-never-cited").text().contains("leave/bereavement.md"));
        assertEquals("/hr/export/gaps.csv?days=30", dom.selectFirst("a.csv[data-table=gaps]").attr("href"));
        assertTrue(Files.size(screenshot) > 10_000, "screenshot of " + Files.size(screenshot) + " bytes");
      } finally {
        signIn.stop(0);
        server.close();
      }
    }
  }

  private static String text(Document dom, String selector) {
    Element element = dom.selectFirst(selector);
    return element == null ? "(missing " + selector + ")" : element.text();
  }

  private String log() {
    try {
      Matcher lines = Pattern.compile("(?m)^.*(ERROR|CONSOLE).*$").matcher(Files.readString(temp.resolve(
          "chromium.log")));
      StringBuilder errors = new StringBuilder();
      while (lines.find()) {
        errors.append('\n').append(lines.group());
      }
      return errors.toString();
    } catch (IOException e) {
      return "";
    }
  }
}

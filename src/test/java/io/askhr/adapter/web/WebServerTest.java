package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.config.WebSettings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Citation;
import io.askhr.question.Question;
import io.askhr.question.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebServerTest {

  final List<Question> asked = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  WebServer server;
  String base;

  @BeforeEach
  void start() {
    server = new WebServer(question -> {
      asked.add(question);
      return new Reply("Five days [1].", List.of(new Citation(1, "leave/bereavement.md", "Compassionate leave",
          "Compassionate leave › When a close relative dies", 0, Optional.of(LocalDate.of(2026, 1, 1)),
          Optional.empty(), "When a close relative dies…")), 0.7, Set.of(Reply.Flag.SENSITIVE), Reply.Mode.EXTRACTIVE,
          List.of());
    }, () -> true);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerOverHttpInTheAskJsonShape() throws Exception {
    // when
    HttpResponse<String> response = post("/api/ask", "{\"question\": \"grandmother died\", \"conversationId\": \"c1\"}");

    // then
    assertEquals(200, response.statusCode());
    JsonNode body = json.readTree(response.body());
    assertEquals("Five days [1].", body.get("answer").asText());
    assertEquals("extractive", body.get("mode").asText());
    assertEquals("sensitive", body.get("flags").get(0).asText());
    JsonNode citation = body.get("citations").get(0);
    assertEquals("leave/bereavement.md", citation.get("source").asText());
    assertEquals("Compassionate leave", citation.get("title").asText());
    assertTrue(citation.get("page").isNull());
    assertEquals("2026-01-01", citation.get("effective").asText());
  }

  @Test
  void shouldPassEarlierTurnsOfTheSameConversation() throws Exception {
    // when
    post("/api/ask", "{\"question\": \"How many days of annual leave?\", \"conversationId\": \"c2\"}");
    post("/api/ask", "{\"question\": \"and for part-timers?\", \"conversationId\": \"c2\"}");
    post("/api/ask", "{\"question\": \"unrelated\", \"conversationId\": \"c3\"}");

    // then
    assertEquals(2, asked.get(1).history().size());
    assertEquals("How many days of annual leave?", asked.get(1).history().get(0).text());
    assertEquals(0, asked.get(2).history().size());
  }

  @Test
  void shouldNotOpenAnotherClientsConversationByItsId() throws Exception {
    // given: two clients behind a trusted proxy, the second one knowing the first one's conversation id
    WebServer proxied = new WebServer(question -> {
      asked.add(question);
      return new Reply("Five days.", List.of(), 0.7, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
    }, () -> true, List.of(), new MemoryInsightStore(), HrDashboard.off(), new PrometheusMetrics(),
        new WebSettings(List.of("127.0.0.1"), Optional.empty()));
    String proxiedBase = "http://127.0.0.1:" + proxied.start("127.0.0.1", 0);
    try {
      for (String client : List.of("10.0.0.1", "10.0.0.1", "10.0.0.2")) {
        // when
        http.send(HttpRequest.newBuilder(URI.create(proxiedBase + "/api/ask")).header("Content-Type",
            "application/json").header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(
            "{\"question\": \"My salary is private\", \"conversationId\": \"shared-id\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
      }
    } finally {
      proxied.close();
    }

    // then
    assertEquals(List.of(0, 1, 0), asked.stream().map(q -> q.history().size() / 2).toList());
  }

  @Test
  void shouldRefuseMalformedJsonWith400() throws Exception {
    assertEquals(400, post("/api/ask", "{not json").statusCode());
    assertEquals(400, post("/api/ask", "[1,2]").statusCode());
    assertEquals(400, post("/api/ask", "{\"question\": 42}").statusCode());
    assertEquals(0, asked.size());
  }

  @Test
  void shouldRefuseQuestionsThatAreNotSentAsJsonWith415() throws Exception {
    // given: what a form or fetch() on any other web site can send without a CORS preflight
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
      // when
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
          .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"leave?\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());

      // then
      assertEquals(415, response.statusCode(), type);
    }
    HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"leave?\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(415, none.statusCode());
    assertEquals(0, asked.size());
    assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"leave?\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void shouldRefuseAHugeConversationIdWith400BeforeAnyWork() throws Exception {
    // when
    HttpResponse<String> response = post("/api/ask", "{\"question\": \"leave?\", \"conversationId\": \""
        + "c".repeat(100_000) + "\"}");

    // then
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("conversationId"), response.body());
    assertEquals(0, asked.size());
  }

  @Test
  void shouldRefuseBodiesOverOneMegabyteWith413() throws Exception {
    // when
    HttpResponse<String> response = post("/api/ask", "{\"question\": \"" + "a".repeat(1_100_000) + "\"}");

    // then
    assertEquals(413, response.statusCode());
    assertEquals(0, asked.size());
  }

  @Test
  void shouldServeHealthAndTheChatPage() throws Exception {
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"ok\""));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("fetch('/api/ask'"));
  }
}

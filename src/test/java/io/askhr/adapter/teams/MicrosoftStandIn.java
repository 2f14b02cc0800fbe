package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Microsoft's side on loopback: a Bot Connector at {@code serviceUrl} that records what the bot sends, the Entra
 * token endpoint, OpenID metadata and JWKS documents, and Microsoft Graph's {@code checkMemberGroups}.
 */
final class MicrosoftStandIn implements AutoCloseable {

  /**
   * One request the bot made.
   *
   * @param responseId the id this stand-in gave the posted activity (or conversation); empty for other requests
   */
  record Call(String method, String path, String authorization, JsonNode body, String responseId) {
    String text() {
      return body == null ? "" : body.toString();
    }
  }

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  volatile String graphGroups = "[]";
  volatile int graphStatus = 200;

  MicrosoftStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves {@code body} as JSON on GET {@code path}. */
  void serve(String path, String body) {
    documents.put(path, body);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode body = null;
    try {
      body = raw.isBlank() || raw.startsWith("grant_type") ? null : json.readTree(raw);
    } catch (IOException e) {
      // not JSON
    }
    int status = 200;
    String response;
    if (method.equals("GET") && documents.containsKey(path)) {
      response = documents.get(path);
    } else if (path.endsWith("/oauth2/v2.0/token")) {
      response = raw.contains("graph.microsoft.com")
          ? "{\"access_token\":\"graph-token\",\"expires_in\":3600}"
          : "{\"access_token\":\"connector-token\",\"expires_in\":3600}";
    } else if (path.endsWith("/checkMemberGroups")) {
      status = graphStatus;
      response = "{\"value\":" + graphGroups + "}";
    } else if (method.equals("POST") && path.equals("/v3/conversations")) {
      response = "{\"id\":\"a:private-" + ids.incrementAndGet() + "\"}";
    } else if (path.startsWith("/v3/conversations/") && !method.equals("GET")) {
      response = "{\"id\":\"activity-" + ids.incrementAndGet() + "\"}";
    } else {
      status = 404;
      response = "{\"error\":{\"code\":\"NotFound\"}}";
    }
    String responseId = response.startsWith("{\"id\":\"") ? json.readTree(response).path("id").asText() : "";
    calls.add(new Call(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body, responseId));
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The activities the bot posted or updated so far, oldest first. */
  List<Call> activities() {
    return calls.stream().filter(c -> c.path().startsWith("/v3/conversations/") && c.body() != null).toList();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits until at least {@code count} activities match, and returns those. */
  List<Call> await(Predicate<Call> filter, int count) {
    return Awaitility.await(count + " matching activities from the bot").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> activities().stream().filter(filter).toList(), matching -> matching.size() >= count);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.askhr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that speaks the OpenAI chat-completions and embeddings protocols, for testing the
 * LLM and remote-embedding paths without model weights. Each request is recorded; the reply text comes from a
 * function of the request, and embeddings are a bag of hashed words (texts that share words are similar).
 */
public final class LoopbackChatServer implements AutoCloseable {

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private volatile Function<JsonNode, String> reply = request -> "OK";
  private volatile Duration delay = Duration.ZERO;
  private volatile int status = 200;
  private volatile Duration tokenEvery = Duration.ZERO;
  private final java.util.Queue<String[]> scripted = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final List<Long> answerMicros = new CopyOnWriteArrayList<>();
  private final List<TimedAnswer> timedAnswers = new CopyOnWriteArrayList<>();

  public LoopbackChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/chat/completions", this::handle);
    server.createContext("/v1/embeddings", this::embed);
    server.start();
  }

  /** The base URL to give the OpenAI client, ending in {@code /v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public LoopbackChatServer replyWith(String text) {
    this.reply = request -> text;
    return this;
  }

  public LoopbackChatServer replyWith(Function<JsonNode, String> reply) {
    this.reply = reply;
    return this;
  }

  public LoopbackChatServer delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /**
   * Streamed replies ({@code "stream": true}) send one word-sized token per {@code every}, after {@link #delay}: a
   * model that writes at a fixed rate.
   */
  public LoopbackChatServer streamEvery(Duration every) {
    this.tokenEvery = every;
    return this;
  }

  public LoopbackChatServer status(int status) {
    this.status = status;
    return this;
  }

  /** The next request gets this status (and {@code Retry-After}, unless null); later ones are back to normal. */
  public LoopbackChatServer thenFail(int status, String retryAfter) {
    scripted.add(new String[] {String.valueOf(status), retryAfter});
    return this;
  }

  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /**
   * How long each chat answer took in this server, from the request's arrival to the last byte written, in
   * microseconds: the delay plus the stand-in's own lateness (a benchmark tells the two apart with it).
   */
  public List<Long> answerMicros() {
    return List.copyOf(answerMicros);
  }

  /** Each chat request with its time in this server, arrival to last byte, in the order they finished. */
  public List<TimedAnswer> timedAnswers() {
    return List.copyOf(timedAnswers);
  }

  /** One chat request and how long this server took to answer it, in microseconds. */
  public record TimedAnswer(JsonNode request, long micros) {}

  /** All message contents of the last request, joined. */
  public String lastPrompt() {
    StringBuilder all = new StringBuilder();
    requests.get(requests.size() - 1).get("messages").forEach(m -> all.append(m.get("content").asText()).append('\n'));
    return all.toString();
  }

  /** Requests to /v1/embeddings, with the Authorization header they carried. */
  public List<EmbeddingRequest> embeddingRequests() {
    return List.copyOf(embeddingRequests);
  }

  /** One /v1/embeddings call: its JSON body and its {@code Authorization} header ("" when absent). */
  public record EmbeddingRequest(JsonNode body, String authorization) {}

  private final List<EmbeddingRequest> embeddingRequests = new CopyOnWriteArrayList<>();

  /** Dimensions of the stand-in embeddings. */
  public static final int EMBEDDING_DIMENSIONS = 256;

  /** A bag of lower-cased words hashed into {@link #EMBEDDING_DIMENSIONS} buckets. */
  public static float[] hashedWords(String text) {
    float[] vector = new float[EMBEDDING_DIMENSIONS];
    for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 2) {
        vector[Math.floorMod(word.hashCode(), EMBEDDING_DIMENSIONS)] += 1;
      }
    }
    vector[0] += 0.01f; // never the zero vector, which has no direction
    return vector;
  }

  private void embed(HttpExchange exchange) throws IOException {
    JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    embeddingRequests.add(new EmbeddingRequest(request, authorization == null ? "" : authorization));
    ObjectNode response = json.createObjectNode();
    response.put("object", "list").put("model", request.path("model").asText("test"));
    var data = response.putArray("data");
    JsonNode input = request.path("input");
    List<String> texts = new java.util.ArrayList<>();
    if (input.isArray()) {
      input.forEach(t -> texts.add(t.asText()));
    } else {
      texts.add(input.asText());
    }
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      var values = item.putArray("embedding");
      for (float v : hashedWords(texts.get(i))) {
        values.add(v);
      }
    }
    response.putObject("usage").put("prompt_tokens", texts.size()).put("total_tokens", texts.size());
    byte[] body = json.writeValueAsBytes(response);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    JsonNode request = null;
    try {
      request = json.readTree(exchange.getRequestBody().readAllBytes());
      requests.add(request);
      answer(exchange, request);
    } finally {
      long micros = (System.nanoTime() - arrived) / 1000;
      answerMicros.add(micros);
      if (request != null) {
        timedAnswers.add(new TimedAnswer(request, micros));
      }
    }
  }

  private void answer(HttpExchange exchange, JsonNode request) throws IOException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body;
    String[] once = scripted.poll();
    int status = once == null ? this.status : Integer.parseInt(once[0]);
    if (once != null && once[1] != null) {
      exchange.getResponseHeaders().add("Retry-After", once[1]);
    }
    if (status == 200 && request.path("stream").asBoolean(false)) {
      stream(exchange, request);
      return;
    }
    if (status == 200) {
      ObjectNode response = json.createObjectNode();
      response.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 0)
          .put("model", request.path("model").asText("test"));
      ObjectNode choice = response.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", reply.apply(request));
      response.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
      body = json.writeValueAsBytes(response);
    } else {
      body = "{\"error\":{\"message\":\"test failure\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException clientGone) {
      // The client timed out and closed the connection; that is what timeout tests provoke.
    }
  }

  /** Server-sent events as OpenAI streams them: one chunk per token, a final chunk with the finish reason, [DONE]. */
  private void stream(HttpExchange exchange, JsonNode request) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    try {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        java.util.regex.Matcher tokens = java.util.regex.Pattern.compile("\\s*\\S+").matcher(reply.apply(request));
        while (tokens.find()) {
          ObjectNode chunk = chunk(request);
          chunk.withArray("choices").addObject().put("index", 0).putObject("delta").put("content", tokens.group());
          out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(tokenEvery.toMillis());
        }
        ObjectNode last = chunk(request);
        last.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        out.write(("data: " + json.writeValueAsString(last) + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | InterruptedException clientGone) {
      // The client stopped reading (a rejected sentence, a timeout): the stream simply ends.
    }
  }

  private ObjectNode chunk(JsonNode request) {
    ObjectNode chunk = json.createObjectNode();
    chunk.put("id", "chatcmpl-test").put("object", "chat.completion.chunk").put("created", 0)
        .put("model", request.path("model").asText("test"));
    return chunk;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

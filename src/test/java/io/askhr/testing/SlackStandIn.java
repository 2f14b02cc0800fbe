package io.askhr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A local stand-in for slack.com: the Web API methods AskHR calls (recorded, answered like Slack does), response
 * URLs, and a Socket Mode WebSocket endpoint that says {@code hello}, sends envelopes and records the acks.
 */
public final class SlackStandIn implements AutoCloseable {

  public static final String TEAM = "T0TEST";
  public static final String BOT_USER = "U0ASKHR";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(20);

  /**
   * One Web API call or response-URL post as Slack received it.
   *
   * @param receivedNanos {@link System#nanoTime()} on arrival, for latency measurements
   */
  public record Call(String method, Map<String, String> params, String body, long receivedNanos) {

    /** A form parameter, or a top-level field of a JSON body. */
    public String param(String name) {
      if (params.containsKey(name)) {
        return params.get(name);
      }
      try {
        JsonNode node = new ObjectMapper().readTree(body).path(name);
        return node.isMissingNode() ? null : node.isTextual() ? node.asText() : node.toString();
      } catch (IOException e) {
        return null;
      }
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> socketAcks = new CopyOnWriteArrayList<>();
  private final List<WsContext> sockets = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  /** The ts of the first message posted in each thread, and the first chat.update of each message, as they arrive. */
  private final Map<String, CompletableFuture<String>> postedInThread = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Call>> updates = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000_000L);
  private final Javalin server;

  public SlackStandIn() {
    server = Javalin.create(config -> config.showJavalinBanner = false);
    server.post("/api/{method}", ctx -> {
      String method = ctx.pathParam("method");
      Map<String, String> params = form(ctx.body(), ctx.contentType());
      Call call = new Call(method, params, ctx.body(), System.nanoTime());
      calls.add(call);
      Map<String, Object> answer = answer(method, params);
      if (method.equals("chat.postMessage") && params.get("thread_ts") != null && answer.get("ts") != null) {
        postedInThread.computeIfAbsent(params.get("thread_ts"), t -> new CompletableFuture<>())
            .complete((String) answer.get("ts"));
      }
      if (method.equals("chat.update") && params.get("ts") != null) {
        updates.computeIfAbsent(params.get("ts"), t -> new CompletableFuture<>()).complete(call);
      }
      ctx.contentType("application/json").result(json.writeValueAsString(answer));
    });
    server.post("/respond/{id}", ctx -> {
      calls.add(new Call("response_url", Map.of(), ctx.body(), System.nanoTime()));
      ctx.result("ok");
    });
    server.ws("/socket", ws -> {
      ws.onConnect(ctx -> {
        sockets.add(ctx);
        ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"standin\"},"
            + "\"connection_info\":{\"app_id\":\"A0TEST\"}}");
      });
      ws.onMessage(ctx -> socketAcks.add(ctx.message()));
      ws.onClose(sockets::remove);
    });
    server.start("127.0.0.1", 0);
  }

  /** The Web API base URL to give AskHR ({@code SLACK_API_URL}). */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.port() + "/api/";
  }

  /** A response URL on this stand-in, as Slack puts in commands and button payloads. */
  public String responseUrl(String id) {
    return "http://127.0.0.1:" + server.port() + "/respond/" + id;
  }

  /** Makes a user group's members known to {@code usergroups.users.list}. */
  public void group(String groupId, String... users) {
    groups.put(groupId, List.of(users));
  }

  /** Makes a Web API method answer {@code ok: false} from now on. */
  public void fail(String method) {
    failing.add(method);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one method, in order. */
  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Waits until a call matching {@code test} arrived; returns it. */
  public Call await(String method, Predicate<Call> test) {
    return Awaitility.await("a " + method + " call that matches, among " + method + " calls")
        .atMost(WAIT).pollInterval(POLL)
        .until(() -> calls(method).stream().filter(test).findFirst(), Optional::isPresent).orElseThrow();
  }

  /** Waits for {@code count} calls of a method; returns them. */
  public List<Call> awaitCount(String method, int count) {
    return Awaitility.await(count + " " + method + " calls").atMost(WAIT).pollInterval(POLL)
        .until(() -> calls(method), found -> found.size() >= count);
  }

  /**
   * The first chat.update of the first message posted in a thread (an answer replacing its placeholder), as it
   * arrives: a waiting load generator sleeps until then instead of polling.
   */
  public CompletableFuture<Call> answerInThread(String threadTs) {
    return postedInThread.computeIfAbsent(threadTs, t -> new CompletableFuture<>())
        .thenCompose(ts -> updates.computeIfAbsent(ts, t -> new CompletableFuture<>()));
  }

  /** Waits until a Socket Mode client is connected. */
  public void awaitSocket() {
    Awaitility.await("a Socket Mode connection").atMost(WAIT).pollInterval(POLL).until(() -> !sockets.isEmpty());
  }

  /** Sends a Socket Mode envelope to the connected client. */
  public void sendEnvelope(String envelopeJson) {
    sockets.forEach(s -> s.send(envelopeJson));
  }

  /** Acks the client sent back over the socket, raw JSON. */
  public List<String> socketAcks() {
    return List.copyOf(socketAcks);
  }

  private Map<String, Object> answer(String method, Map<String, String> params) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (failing.contains(method)) {
      body.put("ok", false);
      body.put("error", "internal_error");
      return body;
    }
    body.put("ok", true);
    switch (method) {
      case "auth.test" -> {
        body.put("url", "https://brightwater.slack.example/");
        body.put("team", "Brightwater");
        body.put("user", "askhr");
        body.put("team_id", TEAM);
        body.put("user_id", BOT_USER);
        body.put("bot_id", "B0ASKHR");
      }
      case "bots.info" -> body.put("bot", Map.of("id", params.getOrDefault("bot", "B0ASKHR"), "user_id", BOT_USER,
          "app_id", "A0TEST", "name", "AskHR"));
      case "chat.postMessage" -> {
        String ts = nextTs();
        body.put("channel", params.get("channel"));
        body.put("ts", ts);
        body.put("message", Map.of("ts", ts, "text", params.getOrDefault("text", "")));
      }
      case "chat.update" -> {
        body.put("channel", params.get("channel"));
        body.put("ts", params.get("ts"));
      }
      case "chat.postEphemeral" -> body.put("message_ts", nextTs());
      case "chat.startStream" -> {
        body.put("channel", params.get("channel"));
        body.put("ts", nextTs());
      }
      case "chat.appendStream", "chat.stopStream" -> {
        body.put("channel", params.get("channel"));
        body.put("ts", params.get("ts"));
      }
      case "chat.getPermalink" -> body.put("permalink", "https://brightwater.slack.example/archives/"
          + params.get("channel") + "/p" + params.getOrDefault("message_ts", "").replace(".", ""));
      case "usergroups.users.list" -> body.put("users", groups.getOrDefault(params.get("usergroup"), List.of()));
      case "apps.connections.open" -> body.put("url", "ws://127.0.0.1:" + server.port() + "/socket");
      case "views.publish" -> body.put("view", Map.of("id", "V0HOME"));
      default -> { }
    }
    return body;
  }

  private String nextTs() {
    long micros = clock.incrementAndGet();
    return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
  }

  private static Map<String, String> form(String body, String contentType) {
    Map<String, String> params = new LinkedHashMap<>();
    if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** For assertions on the blocks a call carried. */
  public static List<JsonNode> blocks(Call call) throws IOException {
    String raw = call.param("blocks");
    List<JsonNode> result = new ArrayList<>();
    if (raw != null) {
      new ObjectMapper().readTree(raw).forEach(result::add);
    }
    return result;
  }
}

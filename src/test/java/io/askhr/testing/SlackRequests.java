package io.askhr.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds and sends signed Slack requests the way slack.com does, with its own HMAC (not Bolt's). */
public final class SlackRequests {

  public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;

  public SlackRequests(String url) {
    this.url = url;
  }

  /** {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}, as documented by Slack. */
  public static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> json(String body) throws Exception {
    return send(body, "application/json", Instant.now().getEpochSecond(), SIGNING_SECRET, Map.of());
  }

  public HttpResponse<String> json(String body, Map<String, String> headers) throws Exception {
    return send(body, "application/json", Instant.now().getEpochSecond(), SIGNING_SECRET, headers);
  }

  public HttpResponse<String> form(Map<String, String> fields) throws Exception {
    String body = fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(body, "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), SIGNING_SECRET, Map.of());
  }

  public HttpResponse<String> send(String body, String contentType, long timestamp, String secret,
      Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp));
    if (!headers.containsKey("X-Slack-Signature")) {
      request.header("X-Slack-Signature", signature(secret, timestamp, body));
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An Events API callback around one event. */
  public static String event(String eventId, String eventJson) {
    return "{\"token\":\"legacy\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A0TEST\",\"type\":\"event_callback\","
        + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":" + eventJson + "}";
  }

  public static String mention(String user, String channel, String ts, String text) {
    return "{\"type\":\"app_mention\",\"user\":\"" + user + "\",\"text\":\"" + text + "\",\"ts\":\"" + ts
        + "\",\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"}";
  }

  public static String message(String user, String channel, String channelType, String ts, String threadTs, String text) {
    return "{\"type\":\"message\",\"user\":\"" + user + "\",\"text\":\"" + text + "\",\"ts\":\"" + ts
        + "\",\"channel\":\"" + channel + "\",\"channel_type\":\"" + channelType + "\",\"event_ts\":\"" + ts + "\""
        + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"") + "}";
  }

  /** A block_actions payload for one button press. */
  public static String buttonPress(String user, String channel, String messageTs, boolean ephemeral, String actionId,
      String value, String responseUrl) {
    String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    return "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0TEST\",\"domain\":\"brightwater\"},\"user\":{\"id\":\""
        + user + "\"},\"api_app_id\":\"A0TEST\",\"token\":\"legacy\",\"container\":{\"type\":\"message\","
        + "\"message_ts\":\"" + messageTs + "\",\"channel_id\":\"" + channel + "\",\"is_ephemeral\":" + ephemeral
        + "},\"trigger_id\":\"1.2.3\",\"channel\":{\"id\":\"" + channel + "\",\"name\":\"general\"},"
        + "\"response_url\":\"" + responseUrl + "\",\"actions\":[{\"action_id\":\"" + actionId
        + "\",\"block_id\":\"askhr_answer_actions\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\""
        + escaped + "\",\"type\":\"button\",\"action_ts\":\"1700000000.1\"}]}";
  }
}

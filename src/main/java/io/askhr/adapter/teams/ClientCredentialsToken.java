package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * An app-only access token from a tenant's Entra ID authority (OAuth 2.0 client credentials), cached until shortly
 * before it expires. Used for the Bot Connector (single-tenant outbound) and for Microsoft Graph.
 */
final class ClientCredentialsToken {

  /** Renew this long before expiry, so that a token never expires in flight. */
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private String token;
  private Instant expires = Instant.MIN;

  /** @param authority such as {@code https://login.microsoftonline.com/<tenant id>} */
  ClientCredentialsToken(String authority, String clientId, String clientSecret, String scope) {
    this.tokenEndpoint = URI.create(authority + "/oauth2/v2.0/token");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scope = scope;
  }

  /** A valid token, fetched when none is cached or the cached one is about to expire. */
  synchronized Token get() throws IOException, InterruptedException {
    if (token == null || Instant.now().isAfter(expires.minus(RENEW_BEFORE))) {
      String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
          + encode(clientSecret) + "&scope=" + encode(scope);
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
          .timeout(Duration.ofSeconds(20))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.statusCode() == 200 ? json.readTree(response.body()) : null;
      if (body == null || !body.path("access_token").isTextual()) {
        // the error body names the problem (e.g. AADSTS7000215: invalid client secret) and holds no secret
        throw new IOException("Token request to " + tokenEndpoint + " failed with HTTP " + response.statusCode()
            + ": " + (response.body().length() > 300 ? response.body().substring(0, 300) : response.body()));
      }
      token = body.get("access_token").asText();
      expires = Instant.now().plusSeconds(body.path("expires_in").asLong(3600));
    }
    return new Token(token, expires);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** An access token and when it expires. */
  record Token(String value, Instant expires) {
    @Override
    public String toString() {
      return "Token[expires=" + expires + "]";
    }
  }
}

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group membership from Microsoft Graph ({@code POST /v1.0/users/{id}/checkMemberGroups}, transitive), with the bot's
 * own app-only token. Needs the application permission {@code GroupMember.Read.All}.
 */
final class GraphGroupLookup implements GroupLookup {

  /** Graph checks at most 20 groups per request. */
  private static final int GROUPS_PER_REQUEST = 20;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String graphUrl;
  private final ClientCredentialsToken tokens;

  GraphGroupLookup(String graphUrl, ClientCredentialsToken tokens) {
    this.graphUrl = graphUrl;
    this.tokens = tokens;
  }

  @Override
  public Set<String> memberOf(String aadObjectId, Set<String> candidates) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>(candidates);
    Set<String> member = new HashSet<>();
    for (int from = 0; from < ids.size(); from += GROUPS_PER_REQUEST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + GROUPS_PER_REQUEST));
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(graphUrl + "/v1.0/users/"
              + URLEncoder.encode(aadObjectId, StandardCharsets.UTF_8) + "/checkMemberGroups"))
          .timeout(Duration.ofSeconds(5))
          .header("Authorization", "Bearer " + tokens.get().value())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("groupIds", chunk))))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("Microsoft Graph checkMemberGroups answered HTTP " + response.statusCode());
      }
      JsonNode value = json.readTree(response.body()).path("value");
      value.forEach(id -> member.add(id.asText()));
    }
    return member;
  }
}

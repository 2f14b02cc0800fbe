package io.askhr.adapter.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import io.askhr.config.AudienceMap;
import io.askhr.question.Asker;
import io.askhr.question.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who an asker is in policy terms: the Slack user groups they belong to, mapped to document audiences and a country
 * by the {@link AudienceMap}. Group members are cached; a failed lookup counts as "not a member" (fail closed).
 */
final class SlackAudience {

  private static final Logger log = LoggerFactory.getLogger(SlackAudience.class);
  /** Group membership changes rarely; five minutes keeps Slack's rate limits far away. */
  static final Duration MEMBERS_TTL = Duration.ofMinutes(5);
  /** A failed lookup is retried sooner, so that a Slack hiccup does not hide documents for long. */
  static final Duration FAILURE_TTL = Duration.ofSeconds(30);

  private record Members(Set<String> users, Instant expires) {}

  private final MethodsClient client;
  private final AudienceMap map;
  private final Clock clock;
  private final Map<String, Members> cache = new ConcurrentHashMap<>();

  SlackAudience(MethodsClient client, AudienceMap map, Clock clock) {
    this.client = client;
    this.map = map;
    this.clock = clock;
  }

  /** The asker with the audiences and country their user groups give them. */
  Asker asker(String teamId, String userId) {
    Set<String> memberOf = new HashSet<>();
    for (String group : map.groupIds(Platform.SLACK)) {
      if (members(group).contains(userId)) {
        memberOf.add(group);
      }
    }
    return new Asker(askerId(teamId, userId), "", map.audiencesOf(Platform.SLACK, memberOf),
        map.countryOf(Platform.SLACK, memberOf));
  }

  /** The id AskHR uses for a Slack user: workspace and user, as user ids are only unique per workspace. */
  static String askerId(String teamId, String userId) {
    return "slack:" + Optional.ofNullable(teamId).orElse("") + ":" + userId;
  }

  private Set<String> members(String group) {
    Instant now = clock.instant();
    Members cached = cache.get(group);
    if (cached != null && cached.expires().isAfter(now)) {
      return cached.users();
    }
    Members fresh;
    try {
      UsergroupsUsersListResponse response = client.usergroupsUsersList(r -> r.usergroup(group));
      if (response.isOk() && response.getUsers() != null) {
        fresh = new Members(Set.copyOf(response.getUsers()), now.plus(MEMBERS_TTL));
      } else {
        log.warn("Slack usergroups.users.list for {} failed ({}); its members see documents for everyone only",
            group, response.getError());
        fresh = new Members(Set.of(), now.plus(FAILURE_TTL));
      }
    } catch (Exception e) {
      log.warn("Slack usergroups.users.list for {} failed ({}); its members see documents for everyone only", group,
          e.getClass().getSimpleName());
      fresh = new Members(Set.of(), now.plus(FAILURE_TTL));
    }
    cache.put(group, fresh);
    return fresh.users();
  }
}

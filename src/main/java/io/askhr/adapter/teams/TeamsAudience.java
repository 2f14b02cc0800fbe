package io.askhr.adapter.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import io.askhr.config.AudienceMap;
import io.askhr.question.Asker;
import io.askhr.question.Platform;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who asks in Teams: Azure AD object id and tenant from the activity, document audiences from the audience map and
 * the user's groups. When the groups cannot be read, the asker sees documents for everyone only.
 */
final class TeamsAudience {

  private static final Logger log = LoggerFactory.getLogger(TeamsAudience.class);
  /** Group changes reach AskHR within this; saves one Graph call per question. */
  private static final Duration CACHE_FOR = Duration.ofMinutes(10);
  private static final int MAX_CACHED = 5_000;

  private final AudienceMap audiences;
  private final GroupLookup groups;
  /** Groups by Azure AD object id; a failed lookup is not cached, so the next question tries again. */
  private final Cache<String, Set<String>> cache = Caffeine.newBuilder()
      .maximumSize(MAX_CACHED)
      .expireAfterWrite(CACHE_FOR)
      .executor(Runnable::run)
      .build();

  TeamsAudience(AudienceMap audiences, GroupLookup groups) {
    this.audiences = audiences;
    this.groups = groups;
  }

  /** The asker of an activity; never fails. */
  Asker asker(Activity activity) {
    ChannelAccount from = activity.getFrom();
    String aadObjectId = Optional.ofNullable(from.getAadObjectId()).filter(s -> !s.isBlank()).orElse("");
    String tenant = tenantOf(activity);
    String id = "teams:" + tenant + ":" + (aadObjectId.isEmpty() ? from.getId() : aadObjectId);
    String name = Optional.ofNullable(from.getName()).orElse("");
    Set<String> memberOf = aadObjectId.isEmpty() ? Set.of() : memberOf(aadObjectId);
    return new Asker(id, name, audiences.audiencesOf(Platform.TEAMS, memberOf),
        audiences.countryOf(Platform.TEAMS, memberOf));
  }

  private Set<String> memberOf(String aadObjectId) {
    Set<String> candidates = audiences.groupIds(Platform.TEAMS);
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Set<String> cached = cache.getIfPresent(aadObjectId);
    if (cached != null) {
      return cached;
    }
    try {
      Set<String> found = Set.copyOf(groups.memberOf(aadObjectId, candidates));
      cache.put(aadObjectId, found);
      return found;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("Group lookup failed ({}); answering from documents for everyone only", e.getMessage());
      return Set.of();
    }
  }

  /** The tenant id, from the conversation or from Teams' channel data. */
  static String tenantOf(Activity activity) {
    if (activity.getConversation() != null && activity.getConversation().getTenantId() != null) {
      return activity.getConversation().getTenantId();
    }
    try {
      var data = activity.teamsGetChannelData();
      if (data != null && data.getTenant() != null && data.getTenant().getId() != null) {
        return data.getTenant().getId();
      }
    } catch (RuntimeException e) {
      // no Teams channel data (e.g. the Emulator)
    }
    return "";
  }
}

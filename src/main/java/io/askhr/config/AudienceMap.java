package io.askhr.config;

import io.askhr.knowledge.StrictYaml;
import io.askhr.question.Platform;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which chat-platform groups (Slack user groups, Azure AD groups in Teams) make an employee part of a document
 * audience, and which say the country they work in. Read from a small YAML file that HR or IT maintains:
 *
 * <pre>
 * audiences:
 *   managers:
 *     slack: [S0123MGRS]                             # Slack user group ids
 *     teams: [6f1c...-aad-group-object-id]           # Azure AD group object ids
 * countries:
 *   DE:
 *     slack: [S0456DE]
 * </pre>
 *
 * Anyone in no mapped group sees documents for everyone only (fail closed).
 *
 * @param audiences audience name -> platform -> group ids
 * @param countries ISO country code -> platform -> group ids
 */
public record AudienceMap(
    Map<String, Map<Platform, Set<String>>> audiences, Map<String, Map<Platform, Set<String>>> countries) {

  public AudienceMap {
    audiences = Map.copyOf(audiences);
    countries = Map.copyOf(countries);
  }

  /** No mapping: every asker sees documents for everyone only. */
  public static AudienceMap none() {
    return new AudienceMap(Map.of(), Map.of());
  }

  /** Reads the map from a YAML file; a malformed file stops start-up with a message naming it. */
  public static AudienceMap read(Path file) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = StrictYaml.create(false).load(reader);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("Cannot read the audience map " + file + " (AUDIENCES_FILE): " + e.getMessage());
    }
    if (root == null) {
      return none();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(file + " must hold 'audiences:' and 'countries:' mappings");
    }
    for (Object key : map.keySet()) {
      if (!"audiences".equals(key) && !"countries".equals(key)) {
        throw new ConfigException(file + ": unknown key '" + key + "' (expected 'audiences' or 'countries')");
      }
    }
    return new AudienceMap(section(file, map.get("audiences"), false), section(file, map.get("countries"), true));
  }

  private static Map<String, Map<Platform, Set<String>>> section(Path file, Object value, boolean countries) {
    Map<String, Map<Platform, Set<String>>> result = new LinkedHashMap<>();
    if (value == null) {
      return result;
    }
    if (!(value instanceof Map<?, ?> entries)) {
      throw new ConfigException(file + ": 'audiences' and 'countries' must be mappings");
    }
    entries.forEach((name, platforms) -> {
      String key = countries ? String.valueOf(name).toUpperCase(Locale.ROOT) : String.valueOf(name).toLowerCase(
          Locale.ROOT);
      if (countries && !key.matches("[A-Z]{2}")) {
        throw new ConfigException(file + ": country '" + name + "' must be a two-letter ISO code such as DE");
      }
      Map<Platform, Set<String>> groups = new LinkedHashMap<>();
      if (platforms instanceof Map<?, ?> byPlatform) {
        byPlatform.forEach((platform, ids) -> groups.put(platform(file, platform), ids(file, name, ids)));
      } else if (platforms != null) {
        throw new ConfigException(file + ": '" + name + "' must map 'slack' and/or 'teams' to lists of group ids");
      }
      result.put(key, groups);
    });
    return result;
  }

  private static Platform platform(Path file, Object name) {
    return switch (String.valueOf(name).toLowerCase(Locale.ROOT)) {
      case "slack" -> Platform.SLACK;
      case "teams" -> Platform.TEAMS;
      default -> throw new ConfigException(file + ": unknown platform '" + name + "' (expected slack or teams)");
    };
  }

  private static Set<String> ids(Path file, Object owner, Object ids) {
    if (ids instanceof String one) {
      return Set.of(one);
    }
    if (!(ids instanceof List<?> list)) {
      throw new ConfigException(file + ": the groups of '" + owner + "' must be a list of ids");
    }
    Set<String> result = new LinkedHashSet<>();
    list.forEach(id -> result.add(String.valueOf(id)));
    return result;
  }

  /** Every group id of a platform the map mentions: the groups worth looking up for an asker. */
  public Set<String> groupIds(Platform platform) {
    Set<String> ids = new TreeSet<>();
    audiences.values().forEach(m -> ids.addAll(m.getOrDefault(platform, Set.of())));
    countries.values().forEach(m -> ids.addAll(m.getOrDefault(platform, Set.of())));
    return ids;
  }

  /** The audiences an asker belongs to, given the ids of the platform groups they are a member of. */
  public Set<String> audiencesOf(Platform platform, Collection<String> memberOf) {
    Set<String> result = new TreeSet<>();
    audiences.forEach((audience, groups) -> {
      if (groups.getOrDefault(platform, Set.of()).stream().anyMatch(memberOf::contains)) {
        result.add(audience);
      }
    });
    return result;
  }

  /** The asker's country, when exactly one mapped country's groups include them (ambiguity tells nothing). */
  public Optional<String> countryOf(Platform platform, Collection<String> memberOf) {
    List<String> matches = countries.entrySet().stream()
        .filter(e -> e.getValue().getOrDefault(platform, Set.of()).stream().anyMatch(memberOf::contains))
        .map(Map.Entry::getKey)
        .toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }
}

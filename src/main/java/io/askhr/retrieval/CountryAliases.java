package io.askhr.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employees write "UK" or "the States" where policies write "United Kingdom" and "United States"; the keyword search
 * gets the policy's words too, so that a country-specific section can outrank its neighbours.
 */
final class CountryAliases {

  /** Case-sensitive where the alias is also an English word ("US" but not "us"). */
  private static final Map<Pattern, String> ALIASES = new LinkedHashMap<>();

  static {
    ALIASES.put(Pattern.compile("(?i)\\b(uk|u\\.k\\.|britain|british|england|english office|gb)\\b"), "united kingdom");
    ALIASES.put(Pattern.compile("\\b(US|USA|U\\.S\\.|U\\.S\\.A\\.)\\b|(?i)\\b(america|american|the states)\\b"),
        "united states");
    ALIASES.put(Pattern.compile("(?i)\\b(german|deutschland|de office)\\b"), "germany");
  }

  private CountryAliases() {}

  /** The query followed by the policy wording of every country alias it contains. */
  static String expand(String query) {
    StringBuilder expanded = new StringBuilder(query);
    for (Map.Entry<Pattern, String> alias : ALIASES.entrySet()) {
      Matcher m = alias.getKey().matcher(query);
      if (m.find()) {
        expanded.append(' ').append(alias.getValue());
      }
    }
    return expanded.toString();
  }
}

package io.askhr.drafting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises lines of a policy that state one country's rule, and questions that name a country. */
final class Countries {

  /** Country names and the words employees use for them, per country; a line opening with one is country-specific. */
  private static final List<Pattern> COUNTRIES = List.of(
      Pattern.compile("\\b(?:united kingdom|uk|gb|great britain|britain|england|scotland|wales|london|manchester)\\b"),
      Pattern.compile("\\b(?:germany|german|deutschland|de|berlin|hamburg|munich|münchen)\\b"),
      Pattern.compile("\\b(?:united states|us|usa|america|american|austin|boston|texas|massachusetts)\\b"));
  private static final Pattern OPENING = Pattern.compile(
      "^(?:[-*•]\\s+)?(?:in (?:the )?)?(united kingdom|germany|united states|uk|us|gb|de)\\b\\s*[:,—–-]?", Pattern.CASE_INSENSITIVE);

  /** In a question "us" is usually the pronoun: only "US", "U.S." or another name counts. */
  private static final Pattern US_IN_QUESTION = Pattern.compile("\\b(?:US|U\\.S\\.?|USA)\\b");

  private Countries() {}

  /** The country a question names (index into the known countries), if exactly one. */
  static Optional<Integer> askedAbout(String question) {
    Optional<Integer> found = Optional.empty();
    for (int i = 0; i < COUNTRIES.size(); i++) {
      boolean named = names(i, question);
      if (named && found.isPresent()) {
        return Optional.empty();
      }
      if (named) {
        found = Optional.of(i);
      }
    }
    return found;
  }

  private static boolean names(int country, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (country == COUNTRIES.size() - 1) {
      return US_IN_QUESTION.matcher(text).find() || COUNTRIES.get(country).matcher(lower.replaceAll("\\bus\\b", "")).find();
    }
    return COUNTRIES.get(country).matcher(lower).find();
  }

  /** The country a section's headings name, if any ("Severance pay › United States › Worked example"). */
  static Optional<Integer> ofSection(List<String> headings) {
    for (int h = headings.size() - 1; h >= 0; h--) {
      for (int i = 0; i < COUNTRIES.size(); i++) {
        if (names(i, headings.get(h))) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  /** True when the line opens with a country the question does not name. */
  static boolean otherCountryLine(String line, String question) {
    var m = OPENING.matcher(line.strip());
    if (!m.find()) {
      return false;
    }
    String country = m.group(1).toLowerCase(Locale.ROOT);
    String q = question.toLowerCase(Locale.ROOT);
    for (Pattern p : COUNTRIES) {
      if (p.matcher(country).find()) {
        return !p.matcher(q).find();
      }
    }
    return false;
  }
}

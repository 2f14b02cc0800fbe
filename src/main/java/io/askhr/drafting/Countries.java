package io.askhr.drafting;

import java.util.List;
import java.util.Locale;
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

  private Countries() {}

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

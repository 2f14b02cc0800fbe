package io.askhr.drafting;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Employees name a month ("I joined in August", "laid off in Feb"); policies state a range ("people who started
 * between 1 July and 30 September", "ended through redundancy between 1 January and 31 March"). A line whose range
 * holds the month the question names is about that employee, though the two share no word.
 */
final class MonthRanges {

  /** Each month's words, January first: its English name (as policies write it), short forms, German and French. */
  private static final String[][] NAMES = {
      {"january", "jan", "januar", "janvier"},
      {"february", "feb", "februar", "février", "fevrier"},
      {"march", "mar", "märz", "maerz", "mars"},
      {"april", "apr", "avril"},
      {"may", "mai"},
      {"june", "jun", "juni", "juin"},
      {"july", "jul", "juli", "juillet"},
      {"august", "aug", "août", "aout"},
      {"september", "sep", "sept", "septembre"},
      {"october", "oct", "oktober", "okt", "octobre"},
      {"november", "nov", "novembre"},
      {"december", "dec", "dezember", "dez", "décembre"}};
  /** Month words in questions: English (with the usual short forms), German and French. */
  private static final Map<String, Integer> QUESTION_MONTHS = months();
  private static final Pattern QUESTION_MONTH = Pattern.compile("(?iu)(?<![\\p{L}])("
      + String.join("|", QUESTION_MONTHS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList())
      + ")\\.?(?![\\p{L}])");
  /** "may" is a month only after a word that dates it ("in May", "mid-May"), not in "may I". */
  private static final Pattern DATED_MAY = Pattern.compile(
      "(?i)\\b(?:in|since|from|until|till|by|early|mid|late|end of|start of|beginning of|\\d{1,2}(?:st|nd|rd|th)?)"
          + "[\\s-]+may\\b|\\bmay\\s+\\d");

  /** English month names as policies write them, for patterns (Quantities uses them too). */
  static final String MONTH_NAMES = Arrays.stream(NAMES).map(words -> words[0]).collect(Collectors.joining("|"));
  private static final String MONTH = "(" + MONTH_NAMES + ")";
  private static final String DAY = "(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?";
  private static final String DAY_AFTER = "(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+\\d{4})?";
  /** "between 1 July and 30 September", "between July 1 and September 30, 2026". */
  private static final Pattern BETWEEN = Pattern.compile("(?i)\\bbetween\\s+(?:the\\s+)?" + DAY + MONTH + DAY_AFTER
      + "\\s+and\\s+(?:the\\s+)?" + DAY + MONTH + "\\b");
  /** "from April to June", "1 January – 31 March 2027", "July 1 through September 30" (not "1 April and 1 May"). */
  private static final Pattern FROM_TO = Pattern.compile("(?i)\\b" + DAY + MONTH + DAY_AFTER
      + "\\s*(?:to|until|through|–|—|-)\\s*(?:the\\s+)?" + DAY + MONTH + "\\b");

  private MonthRanges() {}

  /** The months (1 to 12) the question names. */
  static Set<Integer> namedIn(String question) {
    Set<Integer> named = new LinkedHashSet<>();
    Matcher m = QUESTION_MONTH.matcher(question);
    while (m.find()) {
      String word = m.group(1).toLowerCase(Locale.ROOT);
      if (!word.equals("may") || DATED_MAY.matcher(question).find()) {
        named.add(QUESTION_MONTHS.get(word));
      }
    }
    return named;
  }

  /** Whether the line states a range of months that holds one of {@code months} (a range may run over New Year). */
  static boolean holds(String line, Set<Integer> months) {
    if (months.isEmpty()) {
      return false;
    }
    return holds(BETWEEN.matcher(line), months) || holds(FROM_TO.matcher(line), months);
  }

  private static boolean holds(Matcher range, Set<Integer> months) {
    while (range.find()) {
      int from = QUESTION_MONTHS.get(range.group(1).toLowerCase(Locale.ROOT));
      int to = QUESTION_MONTHS.get(range.group(2).toLowerCase(Locale.ROOT));
      for (int month : months) {
        if (from <= to ? month >= from && month <= to : month >= from || month <= to) {
          return true;
        }
      }
    }
    return false;
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> months = new HashMap<>();
    for (int i = 0; i < NAMES.length; i++) {
      for (String name : NAMES[i]) {
        months.put(name, i + 1);
      }
    }
    return Map.copyOf(months);
  }
}

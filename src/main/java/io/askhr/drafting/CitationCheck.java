package io.askhr.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a draft honest: every citation must name a passage that was retrieved and shown to the model.
 * Phantom or out-of-range citations are removed from the text; the rest become {@link Draft#marker(int)}s.
 */
final class CitationCheck {

  /**
   * The forms models actually write: {@code [1]}, {@code [1, 3]}, {@code [1-3]}, {@code [source 2]}, {@code [^1]},
   * {@code 【2】}. Any bracket holding only numbers and separators is a citation, checked or removed.
   */
  private static final Pattern CITATION = Pattern.compile(
      "(?:\\[\\^?|\u3010)\\s*(?:sources?\\s*)?(\\d[\\d\\s,;\u2013-]*?)\\s*(?:]|\u3011)", Pattern.CASE_INSENSITIVE);
  /** More digits than this cannot be a source number (and would overflow an int). */
  private static final int MAX_DIGITS = 3;

  private CitationCheck() {}

  /** The draft with only grounded citations left, as markers, and the numbers they cite. */
  static Draft check(String text, int sourceCount) {
    TreeSet<Integer> cited = new TreeSet<>();
    Matcher m = CITATION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringBuilder kept = new StringBuilder();
      for (int n : numbers(m.group(1), sourceCount)) {
        kept.append(Draft.marker(n));
        cited.add(n);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(kept.toString()));
    }
    m.appendTail(out);
    String cleaned = out.toString().replaceAll("[ \\t]+([.,;:!?])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
    return new Draft(cleaned, List.copyOf(cited), false);
  }

  /** The source numbers in "1, 3" or "2-4" that lie within 1..sourceCount; others are phantoms. */
  private static List<Integer> numbers(String list, int sourceCount) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : list.split("[,;\\s]+")) {
      String[] range = part.split("[\u2013-]", -1);
      if (part.isEmpty() || range.length > 2 || range[0].isEmpty() || range[range.length - 1].isEmpty()
          || range[0].length() > MAX_DIGITS || range[range.length - 1].length() > MAX_DIGITS) {
        continue;
      }
      int from = Integer.parseInt(range[0]);
      int to = Integer.parseInt(range[range.length - 1]);
      for (int n = from; n <= to && n <= sourceCount; n++) {
        if (n >= 1) {
          numbers.add(n);
        }
      }
    }
    return numbers;
  }
}

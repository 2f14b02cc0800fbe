package io.askhr.drafting;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a draft honest: every {@code [n]} must name a passage that was retrieved and shown to the model.
 * Phantom or out-of-range markers are removed from the text; what remains is listed as cited.
 */
final class CitationCheck {

  /** {@code [1]}, {@code [1, 3]}, {@code [1][2]}, {@code [source 2]}: the forms models actually write. */
  private static final Pattern MARKER = Pattern.compile("\\[(?:sources?\\s*)?(\\d+(?:\\s*[,;]\\s*(?:sources?\\s*)?\\d+)*)]",
      Pattern.CASE_INSENSITIVE);

  private CitationCheck() {}

  /** The draft with only grounded markers left, each rewritten as {@code [n]}. */
  static Draft check(String text, int sourceCount) {
    TreeSet<Integer> cited = new TreeSet<>();
    Matcher m = MARKER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringBuilder kept = new StringBuilder();
      for (String part : m.group(1).split("[,;]")) {
        int n = Integer.parseInt(part.replaceAll("\\D", ""));
        if (n >= 1 && n <= sourceCount) {
          kept.append('[').append(n).append(']');
          cited.add(n);
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(kept.toString()));
    }
    m.appendTail(out);
    String cleaned = out.toString().replaceAll("[ \\t]+([.,;:!?])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
    return new Draft(cleaned, List.copyOf(cited), false);
  }
}

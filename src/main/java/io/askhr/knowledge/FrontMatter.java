package io.askhr.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits YAML front matter from a Markdown body, strictly: front matter starts on line 1 with exactly {@code ---}
 * and ends at the next line of exactly {@code ---} (or {@code ...}). Anything that looks like front matter but is
 * not delimited so (a blank line first, {@code ----}, {@code +++}, no closing line) is an error rather than text, so
 * that a typo never turns a restricted document into a public one.
 */
final class FrontMatter {

  /** What the split found. @param yaml the front matter, when there is any; @param body the rest */
  record Split(Optional<String> yaml, String body) {}

  private static final Pattern DELIMITER = Pattern.compile("^(---|\\.\\.\\.)[ \\t]*$");
  private static final Pattern DASHES = Pattern.compile("^[ \\t]*-{3,}[ \\t]*$");
  private static final Pattern PLUSES = Pattern.compile("^[ \\t]*\\+{3,}[ \\t]*$");
  /** A YAML "key:" line, the sign that HR meant metadata. */
  private static final Pattern KEY_LINE = Pattern.compile("^[ \\t]*[A-Za-z_][\\w -]{0,40}:([ \\t].*)?$");

  private FrontMatter() {}

  static Split split(String text) throws DocumentProblem {
    List<String> lines = List.of(text.split("\n", -1));
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      return new Split(Optional.empty(), text);
    }
    String opening = lines.get(first);
    if (PLUSES.matcher(opening).matches()) {
      throw new DocumentProblem("front matter between +++ lines (TOML) is not read: put the metadata between ---"
          + " lines, in YAML");
    }
    if (!DASHES.matcher(opening).matches()) {
      return new Split(Optional.empty(), text);
    }
    boolean exact = first == 0 && opening.strip().equals("---");
    if (!exact) {
      if (looksLikeMetadata(lines, first + 1)) {
        throw new DocumentProblem("front matter must start on line 1 with exactly --- (found '" + opening.strip()
            + "' on line " + (first + 1) + ")");
      }
      return new Split(Optional.empty(), text);
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (DELIMITER.matcher(line).matches()) {
        return new Split(Optional.of(String.join("\n", lines.subList(1, i))),
            String.join("\n", lines.subList(i + 1, lines.size())));
      }
      if (DASHES.matcher(line).matches() || PLUSES.matcher(line).matches()) {
        throw new DocumentProblem("front matter must end with a line of exactly --- (found '" + line.strip()
            + "' on line " + (i + 1) + ")");
      }
    }
    if (looksLikeMetadata(lines, 1)) {
      throw new DocumentProblem("front matter opened on line 1 is never closed with a line of exactly ---");
    }
    // A lone leading rule followed by prose is a thematic break, not metadata.
    return new Split(Optional.empty(), text);
  }

  /** Whether the first non-blank line from {@code from} is a "key:" line. */
  private static boolean looksLikeMetadata(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return KEY_LINE.matcher(lines.get(i)).matches();
      }
    }
    return false;
  }
}

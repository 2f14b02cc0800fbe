package io.askhr.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the table rows the readers write as labelled lines ("Period after the move: Months 1 – 12; Base salary:
 * Your previous base salary in full." or "L1 – L3 — Notice: 1 month."): rows of one table are adjacent lines with the
 * same column names.
 */
final class TableRows {

  private static final Pattern ROW_LABEL = Pattern.compile("^[^;:]{1,80}? — ");
  private static final Pattern CELL = Pattern.compile("^([^:;]{1,60}): \\S.*");
  /** A column name is a few words; a longer text before a colon is a sentence's lead-in. */
  private static final int MAX_COLUMN_WORDS = 6;

  private TableRows() {}

  /** The column names of a labelled row, or empty when the line is not one. */
  static Optional<List<String>> columns(String line) {
    String s = ROW_LABEL.matcher(line.strip()).replaceFirst("");
    List<String> names = new ArrayList<>();
    for (String cell : s.split("; ")) {
      var m = CELL.matcher(cell);
      if (!m.matches() || Sentences.wordCount(m.group(1)) > MAX_COLUMN_WORDS) {
        return Optional.empty();
      }
      names.add(m.group(1).strip());
    }
    return Optional.of(names);
  }

  /**
   * The indexes of the rows of the table that line {@code at} belongs to, in order: the adjacent lines with the same
   * column names. Empty when the line is not a row or stands alone.
   */
  static List<Integer> tableOf(List<String> lines, int at) {
    Optional<List<String>> columns = columns(lines.get(at));
    if (columns.isEmpty()) {
      return List.of();
    }
    int first = at;
    while (first > 0 && columns.equals(columns(lines.get(first - 1)))) {
      first--;
    }
    int last = at;
    while (last + 1 < lines.size() && columns.equals(columns(lines.get(last + 1)))) {
      last++;
    }
    if (first == last) {
      return List.of();
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      rows.add(i);
    }
    return rows;
  }
}

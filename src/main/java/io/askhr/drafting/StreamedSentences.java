package io.askhr.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a model's token stream into sentences as soon as each one is certainly complete: its full stop (or ! ?) is
 * followed by space and the start of the next sentence, or a line break is followed by more text. Each piece keeps
 * the whitespace before it, so the pieces concatenated are the text as the model wrote it.
 */
final class StreamedSentences {

  /** The same boundaries as {@link Sentences}: a sentence end before a capital, digit, quote or list mark; a line break. */
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])[ \\t]+(?=[\\p{Lu}\\d\"'(*_\\-•])|\\n+(?=[^\\n])");
  private static final Pattern ABBREVIATION_END = Pattern.compile("(?i).*\\b(e\\.g|i\\.e|etc|vs|approx|no|incl|cf)\\.$");

  private final StringBuilder buffer = new StringBuilder();
  /** Where in the buffer the pending (unfinished) piece starts. */
  private int start;

  /** Adds a token; returns the pieces it completed, in order. */
  List<String> add(String token) {
    buffer.append(token);
    List<String> pieces = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(buffer);
    int searchFrom = start + leadingSpace(start);
    while (searchFrom < buffer.length() && m.find(searchFrom)) {
      String piece = buffer.substring(start, m.start());
      if (!piece.contains("\n") && ABBREVIATION_END.matcher(piece.strip()).matches()) {
        searchFrom = m.end();
        continue;
      }
      pieces.add(piece);
      start = m.start();
      searchFrom = m.end();
    }
    return pieces;
  }

  /** The rest of the text once the stream ended; empty when nothing is left. */
  String rest() {
    String rest = buffer.substring(start);
    start = buffer.length();
    return rest.isBlank() ? "" : rest;
  }

  private int leadingSpace(int from) {
    int i = from;
    while (i < buffer.length() && Character.isWhitespace(buffer.charAt(i))) {
      i++;
    }
    return i - from;
  }
}

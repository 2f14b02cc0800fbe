package io.askhr.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Sentence splitting and word normalisation for choosing which policy sentences to quote. */
final class Sentences {

  /** A sentence ends at . ! or ? followed by space and a capital, digit or quote; lists and table rows end at line breaks. */
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"'(])|\\n+");
  private static final Pattern ABBREVIATION_END = Pattern.compile("(?i).*\\b(e\\.g|i\\.e|etc|vs|approx|no|incl|cf)\\.$");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> STOP = Set.of(
      "the", "and", "for", "are", "was", "were", "what", "when", "how", "who", "does", "did", "can", "could",
      "with", "this", "that", "there", "their", "they", "have", "has", "had", "from", "your", "you", "our", "will",
      "would", "should", "about", "which", "into", "any", "all", "may", "not", "but", "its", "his", "her", "also",
      "than", "then", "them", "these", "those", "been", "being", "get", "got", "i'm", "much", "many", "some", "only");

  private Sentences() {}

  static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String part : BOUNDARY.split(text)) {
      String s = part.strip();
      if (s.isEmpty()) {
        continue;
      }
      pending.append(pending.length() > 0 ? " " : "").append(s);
      if (!ABBREVIATION_END.matcher(s).matches()) {
        sentences.add(pending.toString());
        pending.setLength(0);
      }
    }
    if (pending.length() > 0) {
      sentences.add(pending.toString());
    }
    return sentences;
  }

  /** Lower-cased content words with a light suffix strip, so "holidays" meets "holiday". */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      // Short codes carry meaning in HR questions: "L5", "3x"; short plain words rarely do.
      if ((w.length() > 2 || w.chars().anyMatch(Character::isDigit)) && !STOP.contains(w)) {
        words.add(stem(w));
      }
    }
    return words;
  }

  static String stem(String w) {
    if (w.length() > 5 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 5 && (w.endsWith("ing") || w.endsWith("ed"))) {
      return w.substring(0, w.length() - (w.endsWith("ing") ? 3 : 2));
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  static int wordCount(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}

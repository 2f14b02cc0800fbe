package io.askhr.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a two-part question ("how long is a PIP and can I bring someone?") into the parts that need an answer each. */
final class QuestionParts {

  /** Between two questions: a question mark with more text after it, or "and" / "also" before a new question word. */
  private static final Pattern SEPARATOR = Pattern.compile(
      "(?i)\\?+\\s+(?=\\S)|[,;]?\\s+(?:and|also|plus|&)\\s+(?=(?:can|could|do|does|did|is|are|will|would|should|what|"
          + "whats|what's|how|when|where|who|which|if|am|i|is there|are there)\\b)|\\s*[;]\\s+");
  /** A part needs this many content words to stand on its own ("and why?" does not). */
  private static final int MIN_CONTENT_WORDS = 2;

  private QuestionParts() {}

  /** The parts, or the whole question as its one part. */
  static List<String> split(String question) {
    List<String> parts = new ArrayList<>();
    for (String piece : SEPARATOR.split(question.strip())) {
      String p = piece.strip();
      if (Sentences.words(p).size() >= MIN_CONTENT_WORDS) {
        parts.add(p);
      } else if (!parts.isEmpty() && !p.isEmpty()) {
        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + p);
      }
    }
    return parts.isEmpty() ? List.of(question.strip()) : List.copyOf(parts);
  }
}

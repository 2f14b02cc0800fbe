package io.askhr.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a two-part question ("how long is a PIP and can I bring someone?") into the parts that need an answer each. */
final class QuestionParts {

  /** Between two questions: a question mark with more text after it, or "and" / "also" before a new question word. */
  private static final Pattern SEPARATOR = Pattern.compile(
      "(?i)\\?+\\s+(?=\\S)|[,;]?\\s+(?:and|also|plus|&)\\s+(?=(?:can|could|do|does|did|is|are|will|would|should|what|"
          + "whats|what's|how|when|where|who|which|if|am|i|is there|are there)\\b)|\\s*[;]\\s+");
  /** A piece that opens like a question, in English, German or French. */
  private static final Pattern QUESTION_OPENER = Pattern.compile("(?i)(?:(?:and|also|plus|but|so|or|&|und|et)\\s+)?"
      + "(?:can|could|do|does|did|is|are|was|were|will|would|should|shall|may|might|must|have|has|what|whats|what's"
      + "|how|when|where|who|whom|whose|which|why|if|am|any|kann|muss|darf|wie|was|wann|wo|wer|warum|gibt|habe|bin"
      + "|ist|sind|quand|comment|combien|qui|quel|quelle|est-ce|puis-je|dois-je|ai-je)\\b");
  /** A piece that restates the one before instead of asking something new: "like how far below ...", "i mean ...". */
  private static final Pattern CLARIFIER = Pattern.compile(
      "(?i)(?:like|i mean|as in|e\\.g\\.?|eg|for example|for instance|i\\.e\\.?|ie|specifically|basically)\\b");
  /** A part needs this many content words to stand on its own ("and why?" does not). */
  private static final int MIN_CONTENT_WORDS = 2;

  private QuestionParts() {}

  /**
   * The parts, or the whole question as its one part. A piece that is not a question ("... ? trying to plan a trip")
   * or that restates the one before ("... ? like how far ...") belongs to the part before it.
   */
  static List<String> split(String question) {
    String text = question.strip();
    List<String> parts = new ArrayList<>();
    Matcher separator = SEPARATOR.matcher(text);
    int start = 0;
    while (separator.find()) {
      add(parts, text.substring(start, separator.start()), separator.group().contains("?"));
      start = separator.end();
    }
    add(parts, text.substring(start), text.endsWith("?"));
    return parts.isEmpty() ? List.of(text) : List.copyOf(parts);
  }

  private static void add(List<String> parts, String piece, boolean endsInQuestionMark) {
    String p = piece.strip();
    boolean asks = endsInQuestionMark || QUESTION_OPENER.matcher(p).lookingAt();
    boolean standsAlone = Sentences.words(p).size() >= MIN_CONTENT_WORDS
        && (parts.isEmpty() || (asks && !CLARIFIER.matcher(p).lookingAt()));
    if (standsAlone) {
      parts.add(p);
    } else if (!parts.isEmpty() && !p.isEmpty()) {
      parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + p);
    }
  }
}

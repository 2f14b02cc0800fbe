package io.askhr.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Sentence splitting, word normalisation and the kind of each line, for choosing which policy sentences to quote. */
final class Sentences {

  /** A sentence ends at . ! or ? followed by space and a capital, digit or quote; lists and table rows end at line breaks. */
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"'(])|\\n+");
  private static final Pattern ABBREVIATION_END = Pattern.compile("(?i).*\\b(e\\.g|i\\.e|etc|vs|approx|no|incl|cf)\\.$");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  /** A list item or table row up to this long is quoted whole; longer ones sentence by sentence. */
  private static final int MAX_ITEM_WORDS = 45;
  private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*•]|\\d{1,3}[.)])\\s+");

  /** Site furniture rather than policy: "Back to top", "Next: Leave", "Home › Policies", "Table of contents". */
  private static final Pattern NAVIGATION = Pattern.compile(
      "(?i)^(?:back to (?:top|the top|index|contents)|top of page|skip to\\b|table of contents|contents$|on this page"
          + "|(?:next|previous|prev|up|home|related(?: pages| links)?|see also|return to|go to)\\s*[:›»>|/-]"
          + "|page \\d+ of \\d+|print this page|share this page|last (?:updated|reviewed)\\b)");
  /** Three or more short items separated by breadcrumb or menu separators. */
  private static final Pattern MENU = Pattern.compile("^[^.!?]{1,40}(?:\\s*[›»>|·/]\\s*[^.!?]{1,40}){2,}$");
  /** A cross-reference standing alone: "See Severance pay." */
  private static final Pattern CROSS_REFERENCE = Pattern.compile(
      "(?i)^(?:(?:see|read|refer to)\\s+[^.;]{1,80}|[^.;]{1,40}\\W+see (?:below|above|overleaf))\\.?$");
  /** The page describing itself instead of answering: "This page explains how ...". */
  private static final Pattern INTRODUCTION = Pattern.compile(
      "(?i)^(?:this (?:page|policy|section|document|guide|code|procedure|handbook)\\b"
          + "|the following (?:page|section)s?\\b|in this (?:page|section|policy|guide)\\b|below,? (?:we|you)\\b)"
          + "|\\bthis (?:page|section|guide) (?:explains|covers|describes|sets out|lists|gives|tells)\\b");
  private static final Pattern TERMINAL = Pattern.compile(".*[.!?:;…)\\]\"”’']$");

  /** What a line of a passage is, for deciding whether it may be quoted as an answer. */
  enum Kind {
    /** A statement, list item or labelled table row: may answer. */
    STATEMENT,
    /** A statement ending in a colon that introduces the lines after it ("your pay is protected:"). */
    LEAD_IN,
    /** The document describing itself ("This page explains ..."): quoted only when nothing else answers. */
    INTRODUCTION,
    /** Never quoted: a heading-like line, a question, a table header, navigation or a cross-reference. */
    HEADING,
    QUESTION,
    TABLE_HEADER,
    NAVIGATION;

    boolean quotable() {
      return this == STATEMENT || this == LEAD_IN || this == INTRODUCTION;
    }
  }

  private Sentences() {}

  /**
   * The quotable units of a passage: each list item and table row whole (its sentences make one point), other lines
   * sentence by sentence.
   */
  static List<String> split(String text) {
    List<String> units = new ArrayList<>();
    for (String line : text.split("\\n+")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if ((LIST_MARKER.matcher(l).find() || isLabelledRow(l)) && wordCount(l) <= MAX_ITEM_WORDS) {
        units.add(l);
      } else {
        units.addAll(sentences(l));
      }
    }
    return units;
  }

  /** A table row as the readers write it: "Column: value; Column: value." */
  private static boolean isLabelledRow(String line) {
    return line.contains(": ") && line.contains("; ");
  }

  static List<String> sentences(String text) {
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

  /** The kind of one line or sentence of a passage. */
  static Kind kind(String line) {
    String s = LIST_MARKER.matcher(line.strip()).replaceFirst("").strip();
    if (s.isEmpty()) {
      return Kind.HEADING;
    }
    if (s.endsWith("?") || s.endsWith("?\"") || s.endsWith("?”")) {
      return Kind.QUESTION;
    }
    if (NAVIGATION.matcher(s).find() || CROSS_REFERENCE.matcher(s).matches()
        || (MENU.matcher(s).matches() && !s.contains(" | ") && !WORD.matcher(s).results().anyMatch(m -> isNumber(m.group())))) {
      return Kind.NAVIGATION;
    }
    if (s.contains(" | ") && isTableHeader(s)) {
      return Kind.TABLE_HEADER;
    }
    if (isHeadingLike(line.strip(), s)) {
      return Kind.HEADING;
    }
    if (INTRODUCTION.matcher(s).find()) {
      return Kind.INTRODUCTION;
    }
    return s.endsWith(":") ? Kind.LEAD_IN : Kind.STATEMENT;
  }

  /** Column names: every cell short, without figures or sentence punctuation. */
  private static boolean isTableHeader(String s) {
    for (String cell : s.split("\\s\\|\\s")) {
      String c = cell.strip();
      if (wordCount(c) > 5 || c.chars().anyMatch(Character::isDigit) || c.endsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /**
   * A short capitalised line without closing punctuation, figures or a formula: a heading that a reader did not
   * recognise as one ("Working from another country", "Holiday during garden leave").
   */
  private static boolean isHeadingLike(String raw, String s) {
    boolean listItem = LIST_MARKER.matcher(raw).find();
    return !listItem && wordCount(s) <= 8 && Character.isUpperCase(s.codePointAt(0)) && !TERMINAL.matcher(s).matches()
        && s.chars().noneMatch(Character::isDigit) && !s.contains("=") && !s.contains(";") && !s.contains(",")
        && !s.contains("|");
  }

  private static boolean isNumber(String word) {
    return word.chars().allMatch(Character::isDigit);
  }

  /** Stemmed content words, so "holidays" meets "holiday" ({@link ContentWords}). */
  static List<String> words(String text) {
    return ContentWords.of(text);
  }

  static int wordCount(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}

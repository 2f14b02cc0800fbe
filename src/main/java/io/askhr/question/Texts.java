package io.askhr.question;

/** Employees' text as it is kept: cut to a length, and storable in any database AskHR writes to. */
public final class Texts {

  private Texts() {}

  /** The first {@code max} characters of {@code text} (empty for null), one fewer if a surrogate pair would split. */
  public static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /**
   * {@code text} (empty for null) without NUL characters, which PostgreSQL's text columns refuse: a message carrying
   * one would lose its whole record.
   */
  public static String storable(String text) {
    return text == null ? "" : text.replace("\u0000", "");
  }
}

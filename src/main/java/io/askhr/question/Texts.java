package io.askhr.question;

/** Cutting text to a length before it is kept. */
final class Texts {

  private Texts() {}

  /** The first {@code max} characters of {@code text} (empty for null), one fewer if a surrogate pair would split. */
  static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}

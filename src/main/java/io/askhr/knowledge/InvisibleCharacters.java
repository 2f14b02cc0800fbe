package io.askhr.knowledge;

import java.util.regex.Pattern;

/**
 * Zero-width and direction-control characters: invisible, yet they split words for search ("an\u200Bnual" would
 * become "an nual"). They are removed, not replaced by spaces, in questions and in indexed text alike.
 */
public final class InvisibleCharacters {

  /** Soft hyphen, Mongolian vowel separator, zero-width space/joiners, bidi marks and isolates, word joiners, BOM. */
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u00AD\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF]");

  private InvisibleCharacters() {}

  /** The text without invisible characters. */
  public static String remove(String text) {
    return INVISIBLE.matcher(text).replaceAll("");
  }
}

package io.askhr.insight;

import io.askhr.question.Texts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes contact details and identifying numbers from text before it is stored. Text is first cut to
 * {@link #MAX_CHARS}, and every pattern has bounded repetition, so the work grows linearly with the text whatever an
 * employee (or an attacker) sends.
 */
public final class Redaction {

  /** Longest text stored: a question is at most a few paragraphs; more only costs disk and review time. */
  public static final int MAX_CHARS = 4_000;

  /**
   * An e-mail address. Each part is bounded (64 characters before the @ and 63 per domain label, the RFC limits)
   * and possessive, so a long word without an @ costs at most 64 steps per character instead of the whole word.
   */
  static final Pattern EMAIL = Pattern.compile(
      "[\\p{L}0-9._%+'-]{1,64}+@[\\p{L}0-9-]{1,63}+(?:\\.[\\p{L}0-9-]{1,63}+){1,8}+");
  /**
   * A phone number: an international prefix and at least 7 digits, or at least 9 digits with separators. Nine
   * keeps ISO dates (8 digits) and amounts such as "1,500.00" readable. At most 24 characters between the first and
   * last digit (the longest written form, "+44 (0) 20 7946 0958 12", fits), so a long run of digits and spaces is
   * scanned in linear time.
   */
  static final Pattern PHONE = Pattern.compile(
      "(?<![\\p{L}0-9])(\\+\\d[\\d\\s().-]{5,24}\\d|\\(?\\d[\\d\\s().-]{7,24}\\d)(?![\\p{L}0-9])");
  /** Six or more digits in a row: employee, bank, passport and national-insurance numbers. */
  static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}+");

  private Redaction() {}

  /**
   * The text cut to {@link #MAX_CHARS}, with e-mail addresses, phone numbers and long digit runs replaced, and
   * storable ({@link Texts#storable}).
   */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return scrub(cut(Texts.storable(text)));
  }

  /** The first {@link #MAX_CHARS} characters of the text, never splitting a surrogate pair (an emoji). */
  public static String cut(String text) {
    return Texts.cut(text, MAX_CHARS);
  }

  /** The placeholders, without cutting: linear in the length of the text. */
  static String scrub(CharSequence text) {
    String redacted = EMAIL.matcher(text).replaceAll("[email]");
    redacted = PHONE.matcher(redacted)
        .replaceAll(m -> isPhone(m.group()) ? "[phone]" : Matcher.quoteReplacement(m.group()));
    return LONG_DIGITS.matcher(redacted).replaceAll("[number]");
  }

  private static boolean isPhone(String candidate) {
    return digits(candidate) >= (candidate.startsWith("+") ? 7 : 9);
  }

  private static int digits(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }
}

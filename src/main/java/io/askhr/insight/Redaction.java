package io.askhr.insight;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes contact details and identifying numbers from text before it is stored. */
public final class Redaction {

  private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+'-]+@[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+");
  /**
   * A phone number: an international prefix and at least 7 digits, or at least 9 digits with separators. Nine
   * keeps ISO dates (8 digits) and amounts such as "1,500.00" readable.
   */
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\p{L}0-9])(\\+\\d[\\d\\s().-]{5,}\\d|\\(?\\d[\\d\\s().-]{7,}\\d)(?![\\p{L}0-9])");
  /** Six or more digits in a row: employee, bank, passport and national-insurance numbers. */
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");

  private Redaction() {}

  /** The text with e-mail addresses, phone numbers and long digit runs replaced by placeholders. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
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

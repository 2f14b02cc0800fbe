package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void shouldRedactEmailAddressesPhoneNumbersAndLongDigitRuns() {
    // given
    String text = "Mail me at jane.o'neil+hr@brightwater.co.uk or call (555) 123-4567 / +49 30 901820; "
        + "my employee number is 00451234 and IBAN DE89370400440532013000.";

    // when
    String redacted = Redaction.redact(text);

    // then
    assertEquals("Mail me at [email] or call [phone] / [phone]; my employee number is [number] and IBAN DE[number].",
        redacted);
  }

  @Test
  void shouldKeepDatesAmountsAndOrdinaryNumbersReadable() {
    // given
    String text = "From 2026-01-31 I get 25 days and a £1,500.00 bonus in Q3 2026; 3 kids aged 4 and 7.";

    // when
    String redacted = Redaction.redact(text);

    // then
    assertEquals(text, redacted);
  }

  @Test
  void shouldTurnNullIntoEmptyText() {
    // when
    String redacted = Redaction.redact(null);

    // then
    assertEquals("", redacted);
  }

  /** Text that counts how often the regex engine reads a character, and stops it past a budget. */
  private static final class CountingText implements CharSequence {
    private final String text;
    private final long budget;
    private long reads;

    CountingText(String text, long budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if (++reads > budget) {
        throw new IllegalStateException("over budget: " + reads + " character reads for " + text.length() + " chars");
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  @Test
  void shouldScanHostileLongMessagesInLinearSteps() {
    // given a 60,000-character single word, a 40,000-character run of digits and spaces (Slack's maximum message),
    // and a long run of would-be local parts and domain labels
    List<String> attacks = List.of(
        "a".repeat(60_000),
        "1 ".repeat(20_000) + "x",
        "a.".repeat(20_000) + "@",
        "x@" + "b.".repeat(20_000) + "!");

    for (String attack : attacks) {
      for (Pattern pattern : List.of(Redaction.EMAIL, Redaction.PHONE, Redaction.LONG_DIGITS)) {
        // when every pattern scans the whole text
        CountingText text = new CountingText(attack, 200L * attack.length());
        pattern.matcher(text).replaceAll("");

        // then it read each character a bounded number of times (the counter throws past the budget)
        assertTrue(text.reads <= 200L * attack.length());
      }
    }
  }

  @Test
  void shouldRedactAddressesInsideLongTextAndCutItToTheStoredLength() {
    // given an address after a long word, and a message far over the stored length
    String long60k = "a".repeat(60_000);

    // when
    String scrubbed = Redaction.scrub("x".repeat(10_000) + " write to jane@example.com or +44 20 7946 0958");
    String stored = Redaction.redact(long60k + " jane@example.com");

    // then
    assertTrue(scrubbed.endsWith(" write to [email] or [phone]"), scrubbed.substring(10_000));
    assertEquals(Redaction.MAX_CHARS, stored.length());
    assertTrue(stored.chars().allMatch(c -> c == 'a'), "only the cut text is kept");
  }

  @Test
  void shouldNotSplitAnEmojiWhenCutting() {
    // given an emoji straddling the cut
    String text = "a".repeat(Redaction.MAX_CHARS - 1) + "\uD83D\uDE00 tail";

    // when
    String cut = Redaction.cut(text);

    // then
    assertEquals(Redaction.MAX_CHARS - 1, cut.length());
    assertTrue(cut.chars().allMatch(c -> c == 'a'), "the half emoji is dropped");
  }
}

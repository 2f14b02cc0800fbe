package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

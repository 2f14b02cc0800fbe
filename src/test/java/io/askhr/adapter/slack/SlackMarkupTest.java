package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlackMarkupTest {

  @Test
  void shouldStripTheBotMentionAndReduceSlackMarkupToPlainText() {
    // when
    String plain = SlackMarkup.toPlain("<@U0ASKHR> can <@U0BOSS|boss> see my pay? See <#C0PAY|pay-questions>, "
        + "<https://intranet.example/pay|the pay page> &amp; mail <mailto:hr@brightwater.example|hr@brightwater.example>"
        + " <!here>", "U0ASKHR");

    // then
    assertEquals("can @someone see my pay? See #pay-questions, the pay page & mail hr@brightwater.example", plain);
  }

  @Test
  void shouldTellWhetherAMessageMentionsTheBot() {
    assertTrue(SlackMarkup.mentions("hey <@U0ASKHR> hi", "U0ASKHR"));
    assertFalse(SlackMarkup.mentions("hey <@U0OTHER> hi", "U0ASKHR"));
  }

  @Test
  void shouldRenderMarkdownAsEscapedMrkdwn() {
    // when
    String mrkdwn = SlackMarkup.toMrkdwn("## Notice\n**Four weeks** for <5 years & more [1].\n- one\n- two\n"
        + "See [the policy](https://intranet.example/p).");

    // then
    assertEquals("*Notice*\n*Four weeks* for &lt;5 years &amp; more [1].\n• one\n• two\n"
        + "See <https://intranet.example/p|the policy>.", mrkdwn);
  }
}

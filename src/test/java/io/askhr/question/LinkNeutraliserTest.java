package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkNeutraliserTest {

  static final String PORTAL = "https://people.brightwater.example/leave";
  final LinkNeutraliser links = new LinkNeutraliser(List.of(
      "Book leave in the People Portal (" + PORTAL + ").", "https://intranet.brightwater.example/policies/leave"));

  @Test
  void shouldReduceAMaskedLinkToAnUncitedSiteToItsLabel() {
    assertEquals("Confirm at the People Portal today.",
        links.neutralise("Confirm at [the People Portal](https://evil.example/confirm) today."));
    assertEquals("Confirm at the portal.", links.neutralise("Confirm at <https://evil.example/x|the portal>."));
    assertEquals("Confirm at the portal.",
        links.neutralise("Confirm at <a href=\"https://evil.example/x\">the portal</a>."));
    assertEquals("See alt.", links.neutralise("See ![alt](https://evil.example/pixel.png)."));
    assertEquals("Click me.", links.neutralise("[Click me](javascript:alert%281%29)."));
  }

  @Test
  void shouldDefangBareUrlsThatNoCitedSourceHas() {
    assertEquals("Go to evil[.]example/confirm now.", links.neutralise("Go to https://evil.example/confirm now."));
    assertEquals("Or www[.]evil[.]example.", links.neutralise("Or www.evil.example."));
    assertEquals("Or evil[.]example/x?a=1.", links.neutralise("Or evil.example/x?a=1."));
    assertEquals("Or evil[.]example.", links.neutralise("Or <https://evil.example>."));
    assertEquals("Label evil[.]example/x", links.neutralise("[Label https://evil.example/x](https://evil.example/y)"));
  }

  @Test
  void shouldDefangBareDomainsThatAChatClientWouldLink() {
    assertEquals("Sign in at evil[.]com first.", links.neutralise("Sign in at evil.com first."));
    assertEquals("Or login[.]brightwater-hr[.]co[.]uk.", links.neutralise("Or login.brightwater-hr.co.uk."));
    assertEquals("Or EVIL[.]COM!", links.neutralise("Or EVIL.COM!"));
  }

  @Test
  void shouldLeaveFileNamesAbbreviationsAndDomainsTheCitedSourcesNameAlone() {
    LinkNeutraliser named = new LinkNeutraliser(List.of("Questions go to people.brightwater.com or your manager."));

    assertEquals("Read handbook.pdf, e.g. section 4.2, i.e. the rest.",
        named.neutralise("Read handbook.pdf, e.g. section 4.2, i.e. the rest."));
    assertEquals("Ask people.brightwater.com today.", named.neutralise("Ask people.brightwater.com today."));
    assertEquals("Mail hr@brightwater.com today.", named.neutralise("Mail hr@brightwater.com today."));
    assertEquals("Not brightwater[.]com though.", named.neutralise("Not brightwater.com though."));
  }

  @Test
  void shouldKeepLinksToWhatTheCitedSourcesLinkTo() {
    assertEquals("Book it in [the portal](" + PORTAL + ").", links.neutralise("Book it in [the portal](" + PORTAL
        + ")."));
    assertEquals("Book it at " + PORTAL + ".", links.neutralise("Book it at " + PORTAL + "."));
    assertEquals("Read [the policy](https://intranet.brightwater.example/policies/leave/).", links.neutralise(
        "Read <https://intranet.brightwater.example/policies/leave/|the policy>."));
  }

  @Test
  void shouldLeaveNoLinkInAnAnchorWithMarkupInside() {
    // an anchor the pattern does not take whole: its URL is still defanged, and renderers show tags as text
    String out = links.neutralise("<a href=\"https://evil.example/x\"><b>the portal</b></a>");
    assertFalse(out.contains("https://evil"), out);
  }

  @Test
  void shouldLeaveTextWithoutLinksAlone() {
    String text = "You get 27 days [1] (pro rata for part-timers) [2]. Write to people@brightwater.example, e.g. on"
        + " 1.5 days and/or the 24.12. rule: see section 3.2.";
    assertEquals(text, links.neutralise(text));
  }
}

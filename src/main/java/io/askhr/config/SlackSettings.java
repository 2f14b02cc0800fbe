package io.askhr.config;

import java.util.Optional;

/**
 * How to reach Slack. Present when {@code SLACK_BOT_TOKEN} is set, with a signing secret (Events API over HTTP at
 * {@code /slack/events}), an app-level token (Socket Mode), or both.
 *
 * @param apiUrl Web API base such as {@code https://slack.com/api/}, overridden for proxies and tests
 * @param escalationChannel channel id or name where "Talk to HR" posts; absent: the button explains how to reach HR
 */
public record SlackSettings(
    String botToken,
    Optional<String> signingSecret,
    Optional<String> appToken,
    Optional<String> apiUrl,
    Optional<String> escalationChannel) {

  /** True when Slack should deliver events over HTTP to {@code /slack/events}. */
  public boolean eventsApi() {
    return signingSecret.isPresent();
  }

  /** True when AskHR should open a Socket Mode connection. */
  public boolean socketMode() {
    return appToken.isPresent();
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken=" + Settings.mask(botToken) + ", signingSecret="
        + Settings.mask(signingSecret.orElse("")) + ", appToken=" + Settings.mask(appToken.orElse("")) + ", apiUrl="
        + apiUrl.map(LlmSettings::origin).orElse("(default)") + ", escalationChannel="
        + escalationChannel.orElse("(unset)") + "]";
  }
}

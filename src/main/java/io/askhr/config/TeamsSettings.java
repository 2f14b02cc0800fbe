package io.askhr.config;

import java.util.Optional;

/**
 * How the Teams endpoint {@code POST /api/messages} authenticates. With no app id it runs in local mode (no auth),
 * as the Bot Framework Emulator and the Agents Playground expect.
 *
 * @param appType {@code SingleTenant} (what Azure creates today) or {@code MultiTenant}
 * @param escalationConversation conversation reference (JSON) of the Teams channel where "Talk to HR" posts
 */
public record TeamsSettings(
    String appId,
    String appPassword,
    String tenantId,
    String appType,
    Optional<String> escalationConversation) {

  /** True when no app id is configured: requests are not authenticated. */
  public boolean localMode() {
    return appId.isBlank();
  }

  @Override
  public String toString() {
    return "TeamsSettings[appId=" + (appId.isBlank() ? "(unset: local mode)" : appId) + ", appPassword="
        + Settings.mask(appPassword) + ", tenantId=" + (tenantId.isBlank() ? "(unset)" : tenantId) + ", appType="
        + appType + ", escalationConversation=" + (escalationConversation.isPresent() ? "(set)" : "(unset)") + "]";
  }
}

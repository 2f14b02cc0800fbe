package io.askhr.config;

import java.util.Optional;

/**
 * How the Teams endpoint {@code POST /api/messages} authenticates. With no app id it runs in local mode (no auth),
 * as the Bot Framework Emulator and the Agents Playground expect.
 *
 * @param appType {@code SingleTenant} (what Azure creates today) or {@code MultiTenant}
 * @param escalationConversation conversation reference (JSON) of the Teams channel where "Talk to HR" posts
 * @param loginUrl Microsoft Entra authority base, {@code https://login.microsoftonline.com} unless overridden
 * @param openIdMetadataUrl OpenID metadata of the Bot Framework token issuer (overridden for tests)
 * @param graphUrl Microsoft Graph base for group lookups; absent: no lookup, askers see "everyone" documents only
 * @param allowUnauthenticated {@code TEAMS_ALLOW_UNAUTHENTICATED}: without an app id, serve the Agents Playground or
 *     the Emulator anyway (replies only to loopback service URLs); false: without an app id every request gets 401
 */
public record TeamsSettings(
    String appId,
    String appPassword,
    String tenantId,
    String appType,
    Optional<String> escalationConversation,
    String loginUrl,
    String openIdMetadataUrl,
    Optional<String> graphUrl,
    boolean allowUnauthenticated) {

  public static final String DEFAULT_LOGIN_URL = "https://login.microsoftonline.com";
  public static final String DEFAULT_OPENID_METADATA_URL =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";

  /** True when no app id is configured: requests are refused, or, if explicitly allowed, not authenticated. */
  public boolean localMode() {
    return appId.isBlank();
  }

  /** True for a single-tenant bot: outbound tokens come from the tenant's authority, inbound may be tenant-issued. */
  public boolean singleTenant() {
    return appType.equals("SingleTenant");
  }

  @Override
  public String toString() {
    return "TeamsSettings[appId=" + (appId.isBlank() ? "(unset: local mode)" : appId) + ", appPassword="
        + Settings.mask(appPassword) + ", tenantId=" + (tenantId.isBlank() ? "(unset)" : tenantId) + ", appType="
        + appType + ", escalationConversation=" + (escalationConversation.isPresent() ? "(set)" : "(unset)")
        + ", loginUrl=" + loginUrl + ", graphUrl=" + graphUrl.orElse("(unset: no group lookup)")
        + ", allowUnauthenticated=" + allowUnauthenticated + "]";
  }
}

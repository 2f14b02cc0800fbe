package io.askhr.adapter.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Validates the bearer token on an inbound activity for a bot with an app id: signature (keys from the issuer's
 * OpenID metadata), issuer, expiry (the SDK's {@link JwtTokenExtractor}) and audience (the app id).
 *
 * <p>The SDK's own {@code ChannelValidation} accepts only tokens issued by the Bot Framework. A single-tenant bot
 * also receives tokens that the tenant's Entra ID issued, so this validator accepts either issuer family, each
 * checked against its own signing keys.
 */
final class TenantTokenValidator {

  /** The Bot Connector's clocks and ours may differ a little; the SDK allows the same. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(AuthenticationConstants.DEFAULT_CLOCKSKEW_MINUTES);

  private final String appId;
  private final JwtTokenExtractor botFramework;
  private final JwtTokenExtractor tenant;

  /**
   * @param botFrameworkMetadataUrl OpenID metadata of {@code https://api.botframework.com}
   * @param loginUrl Entra authority base such as {@code https://login.microsoftonline.com}
   * @param tenantId the bot's tenant; blank for a multi-tenant bot (Bot Framework tokens only)
   */
  TenantTokenValidator(String appId, String botFrameworkMetadataUrl, String loginUrl, String tenantId) {
    this.appId = appId;
    this.botFramework = new JwtTokenExtractor(parameters(List.of(AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER)),
        botFrameworkMetadataUrl, AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
    this.tenant = tenantId.isBlank() ? null : new JwtTokenExtractor(
        parameters(List.of("https://sts.windows.net/" + tenantId + "/", loginUrl + "/" + tenantId + "/v2.0")),
        loginUrl + "/" + tenantId + "/v2.0/.well-known/openid-configuration",
        AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
  }

  private static TokenValidationParameters parameters(List<String> issuers) {
    return new TokenValidationParameters(true, issuers, true, true, CLOCK_SKEW, true);
  }

  /**
   * The identity behind {@code authHeader}; fails with {@link AuthenticationException} when the header is missing
   * or the token is not valid for this bot.
   *
   * @param serviceUrl the activity's service URL, which a Bot Framework token names in its {@code serviceurl} claim
   */
  CompletableFuture<ClaimsIdentity> validate(String authHeader, String channelId, String serviceUrl) {
    if (authHeader == null || authHeader.isBlank()) {
      return CompletableFuture.failedFuture(new AuthenticationException("No Authorization header"));
    }
    CompletableFuture<ClaimsIdentity> identity;
    try {
      identity = botFramework.getIdentity(authHeader, channelId).thenCompose(fromBotFramework -> {
        if (fromBotFramework != null || tenant == null) {
          return CompletableFuture.completedFuture(fromBotFramework);
        }
        return tenant.getIdentity(authHeader, channelId);
      });
    } catch (RuntimeException e) {
      // a header that is not a JWT at all
      return CompletableFuture.failedFuture(new AuthenticationException("Malformed token"));
    }
    return identity.thenApply(found -> check(found, serviceUrl));
  }

  private ClaimsIdentity check(ClaimsIdentity identity, String serviceUrl) {
    if (identity == null || !identity.isAuthenticated()) {
      throw new AuthenticationException("Token from an unknown issuer");
    }
    String audience = identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM);
    if (!appId.equals(audience)) {
      throw new AuthenticationException("Token for another audience");
    }
    String claimedServiceUrl = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
    boolean fromBotFramework = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equals(identity.getIssuer());
    if (fromBotFramework && (claimedServiceUrl == null || !claimedServiceUrl.equalsIgnoreCase(serviceUrl))) {
      throw new AuthenticationException("Token for another service URL");
    }
    return identity;
  }
}

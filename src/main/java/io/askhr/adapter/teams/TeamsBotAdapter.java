package io.askhr.adapter.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import io.askhr.config.TeamsSettings;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's HTTP adapter with single-tenant auth: inbound tokens checked by {@link TenantTokenValidator}, outbound
 * tokens from the tenant's authority ({@link TenantAppCredentials}). Without an app id it refuses every request,
 * unless {@code TEAMS_ALLOW_UNAUTHENTICATED} is set: then it keeps the SDK's own behaviour (no auth, as the Emulator
 * and the Agents Playground expect) but accepts only activities whose replies would go to a loopback address.
 */
final class TeamsBotAdapter extends BotFrameworkHttpAdapter {

  private final TeamsSettings settings;
  private final SimpleCredentialProvider credentials;
  private final TenantTokenValidator validator;

  private TeamsBotAdapter(TeamsSettings settings, SimpleCredentialProvider credentials) {
    super(credentials, new SimpleChannelProvider());
    this.settings = settings;
    this.credentials = credentials;
    this.validator = settings.localMode() ? null : new TenantTokenValidator(settings.appId(),
        settings.openIdMetadataUrl(), settings.loginUrl(), settings.singleTenant() ? settings.tenantId() : "");
  }

  static TeamsBotAdapter of(TeamsSettings settings) {
    return new TeamsBotAdapter(settings, new SimpleCredentialProvider(settings.appId(), settings.appPassword()));
  }

  /** True when no request can be authenticated: no app id, and unauthenticated use not allowed. */
  boolean refusesEveryone() {
    return settings.localMode() && !settings.allowUnauthenticated();
  }

  /** The identity behind an inbound request; fails with an {@code AuthenticationException} when refused. */
  CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
    if (refusesEveryone()) {
      return CompletableFuture.failedFuture(new AuthenticationException("MICROSOFT_APP_ID is not set"));
    }
    if (validator == null && !LoopbackUrl.is(activity.getServiceUrl())) {
      // Unauthenticated, the caller names where replies go: only to this machine, never to a host of its choosing.
      return CompletableFuture.failedFuture(new AuthenticationException(
          "unauthenticated local mode replies to loopback service URLs only"));
    }
    if (validator == null) {
      return JwtTokenValidation.authenticateRequest(activity, authHeader == null ? "" : authHeader, credentials,
          new SimpleChannelProvider(), new AuthenticationConfiguration());
    }
    return validator.validate(authHeader, activity.getChannelId(), activity.getServiceUrl());
  }

  @Override
  public CompletableFuture<InvokeResponse> processActivity(String authHeader, Activity activity,
      BotCallbackHandler callback) {
    return authenticate(authHeader, activity).thenCompose(identity -> processActivity(identity, activity, callback));
  }

  @Override
  protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String oAuthScope) {
    if (settings.localMode()) {
      return super.buildAppCredentials(appId, oAuthScope);
    }
    String tenant = settings.singleTenant() ? settings.tenantId() : "botframework.com";
    return CompletableFuture.completedFuture(
        new TenantAppCredentials(settings.appId(), settings.appPassword(), settings.loginUrl() + "/" + tenant));
  }

  /** The bot's app id, blank in local mode: proactive messages are sent in its name. */
  String appId() {
    return settings.appId();
  }
}

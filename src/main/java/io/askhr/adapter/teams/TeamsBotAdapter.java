package io.askhr.adapter.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
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
 * tokens from the tenant's authority ({@link TenantAppCredentials}). In local mode (no app id) it keeps the SDK's
 * own behaviour: no auth, as the Emulator and the Agents Playground expect.
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

  /** The identity behind an inbound request; fails with an {@code AuthenticationException} when refused. */
  CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
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

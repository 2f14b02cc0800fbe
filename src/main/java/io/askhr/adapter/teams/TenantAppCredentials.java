package io.askhr.adapter.teams;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.util.Date;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's credentials for calls to the Bot Connector, with tokens from its own tenant's authority (single-tenant
 * bots) or from {@code botframework.com} (multi-tenant). Replaces the SDK's MSAL authenticator with a plain client
 * credentials request, so that the authority can be any URL (MSAL insists on https, which loopback tests lack).
 */
final class TenantAppCredentials extends MicrosoftAppCredentials {

  private final String authority;

  /** @param authority such as {@code https://login.microsoftonline.com/<tenant id>} */
  TenantAppCredentials(String appId, String password, String authority) {
    super(appId, password);
    this.authority = authority;
  }

  @Override
  public String oAuthEndpoint() {
    return authority;
  }

  @Override
  protected Authenticator buildAuthenticator() {
    ClientCredentialsToken tokens = new ClientCredentialsToken(authority, getAppId(), getAppPassword(),
        AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE + "/.default");
    return () -> CompletableFuture.supplyAsync(() -> {
      try {
        return new TokenResult(tokens.get());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Cannot get a Bot Connector token: " + e.getMessage(), e);
      }
    });
  }

  /** The token in the shape the SDK's credential interceptor reads. */
  private record TokenResult(ClientCredentialsToken.Token token) implements IAuthenticationResult {
    @Override
    public String accessToken() {
      return token.value();
    }

    @Override
    public String idToken() {
      return null;
    }

    @Override
    public IAccount account() {
      return null;
    }

    @Override
    public ITenantProfile tenantProfile() {
      return null;
    }

    @Override
    public String environment() {
      return "";
    }

    @Override
    public String scopes() {
      return AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE + "/.default";
    }

    @Override
    public Date expiresOnDate() {
      return Date.from(token.expires());
    }
  }
}

package io.askhr.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who is asking on the chat page and {@code /api/ask}, for the rate limit: the client address, or, behind a reverse
 * proxy that signs people in, the user it names.
 *
 * @param trustedProxies addresses, CIDR blocks or ranges ({@code TRUSTED_PROXIES}) whose {@code X-Forwarded-For} and
 *     user header are believed; empty: both headers are ignored and the TCP peer is the asker
 * @param userHeader the header a trusted single-sign-on proxy sets to the signed-in user ({@code TRUSTED_USER_HEADER},
 *     for example {@code X-Forwarded-User} or {@code X-Auth-Request-Email}); absent: askers are told apart by address
 */
public record WebSettings(List<String> trustedProxies, Optional<String> userHeader) {

  public WebSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** No proxy trusted: every header a client sends about itself is ignored. */
  public static WebSettings direct() {
    return new WebSettings(List.of(), Optional.empty());
  }

  /** The trusted proxies as a matcher (Jetty's, which understands addresses, CIDR blocks and ranges). */
  public InetAddressSet proxies() {
    InetAddressSet set = new InetAddressSet();
    trustedProxies.forEach(set::add);
    return set;
  }

  static WebSettings parse(Optional<String> proxies, Optional<String> userHeader) {
    List<String> patterns = proxies.map(p -> Arrays.stream(p.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    for (String pattern : patterns) {
      // IP literals only: a host name would be looked up in DNS, and could change under us.
      if (!pattern.matches("[0-9A-Fa-f.:/\\-]+")) {
        throw new ConfigException("TRUSTED_PROXIES must list IP addresses or CIDR blocks such as 10.0.0.0/8, got '"
            + pattern + "'");
      }
      try {
        new InetAddressSet().add(pattern);
      } catch (RuntimeException e) {
        throw new ConfigException("TRUSTED_PROXIES must list IP addresses or CIDR blocks such as 10.0.0.0/8, got '"
            + pattern + "'");
      }
    }
    if (userHeader.isPresent()) {
      if (!userHeader.get().matches("[A-Za-z0-9-]+")) {
        throw new ConfigException("TRUSTED_USER_HEADER must be a header name such as X-Forwarded-User, got '"
            + userHeader.get() + "'");
      }
      if (patterns.isEmpty()) {
        throw new ConfigException("TRUSTED_USER_HEADER is set but TRUSTED_PROXIES is not: any client could name"
            + " itself in that header. List the addresses of the single-sign-on proxy in TRUSTED_PROXIES");
      }
    }
    return new WebSettings(patterns, userHeader);
  }
}

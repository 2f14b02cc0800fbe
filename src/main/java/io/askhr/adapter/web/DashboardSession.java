package io.askhr.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HR dashboard's sign-in cookie: an expiry time signed with HMAC-SHA256, never the token or a hash of it. The key
 * is derived from the dashboard token, so every replica accepts the same cookie and a new token signs everyone out.
 */
final class DashboardSession {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Duration lifetime;
  private final Clock clock;

  DashboardSession(String token, Duration lifetime, Clock clock) {
    this.key = new SecretKeySpec(hmac(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), ALGORITHM),
        "askhr-hr-dashboard-session-key"), ALGORITHM);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A fresh cookie value, valid for the session lifetime. */
  String issue() {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    return expires + "." + signature(expires);
  }

  /** True for a cookie this server issued that has not expired. */
  boolean valid(String cookie) {
    int dot = cookie.indexOf('.');
    if (dot < 1 || dot > 19) {
      return false;
    }
    long expires;
    try {
      expires = Long.parseLong(cookie.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    boolean signed = MessageDigest.isEqual(signature(expires).getBytes(StandardCharsets.US_ASCII),
        cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    return signed && Instant.ofEpochSecond(expires).isAfter(clock.instant());
  }

  Duration lifetime() {
    return lifetime;
  }

  private String signature(long expires) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, "hr-session|" + expires));
  }

  private static byte[] hmac(SecretKeySpec key, String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM ships HmacSHA256", e);
    }
  }

  static Optional<DashboardSession> of(Optional<String> token, Duration lifetime, Clock clock) {
    return token.map(t -> new DashboardSession(t, lifetime, clock));
  }
}

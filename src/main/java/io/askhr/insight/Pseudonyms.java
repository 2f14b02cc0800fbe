package io.askhr.insight;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a platform user id into a stable pseudonym: HMAC-SHA256 keyed with the secret salt. The same employee gets
 * the same pseudonym (so "distinct askers" can be counted) but the id cannot be recovered without the salt.
 */
final class Pseudonyms {

  /** 128 bits of the HMAC are plenty to keep pseudonyms apart and keep rows short. */
  private static final int HEX_CHARS = 32;

  private final SecretKeySpec key;

  Pseudonyms(String salt) {
    if (salt.isBlank()) {
      throw new IllegalArgumentException("the insight salt must not be blank");
    }
    this.key = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String of(String askerId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((askerId == null ? "" : askerId).getBytes(StandardCharsets.UTF_8));
      return "p-" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM ships HmacSHA256", e);
    }
  }
}

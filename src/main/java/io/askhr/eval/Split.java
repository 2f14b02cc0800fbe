package io.askhr.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The half of a gold set a question belongs to. Weights, boosts and thresholds are tuned on {@link #DEV}; the
 * figures that count are those on {@link #HELDOUT}, which nobody tuned on.
 */
public enum Split {
  DEV, HELDOUT;

  /**
   * Fixed seed of the hash split: changing it reshuffles every gold set, which would put tuned-on questions into
   * the held-out halves. Never change it.
   */
  private static final String SEED = "askhr-split-2026";

  /** The half of a question without a {@code "split"} field: the first byte of SHA-256(seed + question). */
  public static Split of(String question) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((SEED + "\n" + question.strip()).getBytes(StandardCharsets.UTF_8));
      return (digest[0] & 1) == 0 ? DEV : HELDOUT;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The split a gold-set record names: {@code dev} or {@code heldout} (also {@code held-out}). */
  public static Optional<Split> named(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "dev" -> Optional.of(DEV);
      case "heldout" -> Optional.of(HELDOUT);
      default -> Optional.empty();
    };
  }
}

package io.askhr.drafting;

/** The language model could not draft an answer: unreachable, too slow, or refusing the request. */
public final class DraftingFailedException extends RuntimeException {

  private final String reason;

  /** @param reason the failure's type in a few words, safe to log (no provider message, no employee text) */
  public DraftingFailedException(String reason, Throwable cause) {
    super("The language model could not draft an answer: " + reason, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}

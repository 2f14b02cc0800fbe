package io.askhr.drafting;

/** The language model could not draft an answer: unreachable, too slow, or refusing the request. */
public final class DraftingFailedException extends RuntimeException {

  public DraftingFailedException(String reason, Throwable cause) {
    super("The language model could not draft an answer: " + reason, cause);
  }
}

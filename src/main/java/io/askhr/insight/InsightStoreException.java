package io.askhr.insight;

/** The insight database could not be opened, migrated or read. */
public final class InsightStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InsightStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.askhr.shared;

/** The shared state database could not be reached or refused a statement; callers fall back, never crash. */
final class SharedStateException extends RuntimeException {

  SharedStateException(String message, Throwable cause) {
    super(message, cause);
  }
}

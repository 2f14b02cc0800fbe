package io.askhr.drafting;

import java.util.Optional;

/** Looks through an exception's causes: LangChain4j wraps HTTP failures in its own typed exceptions. */
final class Causes {

  private Causes() {}

  /** The first throwable of the given type in {@code e}'s cause chain, {@code e} included. */
  static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}

package io.askhr.insight;

/** Event ids taken by one replica among all that share a store, so that each chat event is answered once. */
public interface EventClaims {

  /**
   * True for the first claim of a key, false for every later one, from any replica. Throws
   * {@link InsightStoreException} when the store cannot tell (the caller then decides locally).
   */
  boolean claim(String key);

  /** False when there are no other replicas to ask: callers can then skip the call. */
  default boolean shared() {
    return true;
  }

  /** For a single replica (SQLite): every claim succeeds, and each adapter's own memory catches repeats. */
  static EventClaims singleReplica() {
    return new EventClaims() {
      @Override
      public boolean claim(String key) {
        return true;
      }

      @Override
      public boolean shared() {
        return false;
      }
    };
  }
}

package io.askhr.insight;

/** Event ids taken by one replica among all that share a store, so that each chat event is answered once. */
public interface EventClaims {

  /**
   * True for the first claim of a key, false for every later one, from any replica. Throws
   * {@link InsightStoreException} when the store cannot tell (the caller then decides locally).
   */
  boolean claim(String key);

  /**
   * False when no other replica can share these claims (a store local to this process): callers then rely on their
   * own memory of recent events and skip the call.
   */
  default boolean shared() {
    return true;
  }
}

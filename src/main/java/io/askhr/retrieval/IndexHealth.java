package io.askhr.retrieval;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the index can be searched. A search or update that finds the index damaged on disk marks it so, once, and
 * tells whoever rebuilds it; {@code /readyz} reports "not ready" until the rebuild is done.
 */
public final class IndexHealth {

  private static final Logger log = LoggerFactory.getLogger(IndexHealth.class);

  private final AtomicBoolean damaged = new AtomicBoolean();
  private volatile Runnable onDamage = () -> { };

  /** False from the moment damage is found until the index is rebuilt. */
  public boolean healthy() {
    return !damaged.get();
  }

  /** Runs {@code rebuild} (which must not block) each time damage is first found. */
  public void onDamage(Runnable rebuild) {
    this.onDamage = rebuild;
  }

  void damaged(Throwable cause) {
    if (damaged.compareAndSet(false, true)) {
      log.error("The search index is damaged ({}); answering without search until it is rebuilt", cause.toString());
      onDamage.run();
    }
  }

  void repaired() {
    if (damaged.compareAndSet(true, false)) {
      log.info("The search index was rebuilt; searching again");
    }
  }
}

package io.askhr.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.askhr.config.InsightSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract for one replica: everything in the process. */
class InProcessSharedStateTest extends SharedStateContract {

  @Override
  SharedState open(Clock clock) {
    return SharedState.inProcess(clock);
  }

  @Test
  void shouldKeepStateInTheProcessWhenThereIsNoPostgreSql() {
    // given SQLite settings (no DATABASE_URL)
    InsightSettings sqlite = new InsightSettings(Optional.empty(), Optional.empty(), Duration.ofDays(90),
        Optional.empty());

    // when
    try (SharedState opened = SharedState.open(sqlite, Clock.systemUTC())) {
      // then nothing is shared and nothing needs purging
      assertFalse(opened.shared());
      assertEquals(0, opened.purgeExpired());
    }
  }
}

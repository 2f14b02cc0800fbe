package io.askhr.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.question.Platform;
import io.askhr.question.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionPurgeTest {

  @TempDir Path dir;

  @Test
  void shouldDeleteWhatIsOlderThanTheRetentionPeriod() {
    // given
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    try (JdbcInsightStore store = JdbcInsightStore.open("jdbc:sqlite:" + dir.resolve("i.db"), "salt")) {
      for (int daysAgo : List.of(1, 89, 91, 200)) {
        store.recordAnswer(new AnsweredQuestion("a" + daysAgo, now.minus(Duration.ofDays(daysAgo)), Platform.WEB,
            "u", "q", Reply.Mode.EXTRACTIVE, Set.of(), List.of(), Duration.ZERO));
      }
      RetentionPurge purge = new RetentionPurge(store, Duration.ofDays(90), Clock.fixed(now, ZoneOffset.UTC));

      // when
      int deleted = purge.purgeNow();

      // then
      assertEquals(2, deleted);
      assertEquals(List.of("a89", "a1"), store.answers(Instant.EPOCH).stream().map(AnsweredQuestion::id).toList());
      purge.close();
    }
  }

  @Test
  void shouldGenerateTheSaltOnceAndReuseIt() {
    // when
    String first = InsightStores.generatedSalt(dir);
    String second = InsightStores.generatedSalt(dir);

    // then
    assertEquals(first, second);
    assertEquals(43, first.length());
  }
}

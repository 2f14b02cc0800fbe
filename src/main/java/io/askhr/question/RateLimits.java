package io.askhr.question;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The question allowances admission control draws on: each asker may ask {@code perMinute} questions a minute and
 * all askers together {@code globalPerMinute}, as Bucket4j token buckets refilled continuously over a minute. Held in
 * this process ({@link #inProcess}) or, with several replicas, in the shared database. Never throws.
 */
public interface RateLimits {

  /** The buckets refill over this window. */
  Duration WINDOW = Duration.ofMinutes(1);

  /** Whether a question may go on, and if not, whose allowance ran out. */
  enum Verdict { ADMITTED, ASKER_LIMIT, GLOBAL_LIMIT }

  /** Takes one question from the asker's allowance, then from everyone's. */
  Verdict take(String askerId);

  /** Buckets in this process: one replica, or the fallback of the shared ones. */
  static RateLimits inProcess(int perMinute, int globalPerMinute, Clock clock) {
    return new InProcessRateLimits(perMinute, globalPerMinute, time(clock));
  }

  /** A full bucket of {@code limit} questions that refills continuously over {@link #WINDOW}. */
  static BucketConfiguration perMinute(int limit) {
    return BucketConfiguration.builder().addLimit(l -> l.capacity(limit).refillGreedy(limit, WINDOW)).build();
  }

  /** Bucket4j reads the same clock as the rest, so tests can move time by hand. */
  static TimeMeter time(Clock clock) {
    return new ClockTime(clock);
  }

  /** A {@link Clock} as Bucket4j's time source. */
  record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}

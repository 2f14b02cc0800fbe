package io.askhr.question;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/** Rate-limit buckets in this process; askers are held in a Caffeine cache bounded by count and idle time. */
final class InProcessRateLimits implements RateLimits {

  /** Askers tracked at once; beyond it the least recently seen are forgotten first (their bucket was full anyway). */
  private static final int MAX_TRACKED_ASKERS = 100_000;

  private final int perMinute;
  private final TimeMeter time;
  private final Bucket everyone;
  private final Cache<String, Bucket> askers;

  InProcessRateLimits(int perMinute, int globalPerMinute, TimeMeter time) {
    this.perMinute = perMinute;
    this.time = time;
    this.everyone = bucket(globalPerMinute);
    // An asker idle for a whole window has a full bucket again: forgetting them loses nothing.
    this.askers = Caffeine.newBuilder().maximumSize(MAX_TRACKED_ASKERS).expireAfterAccess(WINDOW)
        .ticker(time::currentTimeNanos).build();
  }

  @Override
  public Verdict take(String askerId) {
    if (!askers.get(askerId, id -> bucket(perMinute)).tryConsume(1)) {
      return Verdict.ASKER_LIMIT;
    }
    return everyone.tryConsume(1) ? Verdict.ADMITTED : Verdict.GLOBAL_LIMIT;
  }

  private Bucket bucket(int limit) {
    return Bucket.builder().addLimit(RateLimits.perMinute(limit).getBandwidths()[0]).withCustomTimePrecision(time)
        .build();
  }
}

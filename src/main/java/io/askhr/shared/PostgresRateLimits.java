package io.askhr.shared;

import com.google.common.hash.Hashing;
import io.askhr.question.RateLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits every replica draws on: Bucket4j's buckets as rows of {@code rate_limit_buckets} (its PostgreSQL
 * integration, a row locked with SELECT ... FOR UPDATE while a token is taken), one per asker and one for everyone, so
 * an employee gets {@code perMinute} questions a minute however many replicas answer them. Bucket rows expire once
 * full again and are purged.
 *
 * <p>When the database fails, each replica counts in its own buckets instead: an employee then gets at most
 * {@code perMinute} a minute per replica (bounded, never unlimited), and questions keep being answered. Refusing
 * everyone while the database is down would stop AskHR for a fault the employees cannot fix; counting nothing would
 * let one asker flood the model.
 */
final class PostgresRateLimits implements RateLimits {

  private static final Logger log = LoggerFactory.getLogger(PostgresRateLimits.class);
  /** The one bucket all askers share. */
  static final String EVERYONE = "everyone";

  private final StateDatabase database;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final RateLimits fallback;
  private final String askerPrefix;
  private final BucketConfiguration perAsker;
  private final Bucket everyone;

  PostgresRateLimits(StateDatabase database, PostgreSQLSelectForUpdateBasedProxyManager<String> buckets,
      int perMinute, int globalPerMinute, RateLimits fallback) {
    this.database = database;
    this.fallback = fallback;
    this.buckets = buckets;
    // The limit is part of the key: replicas of a rolling update that changes a limit do not share a bucket whose
    // configuration they disagree on.
    this.askerPrefix = "asker:" + perMinute + ":";
    this.perAsker = RateLimits.perMinute(perMinute);
    // Every question of every replica takes from this one row: batching lets the questions of this replica that
    // wait for its lock go together in one transaction, with the same exact count.
    this.everyone = buckets.builder().withOptimization(Optimizations.batching())
        .build(EVERYONE + ":" + globalPerMinute, RateLimits.perMinute(globalPerMinute));
  }

  @Override
  public Verdict take(String askerId) {
    try {
      return database.guarded("take a question from the shared rate limits", () -> {
        if (!buckets.builder().build(askerPrefix + hashed(askerId), perAsker).tryConsume(1)) {
          return Verdict.ASKER_LIMIT;
        }
        return everyone.tryConsume(1) ? Verdict.ADMITTED : Verdict.GLOBAL_LIMIT;
      });
    } catch (SharedStateException e) {
      log.debug("Counting this question in this replica's own buckets: {}", e.getMessage());
      return fallback.take(askerId);
    }
  }

  /** Bucket4j's view of the {@code rate_limit_buckets} table (from V3). */
  static PostgreSQLSelectForUpdateBasedProxyManager<String> buckets(StateDatabase database, TimeMeter time) {
    return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource())
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("rate_limit_buckets")
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        // A bucket that has refilled is the same as no bucket: its row may go.
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(WINDOW))
        .clientClock(time)
        .build();
  }

  /** Deletes up to a few batches of bucket rows that are full again; returns how many. */
  static int purgeExpired(StateDatabase database, PostgreSQLSelectForUpdateBasedProxyManager<String> buckets,
      int batches) {
    int deleted = 0;
    for (int i = 0; i < batches; i++) {
      int now = database.guarded("purge full rate-limit buckets", () -> buckets.removeExpired(SharedState.PURGE_BATCH));
      deleted += now;
      if (now < SharedState.PURGE_BATCH) {
        break;
      }
    }
    return deleted;
  }

  /**
   * The asker id as stored: SHA-256, so the table holds no Slack ids or client addresses in the clear. Not keyed with
   * the insight salt: replicas must agree on the key even where each generated its own salt.
   */
  static String hashed(String askerId) {
    byte[] digest = Hashing.sha256().hashString(askerId == null ? "" : askerId, StandardCharsets.UTF_8).asBytes();
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}

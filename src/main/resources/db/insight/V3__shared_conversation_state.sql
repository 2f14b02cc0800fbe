-- Insight store, version 3: what a conversation needs on whichever replica the next message reaches. Used only on
-- PostgreSQL (several replicas); on SQLite (one replica) these tables stay empty and the state stays in the process.
-- Short-lived: rows past their time are purged every minute. Times are epoch milliseconds (UTC).

-- Turns of conversations for follow-ups: question (cut to 4,000 characters) and answer, kept 2 hours.
CREATE TABLE IF NOT EXISTS conversation_turns (
  conversation_key TEXT NOT NULL,
  exchange_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  PRIMARY KEY (conversation_key, exchange_id, position)
);
CREATE INDEX IF NOT EXISTS conversation_turns_latest ON conversation_turns (conversation_key, at_ms);
CREATE INDEX IF NOT EXISTS conversation_turns_at ON conversation_turns (at_ms);

-- Replies by answer id for Share in channel, Talk to HR and card redraws: question (cut) and reply (JSON), 24 hours.
CREATE TABLE IF NOT EXISTS recent_answers (
  answer_id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  reply TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS recent_answers_at ON recent_answers (at_ms);

-- Bucket4j's rate-limit buckets (its PostgreSQL integration): per hashed asker id, and one for everyone.
CREATE TABLE IF NOT EXISTS rate_limit_buckets (
  id TEXT PRIMARY KEY,
  state BYTEA,
  expires_at BIGINT
);
CREATE INDEX IF NOT EXISTS rate_limit_buckets_expires ON rate_limit_buckets (expires_at);

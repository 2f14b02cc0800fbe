-- Insight store, version 1. Plain SQL that SQLite and PostgreSQL both run; times are epoch milliseconds (UTC).
CREATE TABLE IF NOT EXISTS answers (
  id TEXT PRIMARY KEY,
  at_ms BIGINT NOT NULL,
  platform TEXT NOT NULL,
  asker TEXT NOT NULL,
  question TEXT NOT NULL,
  mode TEXT NOT NULL,
  flags TEXT NOT NULL,
  sources TEXT NOT NULL,
  latency_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_at ON answers (at_ms);
CREATE TABLE IF NOT EXISTS feedback (
  answer_id TEXT NOT NULL,
  asker TEXT NOT NULL,
  platform TEXT NOT NULL,
  helpful INTEGER NOT NULL,
  at_ms BIGINT NOT NULL,
  PRIMARY KEY (answer_id, asker)
);
CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at_ms);
CREATE TABLE IF NOT EXISTS escalations (
  id TEXT PRIMARY KEY,
  answer_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  reply_address TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  link TEXT NOT NULL,
  status TEXT NOT NULL,
  opened_ms BIGINT NOT NULL,
  resolved_ms BIGINT,
  resolved_by TEXT
);
CREATE INDEX IF NOT EXISTS escalations_opened ON escalations (opened_ms);

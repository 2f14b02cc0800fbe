-- Insight store, version 2: events already taken by a replica, so that a Slack retry delivered to another replica
-- sharing this database is not answered twice. Short-lived: claims older than a day are purged.
CREATE TABLE IF NOT EXISTS claimed_events (
  event_key TEXT PRIMARY KEY,
  claimed_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS claimed_events_at ON claimed_events (claimed_ms);

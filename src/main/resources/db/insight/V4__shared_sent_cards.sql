-- Insight store, version 4: what Teams' sent cards need on whichever replica a press reaches. Used only on PostgreSQL
-- (several replicas); on SQLite (one replica) these tables stay empty and the cards stay in the process. Kept 24 hours,
-- as the replies themselves (recent_answers); rows past their time are purged every minute.

-- The answer each sent Teams message carries: Teams' own 👍/👎 under an AI message names only the message.
CREATE TABLE IF NOT EXISTS sent_messages (
  message_id TEXT PRIMARY KEY,
  answer_id TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sent_messages_at ON sent_messages (at_ms);

-- What the employee did with each answer's card (feedback given, escalated, the status lines), as JSON.
CREATE TABLE IF NOT EXISTS card_states (
  answer_id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS card_states_at ON card_states (at_ms);

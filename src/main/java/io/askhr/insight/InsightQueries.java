package io.askhr.insight;

import java.time.Instant;
import java.util.List;

/**
 * What HR's dashboard and report read back from an insight store. Records come back as stored: asker ids are
 * pseudonyms and question text is redacted.
 */
public interface InsightQueries {

  /** Answers given at or after {@code since}, oldest first. */
  List<AnsweredQuestion> answers(Instant since);

  /** Feedback given at or after {@code since}, oldest first; one per employee and answer, the latest. */
  List<Feedback> feedback(Instant since);

  /** Escalations opened at or after {@code since}, or still open, oldest first. */
  List<Escalation> escalations(Instant since);

  /** Deletes what is older than {@code cutoff}; open escalations stay until resolved. Returns rows deleted. */
  int purgeBefore(Instant cutoff);

  /** Whether the database answers now. */
  boolean reachable();
}

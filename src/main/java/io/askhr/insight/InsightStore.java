package io.askhr.insight;

import java.time.Instant;
import java.util.Optional;

/**
 * Where AskHR keeps what happened: answers given, feedback, escalations. The adapters write through this one
 * interface; HR's dashboard and report read through it.
 */
public interface InsightStore extends AutoCloseable {

  void recordAnswer(AnsweredQuestion answer);

  void recordFeedback(Feedback feedback);

  void openEscalation(Escalation escalation);

  /** The escalation with this id, if any. */
  Optional<Escalation> escalation(String id);

  /**
   * Marks an open escalation resolved; returns it, resolved. Empty when the id is unknown or it was already
   * resolved, so that pressing "Mark resolved" twice notifies the employee once.
   */
  Optional<Escalation> resolveEscalation(String id, String resolvedBy, Instant at);

  @Override
  void close();
}

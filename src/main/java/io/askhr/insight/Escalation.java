package io.askhr.insight;

import io.askhr.question.Platform;
import java.time.Instant;
import java.util.Optional;

/**
 * A question an employee handed to HR with "Talk to HR".
 *
 * @param answerId the answer the employee escalated
 * @param replyAddress how the adapter reaches the employee again when HR resolves it (platform-specific, opaque
 *     here: a Slack channel and user, a Teams conversation reference); kept because the employee asked to be
 *     contacted
 * @param link where HR can see the conversation (a Slack permalink, a Teams message link), or empty
 */
public record Escalation(
    String id,
    String answerId,
    Platform platform,
    String replyAddress,
    String question,
    String answer,
    String link,
    Status status,
    Instant openedAt,
    Optional<Instant> resolvedAt,
    Optional<String> resolvedBy) {

  /** Where the escalation stands. */
  public enum Status { OPEN, RESOLVED }

  public Escalation {
    // Cut before it is queued or stored: an employee's message is not HR's to keep in full.
    question = Redaction.cut(question);
  }

  /** A new, open escalation. */
  public static Escalation open(String id, String answerId, Platform platform, String replyAddress, String question,
      String answer, String link) {
    return new Escalation(id, answerId, platform, replyAddress, question, answer, link, Status.OPEN, Instant.now(),
        Optional.empty(), Optional.empty());
  }

  /** This escalation, resolved now by {@code by}. */
  public Escalation resolved(String by, Instant at) {
    return new Escalation(id, answerId, platform, replyAddress, question, answer, link, Status.RESOLVED, openedAt,
        Optional.of(at), Optional.of(by));
  }
}

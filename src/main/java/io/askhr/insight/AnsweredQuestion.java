package io.askhr.insight;

import io.askhr.question.AnswerLog;
import io.askhr.question.Platform;
import io.askhr.question.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One question AskHR answered, as the adapter saw it, with the question cut to {@link Redaction#MAX_CHARS} so that
 * nothing longer is queued or stored. The store pseudonymises the asker and redacts the text.
 *
 * @param id the answer's id, carried by feedback and escalation buttons
 * @param askerId the platform's user id (e.g. {@code slack:T1:U2}); never stored raw
 * @param citedSources knowledge-folder paths of the cited passages, in citation order
 */
public record AnsweredQuestion(
    String id,
    Instant at,
    Platform platform,
    String askerId,
    String question,
    Reply.Mode mode,
    Set<Reply.Flag> flags,
    List<String> citedSources,
    Duration latency) {

  public AnsweredQuestion {
    question = Redaction.cut(question);
    flags = Set.copyOf(flags);
    citedSources = List.copyOf(citedSources);
  }

  /** The record of a reply given now. */
  public static AnsweredQuestion of(String id, Platform platform, String askerId, String question, Reply reply,
      Duration latency) {
    return new AnsweredQuestion(id, Instant.now(), platform, askerId, question, reply.mode(), reply.flags(),
        reply.citations().stream().map(c -> c.source()).toList(), latency);
  }

  /** The answer log that records every answered question into {@code store}. */
  public static AnswerLog into(InsightStore store) {
    return (answerId, question, reply, took) -> store.recordAnswer(
        of(answerId, question.platform(), question.asker().id(), question.text(), reply, took));
  }
}

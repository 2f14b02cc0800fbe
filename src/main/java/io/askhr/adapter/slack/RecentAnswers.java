package io.askhr.adapter.slack;

import io.askhr.insight.Redaction;
import io.askhr.question.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers given lately, by answer id, for the buttons that need them again ("Share in channel", "Talk to HR"):
 * Slack does not send the text of an ephemeral message back with a button press. Bounded; held per process.
 */
final class RecentAnswers {

  private static final int CAPACITY = 5_000;

  /** A question (cut to {@link Redaction#MAX_CHARS}: the cache is bounded in bytes too) and the reply it got. */
  record Answered(String question, Reply reply) {
    Answered {
      question = Redaction.cut(question);
    }
  }

  private final Map<String, Answered> answers = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Answered> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized void put(String answerId, String question, Reply reply) {
    answers.put(answerId, new Answered(question, reply));
  }

  synchronized Optional<Answered> get(String answerId) {
    return Optional.ofNullable(answers.get(answerId));
  }
}

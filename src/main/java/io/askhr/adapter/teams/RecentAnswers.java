package io.askhr.adapter.teams;

import io.askhr.insight.Redaction;
import io.askhr.question.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers recently given, by answer id, so that a card can be redrawn after a button press and "Talk to HR"
 * can hand the question and answer on. Bounded and per process: a button on an older card still records the
 * feedback, it just redraws a shorter card.
 */
final class RecentAnswers {

  private static final int MAX_ANSWERS = 5_000;

  private final Map<String, Answered> answers = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Answered> eldest) {
      return size() > MAX_ANSWERS;
    }
  };

  /** Which answer each sent message carries, for Teams' feedback, which names the message only. */
  private final Map<String, String> messages = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_ANSWERS;
    }
  };

  synchronized void sent(String messageId, String answerId) {
    messages.put(messageId, answerId);
  }

  synchronized Optional<String> answerOfMessage(String messageId) {
    return Optional.ofNullable(messageId == null ? null : messages.get(messageId));
  }

  synchronized void remember(String answerId, Answered answered) {
    answers.put(answerId, answered);
  }

  synchronized Optional<Answered> find(String answerId) {
    return Optional.ofNullable(answers.get(answerId));
  }

  /**
   * One answer and what the employee did with its card so far ({@code status}: lines shown under the sources). The
   * question is cut to {@link Redaction#MAX_CHARS}, so that the cache is bounded in bytes as well as entries.
   */
  record Answered(String question, Reply reply, boolean feedbackGiven, boolean escalated, List<String> status) {
    Answered {
      question = Redaction.cut(question);
      status = List.copyOf(status);
    }

    static Answered fresh(String question, Reply reply) {
      return new Answered(question, reply, false, false, List.of());
    }

    Answered withFeedback(String line) {
      return new Answered(question, reply, true, escalated, append(line));
    }

    Answered withEscalation(String line) {
      return new Answered(question, reply, feedbackGiven, true, append(line));
    }

    private List<String> append(String line) {
      List<String> lines = new ArrayList<>(status);
      lines.add(line);
      return lines;
    }
  }
}

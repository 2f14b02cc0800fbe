package io.askhr.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An insight store that lives and dies with the process: for tests and for runs without a database. */
public final class MemoryInsightStore implements InsightStore, EventClaims {

  private final List<AnsweredQuestion> answers = new ArrayList<>();
  private final List<Feedback> feedback = new ArrayList<>();
  private final Map<String, Escalation> escalations = new LinkedHashMap<>();
  private final Set<String> claimed = new HashSet<>();

  @Override
  public synchronized void recordAnswer(AnsweredQuestion answer) {
    answers.add(answer);
  }

  @Override
  public synchronized void recordFeedback(Feedback given) {
    feedback.add(given);
  }

  @Override
  public synchronized void openEscalation(Escalation escalation) {
    escalations.put(escalation.id(), escalation);
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public synchronized boolean claim(String key) {
    return claimed.add(key);
  }

  @Override
  public synchronized Optional<Escalation> escalation(String id) {
    return Optional.ofNullable(escalations.get(id));
  }

  @Override
  public synchronized Optional<Escalation> resolveEscalation(String id, String resolvedBy, Instant at) {
    Escalation current = escalations.get(id);
    if (current == null || current.status() == Escalation.Status.RESOLVED) {
      return Optional.empty();
    }
    Escalation resolved = current.resolved(resolvedBy, at);
    escalations.put(id, resolved);
    return Optional.of(resolved);
  }

  /** Everything answered so far, oldest first. */
  public synchronized List<AnsweredQuestion> answers() {
    return List.copyOf(answers);
  }

  /** All feedback so far, oldest first. */
  public synchronized List<Feedback> feedback() {
    return List.copyOf(feedback);
  }

  @Override
  public void close() {}
}

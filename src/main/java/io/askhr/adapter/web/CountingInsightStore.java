package io.askhr.adapter.web;

import io.askhr.insight.AnsweredQuestion;
import io.askhr.insight.Escalation;
import io.askhr.insight.Feedback;
import io.askhr.insight.InsightStore;
import java.time.Instant;
import java.util.Optional;

/** An insight store that counts feedback and escalations in {@link PrometheusMetrics} once they are recorded. */
final class CountingInsightStore implements InsightStore {

  private final InsightStore store;
  private final PrometheusMetrics metrics;

  CountingInsightStore(InsightStore store, PrometheusMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @Override
  public void recordAnswer(AnsweredQuestion answer) {
    store.recordAnswer(answer);
  }

  @Override
  public void recordFeedback(Feedback feedback) {
    store.recordFeedback(feedback);
    metrics.rated(feedback.platform(), feedback.helpful());
  }

  @Override
  public void openEscalation(Escalation escalation) {
    store.openEscalation(escalation);
    metrics.escalation(escalation.platform(), "opened");
  }

  @Override
  public Optional<Escalation> escalation(String id) {
    return store.escalation(id);
  }

  @Override
  public Optional<Escalation> resolveEscalation(String id, String resolvedBy, Instant at) {
    Optional<Escalation> resolved = store.resolveEscalation(id, resolvedBy, at);
    resolved.ifPresent(e -> metrics.escalation(e.platform(), "resolved"));
    return resolved;
  }

  /** Closes nothing: the store is closed by its owner. */
  @Override
  public void close() {}
}

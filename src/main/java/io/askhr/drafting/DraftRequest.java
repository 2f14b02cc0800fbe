package io.askhr.drafting;

import io.askhr.knowledge.PolicyPassage;
import java.util.List;

/**
 * What a drafter needs: the employee's words and the passages they may be answered from.
 *
 * @param question the question as the employee wrote it
 * @param standaloneQuestion the question rewritten to stand on its own (equal to {@code question} for a first message)
 * @param sources retrieved passages, best first; source {@code n} in the prompt is {@code sources.get(n - 1)}
 * @param sensitive the topic is personal or delicate: the draft must not speculate about the asker's own case
 */
public record DraftRequest(
    String question, String standaloneQuestion, List<PolicyPassage> sources, boolean sensitive) {

  public DraftRequest {
    sources = List.copyOf(sources);
  }
}

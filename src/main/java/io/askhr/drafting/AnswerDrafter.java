package io.askhr.drafting;

/** Turns a question and its retrieved passages into a short answer that cites them. Can be mocked for testing. */
public interface AnswerDrafter {

  /**
   * Drafts an answer.
   *
   * @throws DraftingFailedException when the drafter cannot produce an answer (model down, timeout)
   */
  Draft draft(DraftRequest request);
}

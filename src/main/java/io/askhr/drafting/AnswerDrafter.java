package io.askhr.drafting;

import java.util.function.Consumer;

/** Turns a question and its retrieved passages into a short answer that cites them. Can be mocked for testing. */
public interface AnswerDrafter {

  /**
   * Drafts an answer.
   *
   * @throws DraftingFailedException when the drafter cannot produce an answer (model down, timeout)
   */
  Draft draft(DraftRequest request);

  /**
   * Drafts an answer and hands each sentence to {@code verified} as soon as it passed the output guard and the
   * citation check. The pieces, concatenated, are the returned draft's text: each carries the whitespace before it and
   * {@link Draft#marker(int)} citations. Drafters that cannot stream hand over nothing and return the whole draft.
   *
   * @throws DraftingFailedException as {@link #draft(DraftRequest)}, also when a sentence fails the output guard
   *     after earlier ones were handed over: the caller then replaces them with its fallback answer
   */
  default Draft draft(DraftRequest request, Consumer<String> verified) {
    return draft(request);
  }
}

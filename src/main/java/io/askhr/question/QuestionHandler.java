package io.askhr.question;

/** The one call every adapter makes: a question in, a grounded, cited reply out. Never throws for bad input. */
public interface QuestionHandler {

  Reply answer(Question question);

  /**
   * As {@link #answer(Question)}, reporting progress and verified sentences to {@code stream} as they are ready.
   * Handlers that cannot stream answer whole and report nothing.
   */
  default Reply answer(Question question, AnswerStream stream) {
    return answer(question);
  }
}

package io.askhr.question;

/**
 * Receives an answer while it is being produced, for adapters that show progress and stream text. Every method is
 * called on the answering thread, in order; the {@link Reply} returned by the handler is still the whole answer.
 *
 * <p>The pieces given to {@link #verified} are consecutive parts of the final reply's text: concatenated, they are a
 * prefix of {@link Reply#text()} unless the answer changed course (the output guard rejected a sentence, or the model
 * found the question not covered). An adapter that streamed pieces checks that prefix and replaces what it showed
 * with the whole reply when it does not hold.
 */
public interface AnswerStream {

  /** Shows nothing; for adapters that send answers whole. */
  AnswerStream NONE = new AnswerStream() {};

  /** What AskHR is doing now, for a status line. */
  enum Stage {
    /** Looking for the policies that answer the question. */
    SEARCHING,
    /** Writing the answer from the passages found and checking each sentence against them. */
    CHECKING_SOURCES
  }

  default void stage(Stage stage) {}

  /**
   * One piece of the answer that passed the output guard and the citation check, in display form: citation markers
   * as {@code [n]}, numbered as in {@link Reply#citations()}; includes the whitespace that separates it from the
   * previous piece.
   */
  default void verified(String piece) {}
}

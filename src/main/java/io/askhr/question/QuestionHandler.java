package io.askhr.question;

/** The one call every adapter makes: a question in, a grounded, cited reply out. Never throws for bad input. */
public interface QuestionHandler {

  Reply answer(Question question);
}

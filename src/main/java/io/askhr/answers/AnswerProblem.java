package io.askhr.answers;

/**
 * Why an approved answer is not given: HR fixes it, {@code askhr check} reports it.
 *
 * @param file path relative to the knowledge folder
 * @param rule short rule name, e.g. {@code answer-source-missing}
 */
public record AnswerProblem(String file, String rule, String message) {}

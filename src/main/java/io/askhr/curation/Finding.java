package io.askhr.curation;

/**
 * One problem {@code askhr check} found in the knowledge folder.
 *
 * @param source the file, relative to the knowledge folder
 * @param rule a stable id for machines, such as {@code broken-link}
 * @param message what is wrong and what to do, for HR
 */
public record Finding(Severity severity, String source, String rule, String message) {

  /** Errors fail the check; warnings are advice. */
  public enum Severity { ERROR, WARNING }
}

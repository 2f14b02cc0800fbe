package io.askhr.question;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A policy passage that a reply relies on.
 *
 * @param number the {@code [n]} marker used in the reply text
 * @param source file path relative to the knowledge folder
 * @param section heading path of the passage, empty when the document has no headings
 * @param page 1-based page for paged documents, 0 otherwise
 */
public record Citation(
    int number,
    String source,
    String title,
    String section,
    int page,
    Optional<LocalDate> effective,
    Optional<String> url,
    String snippet) {}

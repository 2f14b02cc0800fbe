package io.askhr.answers;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An answer HR wrote and approved ({@code knowledge/answers/*.md}), given verbatim to questions that match one of its
 * phrasings.
 *
 * @param file path relative to the knowledge folder, e.g. {@code answers/is-my-job-safe.md}
 * @param questions the phrasings HR expects, matched by embedding similarity
 * @param audience lower-case audiences allowed to receive it; never empty
 * @param sources the policies it relies on, cited with the answer
 * @param text the answer as HR wrote it (Markdown)
 * @param quotePolicy whether the sources' lines that best answer the question are quoted below the text
 *     ({@code quote_policy:} in the front matter, true unless HR says false)
 */
public record ApprovedAnswer(
    String file,
    List<String> questions,
    String owner,
    LocalDate effective,
    LocalDate reviewBy,
    Set<String> audience,
    List<Source> sources,
    String text,
    boolean quotePolicy) {

  public ApprovedAnswer {
    questions = List.copyOf(questions);
    audience = Set.copyOf(audience);
    sources = List.copyOf(sources);
  }

  /** A policy the answer relies on, resolved against the knowledge folder. */
  public record Source(String file, String title, Optional<LocalDate> effective, Optional<String> url) {}

  /** Whether someone in these (lower-case) audiences may receive this answer. */
  public boolean visibleTo(Set<String> audiences) {
    return audience.stream().anyMatch(audiences::contains);
  }
}

package io.askhr.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A section-sized piece of a policy: the unit that is indexed, retrieved, shown to the model and cited.
 *
 * @param id stable id, {@code source#ordinal}
 * @param headingPath headings from the top of the document down to this passage's section
 * @param page 1-based page where the passage starts, 0 for formats without pages
 * @param language ISO 639-1 code of the document's language (its {@code language} metadata), {@code en} by default
 */
public record PolicyPassage(
    String id,
    String source,
    String title,
    List<String> headingPath,
    int page,
    Optional<LocalDate> effective,
    Set<String> audience,
    Set<String> countries,
    Optional<String> url,
    String text,
    String language) {

  /** Joins the headings of a section path for display. */
  public static final String SECTION_SEPARATOR = " › ";

  public PolicyPassage {
    headingPath = List.copyOf(headingPath);
    audience = Set.copyOf(audience);
    countries = Set.copyOf(countries);
  }

  /** A passage of an English document. */
  public PolicyPassage(String id, String source, String title, List<String> headingPath, int page,
      Optional<LocalDate> effective, Set<String> audience, Set<String> countries, Optional<String> url, String text) {
    this(id, source, title, headingPath, page, effective, audience, countries, url, text, DocumentMetadata.ENGLISH);
  }

  /** The heading path as one readable line, e.g. "Severance › Worked example". */
  public String section() {
    return String.join(SECTION_SEPARATOR, headingPath);
  }
}

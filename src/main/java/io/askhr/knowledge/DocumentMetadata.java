package io.askhr.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What HR declares about a document: Markdown front matter, or a {@code <file>.meta.yml} sidecar for other formats.
 *
 * @param audience groups allowed to read the document; {@link #EVERYONE} when HR set none
 * @param countries ISO country codes the document applies to; empty means every country
 * @param language ISO 639-1 code of the language the document is written in ({@code language: de}); {@code en} when
 *     HR set none
 */
public record DocumentMetadata(
    String title,
    Optional<String> owner,
    Optional<LocalDate> effective,
    Optional<LocalDate> reviewBy,
    Set<String> audience,
    Set<String> countries,
    List<String> tags,
    Optional<String> url,
    String language) {

  /** The audience every employee belongs to. */
  public static final String EVERYONE = "everyone";
  /** The language of a document that declares none: our policies are written in English. */
  public static final String ENGLISH = "en";

  public DocumentMetadata {
    audience = audience.isEmpty() ? Set.of(EVERYONE) : Set.copyOf(audience);
    countries = Set.copyOf(countries);
    tags = List.copyOf(tags);
  }

  /** Metadata of a document in English. */
  public DocumentMetadata(String title, Optional<String> owner, Optional<LocalDate> effective,
      Optional<LocalDate> reviewBy, Set<String> audience, Set<String> countries, List<String> tags,
      Optional<String> url) {
    this(title, owner, effective, reviewBy, audience, countries, tags, url, ENGLISH);
  }

  /** Metadata for a document that declares nothing but its title. */
  public static DocumentMetadata titled(String title) {
    return new DocumentMetadata(
        title, Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Set.of(), List.of(), Optional.empty());
  }
}

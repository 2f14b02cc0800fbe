package io.askhr.retrieval;

import io.askhr.knowledge.DocumentMetadata;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which passages an asker may see: audiences they belong to and, when known, the country they work in.
 * Built fail-closed: an asker with no known groups sees only documents for everyone.
 */
public record Scope(Set<String> audiences, Optional<String> country) {

  public Scope {
    Set<String> all = new HashSet<>();
    audiences.forEach(a -> all.add(a.toLowerCase(java.util.Locale.ROOT)));
    all.add(DocumentMetadata.EVERYONE);
    audiences = Set.copyOf(all);
    // "UK" is what people write; ISO 3166 (and HR's front matter) says GB.
    country = country.map(c -> c.strip().toUpperCase(java.util.Locale.ROOT)).map(c -> c.equals("UK") ? "GB" : c);
  }

  /** The scope of someone we know nothing about: documents for everyone, in every country. */
  public static Scope everyone() {
    return new Scope(Set.of(), Optional.empty());
  }

  /** The scope of an asker in the given groups. */
  public static Scope of(Set<String> groups, Optional<String> country) {
    return new Scope(groups, country);
  }
}

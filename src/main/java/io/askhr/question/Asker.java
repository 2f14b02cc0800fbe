package io.askhr.question;

import java.util.Optional;
import java.util.Set;

/**
 * The employee who asks.
 *
 * @param groups document audiences the asker belongs to; empty when unknown, which means "everyone" documents only
 * @param country ISO country code of the asker's place of work, when the platform tells
 */
public record Asker(String id, String displayName, Set<String> groups, Optional<String> country) {

  public Asker {
    groups = Set.copyOf(groups);
  }

  /** Someone we know nothing about: sees documents for everyone only. */
  public static Asker anonymous(String id) {
    return new Asker(id, "", Set.of(), Optional.empty());
  }
}

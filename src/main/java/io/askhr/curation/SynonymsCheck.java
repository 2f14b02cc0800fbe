package io.askhr.curation;

import io.askhr.retrieval.Synonyms;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/** {@code askhr check}'s look at HR's synonyms file: a malformed line is an error, since serve would refuse it. */
public final class SynonymsCheck {

  private SynonymsCheck() {}

  /** The findings for the synonyms file, none when it is absent (the bundled list is used) or well-formed. */
  public static List<Finding> check(Optional<Path> file) {
    if (file.isEmpty()) {
      return List.of();
    }
    try {
      Synonyms.load(file.get());
      return List.of();
    } catch (ParseException e) {
      return List.of(new Finding(Finding.Severity.ERROR, file.get().toString(), "synonyms",
          e.getMessage() + ". Each line is words separated by commas (pto, paid time off), or words => words"));
    } catch (IOException e) {
      return List.of(new Finding(Finding.Severity.ERROR, file.get().toString(), "synonyms",
          "cannot be read: " + e.getMessage()));
    }
  }
}

package io.askhr.eval;

import java.util.List;

/**
 * A question of a gold set and the sources that answer it; no sources means the policies should not cover it.
 *
 * @param split the half it belongs to: tuning looks at {@link Split#DEV} only
 * @param answerFacts short strings a correct answer must contain (empty when the gold set names none)
 */
public record GoldQuestion(String question, List<GoldSource> sources, Split split, List<String> answerFacts) {

  public GoldQuestion {
    sources = List.copyOf(sources);
    answerFacts = List.copyOf(answerFacts);
  }

  /** A question whose half follows from its text ({@link Split#of}), with no answer facts. */
  public GoldQuestion(String question, List<GoldSource> sources) {
    this(question, sources, Split.of(question), List.of());
  }

  /**
   * A file that answers a gold question, optionally at a page.
   *
   * @param page 1-based page named by the gold set, 0 when any page counts
   */
  public record GoldSource(String file, int page) {

    /** Whether a retrieved passage from {@code source} starting at {@code passagePage} is this gold source. */
    boolean matches(String source, int passagePage) {
      if (!fileName(source).equalsIgnoreCase(fileName(file))) {
        return false;
      }
      // Gold pages name where a supporting chunk starts; the text often runs onto the next page, hence ±1.
      return page == 0 || Math.abs(passagePage - page) <= 1;
    }

    private static String fileName(String path) {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }
}

package io.askhr.drafting;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A drafted answer and the sources it cites.
 *
 * @param text answer text with {@link #marker(int)} citation markers that point into {@link DraftRequest#sources()};
 *     private markers, so that a "[2]" quoted from a policy is never mistaken for a citation
 * @param cited the source numbers the text cites, ascending, each within 1..sources
 * @param notCovered the drafter found that the sources do not answer the question
 */
public record Draft(String text, List<Integer> cited, boolean notCovered) {

  /** Matches a citation marker; group 1 is the source number. */
  public static final Pattern MARKER = Pattern.compile("\u27E6(\\d+)\u27E7");

  public Draft {
    cited = List.copyOf(cited);
  }

  /** The citation marker for source {@code n}. */
  public static String marker(int n) {
    return "\u27E6" + n + "\u27E7";
  }

  /** The drafter's verdict that the sources do not answer the question. */
  public static Draft noAnswer() {
    return new Draft("", List.of(), true);
  }
}

package io.askhr.drafting;

import java.util.List;

/**
 * A drafted answer and the sources it cites.
 *
 * @param text answer text with {@code [n]} markers that point into {@link DraftRequest#sources()}
 * @param cited the source numbers the text cites, ascending, each within 1..sources
 * @param notCovered the drafter found that the sources do not answer the question
 */
public record Draft(String text, List<Integer> cited, boolean notCovered) {

  public Draft {
    cited = List.copyOf(cited);
  }

  /** The drafter's verdict that the sources do not answer the question. */
  public static Draft noAnswer() {
    return new Draft("", List.of(), true);
  }
}

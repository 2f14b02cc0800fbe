package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpHeuristicTest {

  final FollowUpHeuristic rewriter = new FollowUpHeuristic();

  @Test
  void shouldJoinAContinuationToThePreviousQuestion() {
    assertEquals("How many days of annual leave do I get? and for part-timers?",
        rewriter.standalone("and for part-timers?", List.of("How many days of annual leave do I get?")));
  }

  @Test
  void shouldJoinAShortPronounQuestionToThePreviousQuestion() {
    assertEquals("How is severance calculated? Is it taxed in the same way as salary?",
        rewriter.standalone("Is it taxed in the same way as salary?", List.of("How is severance calculated?")));
  }

  @Test
  void shouldLeaveAStandaloneQuestionAlone() {
    String question = "How many volunteering days does the company give each year?";
    assertEquals(question, rewriter.standalone(question, List.of("How is severance calculated?")));
  }

  @Test
  void shouldLeaveTheFirstQuestionAlone() {
    assertEquals("and for part-timers?", rewriter.standalone("and for part-timers?", List.of()));
  }
}

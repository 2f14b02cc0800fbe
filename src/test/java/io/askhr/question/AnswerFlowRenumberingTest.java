package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.askhr.drafting.Draft;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.Hit;
import io.askhr.retrieval.PolicySearcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Renumbering of citations, with the searcher mocked at its seam and a drafter that returns a fixed draft. */
class AnswerFlowRenumberingTest {

  private static Hit hit(String source, String text) {
    return new Hit(new PolicyPassage(source + "#0", source, "Title of " + source, List.of("Title of " + source, "Part"),
        0, Optional.empty(), Set.of("everyone"), Set.of(), Optional.empty(), text), 1.0, 0.9, 1, 1);
  }

  @Test
  void shouldNumberCitationsByFirstMentionAndLeaveBracketsQuotedFromPolicyAlone() {
    // given: three passages; the draft cites the third, then the first, and quotes a "[2]" from a contract clause
    PolicySearcher searcher = mock(PolicySearcher.class);
    when(searcher.search(anyString(), any(), anyInt())).thenReturn(
        List.of(hit("a.md", "A."), hit("b.md", "B."), hit("c.md", "C.")));
    String text = "Under clause [2] of your contract " + Draft.marker(3) + ", and also " + Draft.marker(1) + " "
        + Draft.marker(3) + ".";
    AnswerFlow flow = new AnswerFlow(searcher, request -> new Draft(text, List.of(1, 3), false),
        request -> Draft.noAnswer(), new FollowUpHeuristic(), new AnswerSettings(6, 0.3, 0.45, 4000, "HR"));

    // when
    Reply reply = flow.answer(Question.first("What does clause 2 say?", Asker.anonymous("u"), Platform.CLI));

    // then
    assertEquals("Under clause [2] of your contract [1], and also [2] [1].", reply.text());
    assertEquals(List.of("c.md", "a.md"), reply.citations().stream().map(Citation::source).toList());
    assertEquals(List.of(1, 2), reply.citations().stream().map(Citation::number).toList());
    assertEquals("Part", reply.citations().get(0).section());
  }
}

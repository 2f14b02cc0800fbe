package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationCheckTest {

  /** The draft's private markers shown as [n], to keep expectations readable. */
  private static String readable(Draft draft) {
    return Draft.MARKER.matcher(draft.text()).replaceAll("[$1]");
  }

  @Test
  void shouldKeepCitationsOfShownSourcesAndDropPhantoms() {
    // when
    Draft draft = CitationCheck.check("You get 27 days [1]. Part-timers get pro rata [2][7]. Ask HR [0].", 3);

    // then
    assertEquals("You get 27 days [1]. Part-timers get pro rata [2]. Ask HR.", readable(draft));
    assertEquals(List.of(1, 2), draft.cited());
  }

  @Test
  void shouldUnderstandListsRangesAndOtherBrackets() {
    // when
    Draft draft = CitationCheck.check("Three weeks per year [1, 3] [Source 2] [source 9; 3] [1-2] 【2】 [^3].", 3);

    // then
    assertEquals("Three weeks per year [1][3] [2] [3] [1][2] [2] [3].", readable(draft));
    assertEquals(List.of(1, 2, 3), draft.cited());
  }

  @Test
  void shouldTreatAbsurdNumbersAndRangesAsPhantoms() {
    // when
    Draft draft = CitationCheck.check("Cars for all [99999999999] [5-9] [2-99].", 3);

    // then
    assertEquals("Cars for all [2][3].", readable(draft));
    assertEquals(List.of(2, 3), draft.cited());
  }

  @Test
  void shouldCiteNothingWhenEveryMarkerIsPhantom() {
    // when
    Draft draft = CitationCheck.check("Company cars are provided to all staff [4].", 2);

    // then
    assertEquals(List.of(), draft.cited());
    assertEquals("Company cars are provided to all staff.", draft.text());
  }
}

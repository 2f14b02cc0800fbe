package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationCheckTest {

  @Test
  void shouldKeepCitationsOfShownSourcesAndDropPhantoms() {
    // when
    Draft draft = CitationCheck.check("You get 27 days [1]. Part-timers get pro rata [2][7]. Ask HR [0].", 3);

    // then
    assertEquals("You get 27 days [1]. Part-timers get pro rata [2]. Ask HR.", draft.text());
    assertEquals(List.of(1, 2), draft.cited());
  }

  @Test
  void shouldUnderstandListsAndSourceWords() {
    // when
    Draft draft = CitationCheck.check("Severance is three weeks per year [1, 3] [Source 2] [source 9; 3].", 3);

    // then
    assertEquals("Severance is three weeks per year [1][3] [2] [3].", draft.text());
    assertEquals(List.of(1, 2, 3), draft.cited());
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

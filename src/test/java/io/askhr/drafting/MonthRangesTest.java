package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthRangesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      i joined mid august last year, am i too new?       | 8
      if im laid off in feb do i keep the dividend        | 2
      Ich habe im März angefangen                         | 3
      j'ai commencé en juillet                            | 7
      starting in May, what changes?                      | 5
      """)
  void shouldReadTheMonthAQuestionNames(String question, int month) {
    assertEquals(Set.of(month), MonthRanges.namedIn(question));
  }

  @Test
  void shouldNotTakeTheVerbMayForAMonth() {
    assertTrue(MonthRanges.namedIn("may I carry over leave to next year?").isEmpty());
    assertTrue(MonthRanges.namedIn("how much leave do I get?").isEmpty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      People who started between 1 July and 30 September receive half of the matrix increase. | 8 | true
      People who started between 1 July and 30 September receive half of the matrix increase. | 10 | false
      Employees whose employment ended through redundancy between 1 January and 31 March.     | 2 | true
      The open period runs from November to February.                                        | 1 | true
      The open period runs from November to February.                                        | 6 | false
      The review window is 1 April – 30 June 2027.                                            | 5 | true
      Bonuses are paid on 1 April and 1 October.                                              | 6 | false
      """)
  void shouldTellWhetherALinesRangeHoldsTheMonth(String line, int month, boolean holds) {
    assertEquals(holds, MonthRanges.holds(line, Set.of(month)));
  }

  @Test
  void shouldHoldNothingForAQuestionWithoutAMonth() {
    assertFalse(MonthRanges.holds("between 1 January and 31 December", Set.of()));
  }
}

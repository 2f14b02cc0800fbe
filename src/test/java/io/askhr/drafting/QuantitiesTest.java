package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which kind of figure a question asks for, and which lines state one. */
class QuantitiesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      how long do i have to challenge my role classification | TIME
      when is the pay review this year                         | TIME
      ok thanks. and when does it start?                       | TIME
      by when do i have to tell my manager im off sick         | TIME
      how fast do people usually answer in #ask-people         | TIME
      how many holiday days do I get                           | TIME
      wie viele urlaubstage hab ich in deutschland?            | TIME
      wie lange dauert die Probezeit?                          | TIME
      combien de jours de congé ai-je ?                        | TIME
      how much severance would I get                           | FIGURE
      how wide are the salary bands                            | FIGURE
      how many people can the panel have                       | FIGURE
      what is the maximum reskilling allowance                 | FIGURE
      wie viel Abfindung bekomme ich?                          | FIGURE
      how is the automation dividend pool worked out           | CALCULATION
      how is severance calculated if my role goes              | CALCULATION
      wie wird die Abfindung berechnet?                        | CALCULATION
      comment est calculée l'indemnité ?                       | CALCULATION
      """)
  void shouldTellWhatKindOfFigureAQuestionAsksFor(String question, Quantities kind) {
    assertEquals(Optional.of(kind), Quantities.askedBy(question));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pool P = the smaller of 25% × S and 2% × B",
      "You receive 2 weeks' pay per year of service, capped at 20 weeks.",
      "The bonus is pro-rated for part-time employees.", "team % = team pot ÷ base payroll of the team",
      "The shared part is 60% of the pool."})
  void shouldFindAFormulaOrRuleInCalculationLines(String line) {
    assertTrue(Quantities.CALCULATION.statedIn(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"The pool is paid out on 1 April.", "Ask the Reward team how your dividend was worked out."})
  void shouldFindNoFormulaInOtherLines(String line) {
    assertFalse(Quantities.CALCULATION.statedIn(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"who sits on the review panel?", "can I bring a colleague to the meeting?",
      "is the maximal approach used here",
      "what happens when my role is classified red?"})
  void shouldFindNoFigureInOtherQuestions(String question) {
    assertEquals(Optional.empty(), Quantities.askedBy(question));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "You can ask the panel to review it within 15 working days of being told.",
      "If your role is Red, a six-month transition window starts.",
      "Tell your manager before your usual start time on the first day.",
      "The pool is paid out at the annual pay review on 1 April.",
      "Germany: 30 Tage Urlaub im Jahr.",
      "Report it immediately.",
      "Salaries are paid on the 25th of each month."})
  void shouldSeeATimeInPeriodsDatesAndDeadlines(String line) {
    assertTrue(Quantities.TIME.statedIn(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Classification: Amber – Reshaped; Share of working time affected: 30% to 60%.",
      "The allowance is £10,000, €11,600 or $12,600.",
      "Any employee can ask the Reward team for their level and band."})
  void shouldSeeNoTimeInPercentagesAmountsOrPlainStatements(String line) {
    assertFalse(Quantities.TIME.statedIn(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Classification: Amber; Share of working time affected: 30% to 60%.",
      "The allowance is £10,000.", "You can do this twice a year."})
  void shouldSeeAFigureInAnyNumber(String line) {
    assertTrue(Quantities.FIGURE.statedIn(line));
  }
}

package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.SensitiveTopics.Topic;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveTopicsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Am I going to be made redundant?                              | REDUNDANCY",
      "I heard there will be layoffs in my team next month           | REDUNDANCY",
      "How much severance would I get after 6 years?                 | REDUNDANCY",
      "My role is being eliminated because of the new AI tooling      | REDUNDANCY",
      "Why is my salary lower than my colleague's?                   | OWN_PAY",
      "Am I underpaid for an L3?                                      | OWN_PAY",
      "My manager says my bonus will be cut, can they do that?        | OWN_PAY",
      "Can they fire me for refusing to return to the office?        | DISMISSAL",
      "What happens at a disciplinary hearing?                       | DISMISSAL",
      "I was put on a performance improvement plan                    | PERFORMANCE_PROBLEM",
      "My manager said I am underperforming                           | PERFORMANCE_PROBLEM",
      "A colleague keeps making comments about my body, it is harassment | HARASSMENT",
      "I'm being bullied by my team lead                              | HARASSMENT",
      "I feel burnt out and can't cope any more                       | WELLBEING",
      "I am completely burnt out                                      | WELLBEING",
      "Ich habe die Kündigung bekommen                                | DISMISSAL",
      "Werde ich eine Abfindung bekommen?                              | REDUNDANCY"})
  void shouldFlagDelicateQuestions(String question, Topic expected) {
    assertTrue(SensitiveTopics.of(question).contains(expected), SensitiveTopics.of(question).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How many days of annual leave do I get?",
      "When is the annual pay review?",
      "How does the automation dividend work?",
      "Can I work from Spain for two weeks?",
      "What are the salary bands for L4 in Germany?",
      "How do I apply for an internal job?",
      "Do I get paid for public holidays?"})
  void shouldNotFlagEverydayQuestions(String question) {
    assertEquals(Set.of(), SensitiveTopics.of(question));
  }
}

package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentWordsTest {

  @Test
  void shouldStemAsTheIndexDoesSoVariantsOfAWordMeet() {
    assertEquals(ContentWords.of("classified"), ContentWords.of("classify"));
    assertEquals(ContentWords.of("holidays"), ContentWords.of("holiday"));
    assertEquals(ContentWords.of("redundancies"), ContentWords.of("redundancy"));
  }

  @Test
  void shouldJoinIrregularFormsToTheirBaseWordWhichPorterCannot() {
    assertEquals(ContentWords.of("pay"), ContentWords.of("paid"));
    assertEquals(ContentWords.of("you will not be given notice"), ContentWords.of("can they give me notice"));
    assertEquals(ContentWords.of("leave"), ContentWords.of("left"));
  }

  @Test
  void shouldDropStopWordsAndChatFillerButKeepShortCodes() {
    assertEquals(List.of("bonu", "l5"), ContentWords.of("hey, what's the bonus for an L5? thanks"));
    assertEquals(List.of("compani", "401k", "match"), ContentWords.of("Does the company's 401k match?"));
  }
}

package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  private final LanguageDetector detector = LanguageDetector.shared();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Elternzeit?|de",
      "Congé maternité ?|fr",
      "Seguro médico|es",
      "Ouderschapsverlof voor de partner|nl",
      "Föräldraledighet|sv",
      "severance?|en",
      "Hur lång är min uppsägningstid?|sv",
      "Hoeveel vakantiedagen krijg ik?|nl",
      "¿Cuántos días de vacaciones tengo?|es"})
  void shouldRecogniseShortQuestions(String question, String language) {
    assertEquals(language, detector.detect(question).getLanguage());
  }

  @Test
  void shouldRecogniseALongMessage() {
    String text = "Guten Tag, ich arbeite seit drei Jahren in Hamburg und mein Team soll im Rahmen der "
        + "Umstrukturierung verkleinert werden. Ich möchte wissen, wie die Sozialauswahl durchgeführt wird, welche "
        + "Rolle der Betriebsrat dabei spielt und ob ich Anspruch auf eine Abfindung nach dem Sozialplan habe.";
    assertEquals(Locale.GERMAN, detector.detect(text));
  }

  @Test
  void shouldRecogniseTheLanguageAroundEnglishHrTerms() {
    assertEquals(Locale.GERMAN, detector.detect("Bekomme ich bei garden leave mein volles Gehalt?"));
    assertEquals("nl", detector.detect("Wanneer wordt de automation dividend uitbetaald?").getLanguage());
  }

  @ParameterizedTest(name = "\"{0}\" -> en")
  @CsvSource(delimiter = '|', value = {"ok", "PTO?", "401k", "HR", "???", "Hi", "bonus", "pension", "holiday",
      "payslip", "garden leave", "probation"})
  void shouldKeepShortEnglishMessagesInEnglish(String message) {
    assertEquals(Locale.ENGLISH, detector.detect(message));
  }

  @ParameterizedTest(name = "\"{0}\" -> en")
  @CsvSource(delimiter = '|', value = {"hiring freeze end date?", "What outplacement services are available?",
      "What is an Interessenausgleich?"})
  void shouldKeepEnglishQuestionsWhoseLettersLookForeignInEnglish(String message) {
    // n-grams alone are over 0.99 sure of Dutch, French and German here; no function word of those languages is used
    assertEquals(Locale.ENGLISH, detector.detect(message));
  }

  @Test
  void shouldAcceptAnotherLanguageOnlyWithASignOfIt() {
    assertTrue(LanguageDetector.showsSignOf("de", "Elternzeit?"), "a single word has only its letters");
    assertTrue(LanguageDetector.showsSignOf("fr", "Congé maternité"), "a letter English does not use");
    assertTrue(LanguageDetector.showsSignOf("nl", "Wanneer wordt de dividend uitbetaald"), "Dutch 'de'");
    assertFalse(LanguageDetector.showsSignOf("nl", "hiring freeze end date"));
    assertFalse(LanguageDetector.showsSignOf("de", "what is an Interessenausgleich"), "'an' is English too");
    assertFalse(LanguageDetector.showsSignOf("de", "also will that work"), "everyday English words");
  }

  @Test
  void shouldTakeAShortFollowUpsLanguageFromTheConversation() {
    // given an earlier German question; "PTO?" alone says nothing
    List<String> earlier = List.of("Wie viele Urlaubstage bekomme ich in Deutschland?");

    // then
    assertEquals(Locale.GERMAN, detector.detect("PTO?", earlier));
    assertEquals(Locale.ENGLISH, detector.detect("PTO?", List.of()));
  }

  @Test
  void shouldAnswerALanguageWithoutABundleInEnglish() {
    // Italian is not among the loaded profiles; whatever the guess, it is one of the bundled languages or English.
    Locale language = detector.detect("Quanti giorni di ferie ho diritto ad avere quest'anno?");
    assertEquals(Messages.supported(language), language);
  }
}

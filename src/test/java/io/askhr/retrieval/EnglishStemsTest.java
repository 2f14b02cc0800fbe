package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class EnglishStemsTest {

  @Test
  void shouldIndexAnIrregularFormAsItsBaseWordsStem() throws IOException {
    try (Analyzer analyzer = EnglishStems.analyzer()) {
      assertEquals(terms(analyzer, "we pay on the 25th"), terms(analyzer, "we paid on the 25th"));
      assertEquals(terms(analyzer, "tell"), terms(analyzer, "told"));
      assertEquals(terms(analyzer, "chosen for redundancy"), terms(analyzer, "choose redundancy"));
    }
  }

  @Test
  void shouldAnalyseEverythingElseAsLucenesEnglishAnalyzer() throws IOException {
    String text = "The company's redundancy payments are calculated per complete year of service, and holidays accrue.";
    try (Analyzer ours = EnglishStems.analyzer(); Analyzer lucene = new EnglishAnalyzer()) {
      assertEquals(terms(lucene, text), terms(ours, text));
    }
  }

  /** The terms an analyzer makes of a text, in order. */
  static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(PolicyFields.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}

package io.askhr.retrieval;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * Stemming and stop words for policies HR writes in another language ({@code language: de}): their text is also
 * indexed in a field of that language ({@link PolicyFields#text(String)}), analysed by that language's analyzer.
 * English text and every other field keep the English analyzer.
 */
public final class LanguageAnalyzers {

  /** Languages other than English that get their own field; a document in any other language is treated as English. */
  static final Map<String, Supplier<Analyzer>> OTHER_LANGUAGES = Map.of(
      "de", GermanAnalyzer::new,
      "fr", FrenchAnalyzer::new,
      "es", SpanishAnalyzer::new,
      "nl", DutchAnalyzer::new,
      "sv", SwedishAnalyzer::new);

  /** Each other language's stop words, the ones its analyzer drops. */
  private static final Map<String, CharArraySet> STOP_WORDS = Map.of(
      "de", GermanAnalyzer.getDefaultStopSet(),
      "fr", FrenchAnalyzer.getDefaultStopSet(),
      "es", SpanishAnalyzer.getDefaultStopSet(),
      "nl", DutchAnalyzer.getDefaultStopSet(),
      "sv", SwedishAnalyzer.getDefaultStopSet());

  private LanguageAnalyzers() {}

  /** The English analyzer for every field, except the per-language text fields. */
  static Analyzer perField() {
    Map<String, Analyzer> fields = new HashMap<>();
    OTHER_LANGUAGES.forEach((language, analyzer) -> fields.put(PolicyFields.text(language), analyzer.get()));
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), fields);
  }

  /** The stop words of a language (ISO code); an empty set for English and languages without an analyzer here. */
  public static CharArraySet stopWords(String language) {
    return STOP_WORDS.getOrDefault(language, CharArraySet.EMPTY_SET);
  }

  static Set<String> otherLanguages() {
    return OTHER_LANGUAGES.keySet();
  }
}

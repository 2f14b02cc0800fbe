package io.askhr.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.util.IOUtils;

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

  /**
   * English words that are no sign of another language: Lucene's (Snowball) English stop words, and everyday English
   * words that are function words elsewhere ("also" and "will" in German, "want" and "men" in Dutch, "man" in Swedish).
   */
  private static final CharArraySet ENGLISH_WORDS = englishWords();

  private LanguageAnalyzers() {}

  /** The English analyzer for every field, except the per-language text fields. */
  static Analyzer perField() {
    Map<String, Analyzer> fields = new HashMap<>();
    OTHER_LANGUAGES.forEach((language, analyzer) -> fields.put(PolicyFields.text(language), analyzer.get()));
    return new PerFieldAnalyzerWrapper(EnglishStems.analyzer(), fields);
  }

  /** The stop words of a language (ISO code); an empty set for English and languages without an analyzer here. */
  static CharArraySet stopWords(String language) {
    return STOP_WORDS.getOrDefault(language, CharArraySet.EMPTY_SET);
  }

  /** Whether a (lower-case) word is a function word of {@code language} that English does not use. */
  public static boolean isFunctionWordOnlyOf(String language, String word) {
    return stopWords(language).contains(word) && !ENGLISH_WORDS.contains(word);
  }

  private static CharArraySet englishWords() {
    try {
      CharArraySet words = new CharArraySet(WordlistLoader.getSnowballWordSet(
          IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)), false);
      words.addAll(Set.of("also", "will", "want", "men", "man", "die", "war", "hat", "door", "son", "era", "con"));
      return CharArraySet.unmodifiableSet(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene's English stop words are missing from the build", e);
    }
  }

  static Set<String> otherLanguages() {
    return OTHER_LANGUAGES.keySet();
  }
}

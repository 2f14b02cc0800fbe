package io.askhr.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English stemming as the index and every English comparison do it: Lucene's Porter stemmer, with the irregular
 * forms employees and policies use mapped to their base word first, which Porter cannot do ("do I get paid" finds
 * "pay", "you will not be given notice" answers "can they give me notice").
 */
public final class EnglishStems {

  /**
   * Irregular form and its base word; regular forms ("hired", "fired") Porter already joins. Not "met": Porter stems
   * "meeting" as "meet", so "have I met my targets" would find every meeting.
   */
  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("paid", "pay"), Map.entry("given", "give"), Map.entry("gave", "give"), Map.entry("told", "tell"),
      Map.entry("made", "make"), Map.entry("taken", "take"), Map.entry("took", "take"), Map.entry("chosen", "choose"),
      Map.entry("chose", "choose"), Map.entry("sent", "send"), Map.entry("spent", "spend"), Map.entry("kept", "keep"),
      Map.entry("held", "hold"), Map.entry("laid", "lay"), Map.entry("brought", "bring"), Map.entry("bought", "buy"),
      Map.entry("sold", "sell"), Map.entry("found", "find"), Map.entry("lost", "lose"), Map.entry("written", "write"),
      Map.entry("wrote", "write"), Map.entry("known", "know"), Map.entry("began", "begin"), Map.entry("begun", "begin"),
      Map.entry("fell", "fall"), Map.entry("fallen", "fall"), Map.entry("went", "go"), Map.entry("gone", "go"),
      Map.entry("came", "come"), Map.entry("became", "become"), Map.entry("grew", "grow"), Map.entry("grown", "grow"),
      Map.entry("understood", "understand"), Map.entry("thought", "think"),
      Map.entry("left", "leave"), Map.entry("children", "child"), Map.entry("women", "woman"), Map.entry("men", "man"));

  private static final StemmerOverrideMap OVERRIDES = overrides();

  private EnglishStems() {}

  /** Stems a lower-cased stream without stop words. */
  public static TokenStream stem(TokenStream stream) {
    return new PorterStemFilter(new StemmerOverrideFilter(stream, OVERRIDES));
  }

  /** Lucene's English analyzer (possessives, lower case, its stop words, Porter) with the irregular forms joined. */
  public static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer));
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(tokenizer, stem(stream));
      }
    };
  }

  private static StemmerOverrideMap overrides() {
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    try (Analyzer porter = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        KeywordTokenizer tokenizer = new KeywordTokenizer();
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(tokenizer));
      }
    }) {
      // Each form maps to Porter's own stem of its base word, so that the two meet.
      for (Map.Entry<String, String> irregular : IRREGULAR.entrySet()) {
        builder.add(irregular.getKey(), stem(porter, irregular.getValue()));
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String cannot fail
    }
  }

  private static String stem(Analyzer porter, String word) throws IOException {
    try (TokenStream stream = porter.tokenStream("", word)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      stream.incrementToken();
      String stem = term.toString();
      stream.end();
      return stem;
    }
  }
}

package io.askhr.drafting;

import io.askhr.retrieval.EnglishStems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a question or a policy line, stemmed as the index stems English ({@link EnglishStems}, after
 * Lucene's English stop words), for comparing which words a question and a passage share. Also drops the filler
 * of chat questions ("hey", "please", "actually") and a few German and French function words.
 */
public final class ContentWords {

  private static final CharArraySet STOP = stopWords();
  /** Analyzers are thread-safe: each thread reuses its own token stream. */
  private static final Analyzer ANALYZER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      StandardTokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(tokenizer);
      stream = new LowerCaseFilter(stream);
      stream = new StopFilter(stream, STOP);
      return new TokenStreamComponents(tokenizer, EnglishStems.stem(stream));
    }
  };

  private ContentWords() {}

  /**
   * Stemmed content words in order. Words of one or two letters are dropped unless they hold a digit: "L5" and "3x"
   * carry meaning in HR questions, "us" and "ok" rarely do.
   */
  public static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String w = term.toString();
        if (w.length() > 2 || w.chars().anyMatch(Character::isDigit)) {
          words.add(w);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String cannot fail
    }
    return words;
  }

  private static CharArraySet stopWords() {
    CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stop.addAll(List.of(
        "what", "whats", "when", "how", "who", "does", "did", "can", "could", "with", "have", "has", "had", "from",
        "your", "you", "our", "would", "should", "about", "which", "any", "all", "may", "its", "his", "her", "also",
        "than", "them", "been", "being", "get", "got", "much", "many", "some", "only", "just", "like", "really",
        "still", "now", "yet", "anyone", "someone", "thing", "stuff", "know", "want", "need", "tell", "please",
        "thanks", "hey", "hi", "hello", "lol", "i'm", "i've", "don't", "doesn't", "can't", "isn't", "didn't", "won't", "im",
        "ive", "dont", "doesnt", "cant", "isnt", "didnt", "wont", "actually", "kind",
        "sort", "way", "here", "where", "why", "whom", "more", "most", "very", "wie", "ich", "der", "die", "das",
        "und", "ist", "mein", "meine", "est", "les", "des", "pour", "une"));
    return CharArraySet.unmodifiableSet(stop);
  }
}

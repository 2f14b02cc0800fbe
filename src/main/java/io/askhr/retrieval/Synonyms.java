package io.askhr.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.Util;

/**
 * HR's own words for policy words ({@code bot/synonyms.txt}, Solr format: {@code pto, paid time off} or
 * {@code let go => dismissed}), added to the keyword search at query time. Reloadable: a search uses the analyzer
 * current when it starts, so an edit never half-applies.
 */
public final class Synonyms {

  /** The starter list bundled in the jar, used when no file is configured. */
  public static final String BUNDLED = "synonyms.txt";

  /** The index's own English analysis, without synonyms. */
  private static final Analyzer PLAIN = EnglishStems.analyzer();
  /** How the file's entries are tokenised, and a question's words for looking them up: lower case, no possessives. */
  private static final Analyzer ENTRIES = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      StandardTokenizer tokenizer = new StandardTokenizer();
      return new TokenStreamComponents(tokenizer, new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer)));
    }
  };

  private volatile Analysis analysis;

  /** Swapped as one on reload, so a search, a gloss and a look-up never mix two versions of HR's file. */
  private record Analysis(Analyzer query, Analyzer gloss, SynonymMap map) {}

  private Synonyms(SynonymMap map) {
    this.analysis = new Analysis(analyzer(map), glossAnalyzer(map), map);
  }

  /** No synonyms: the query is analysed exactly as the index is. */
  public static Synonyms none() {
    return new Synonyms(emptyMap());
  }

  /** Reads a Solr-format synonyms file; a malformed line fails with its line number. */
  public static Synonyms load(Path file) throws IOException, ParseException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Synonyms(parse(in));
    }
  }

  /** The starter list shipped in the jar. */
  public static Synonyms bundled() {
    try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        return none();
      }
      return new Synonyms(parse(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("the bundled synonyms.txt is malformed: " + e.getMessage(), e);
    }
  }

  /** Replaces the synonyms with the file's; on a malformed file the current ones stay and the error is thrown. */
  public void reload(Path file) throws IOException, ParseException {
    Synonyms fresh = load(file);
    this.analysis = fresh.analysis;
  }

  static Analyzer plain() {
    return PLAIN;
  }

  /**
   * The index words HR's synonyms add to {@code text} (stemmed as the index stems, minus the text's own words), in
   * order; only the first {@code maxTerms} words of the text are read.
   */
  public Set<String> addedWords(String text, int maxTerms) {
    Set<String> added = new LinkedHashSet<>(terms(analysis.query(), text, maxTerms));
    terms(PLAIN, text, maxTerms).forEach(added::remove);
    return added;
  }

  private static List<String> terms(Analyzer analyzer, String text, int maxTerms) {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < maxTerms) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String cannot fail
    }
    return terms;
  }

  /**
   * What HR's synonyms give each word or phrase of {@code text}, keyed by the words as typed (lower case): "laid off"
   * gives "redundancy", "rif" gives "reduction in force", "layoff", ... each alternative whole, so that a caller can
   * ask for all of a phrase's words together. Only the first {@code maxTerms} words are read.
   */
  public Map<String, List<String>> alternatives(String text, int maxTerms) {
    SynonymMap map = analysis.map();
    Map<String, List<String>> found = new LinkedHashMap<>();
    if (map.fst == null) {
      return found;
    }
    List<String> words = terms(ENTRIES, text, maxTerms);
    for (int start = 0; start < words.size(); start++) {
      for (int end = start + 1; end <= Math.min(words.size(), start + map.maxHorizontalContext); end++) {
        String typed = String.join(String.valueOf(SynonymMap.WORD_SEPARATOR), words.subList(start, end));
        List<String> phrases = lookUp(map, typed);
        if (!phrases.isEmpty()) {
          found.computeIfAbsent(typed.replace(SynonymMap.WORD_SEPARATOR, ' '), k -> new ArrayList<>()).addAll(phrases);
        }
      }
    }
    return found;
  }

  /** The outputs of one entry, decoded as {@link SynonymGraphFilter} does; none when the words are no entry. */
  private static List<String> lookUp(SynonymMap map, String words) {
    try {
      BytesRef output = Util.get(map.fst, Util.toUTF32(words, new IntsRefBuilder()));
      if (output == null) {
        return List.of();
      }
      ByteArrayDataInput in = new ByteArrayDataInput(output.bytes, output.offset, output.length);
      int count = in.readVInt() >>> 1;
      List<String> phrases = new ArrayList<>();
      BytesRef scratch = new BytesRef();
      for (int i = 0; i < count; i++) {
        map.words.get(in.readVInt(), scratch);
        phrases.add(scratch.utf8ToString().replace(SynonymMap.WORD_SEPARATOR, ' '));
      }
      return phrases;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the map is in memory
    }
  }

  /** English analysis as {@link EnglishAnalyzer} does it, with synonyms added before stop words and stemming. */
  Analyzer queryAnalyzer() {
    return analysis.query();
  }

  /**
   * {@code text} in lower case with each word or phrase HR's synonyms map replaced by what it maps to, neither stemmed
   * nor stripped of English stop words, and without the stop words of {@code language} (an ISO code) that no synonym
   * put there: "Wie viele Urlaubstage habe ich?" reads "viele annual holiday leave". French elided articles are cut
   * ("l'accord" is read as "accord"). Only the first {@code maxTerms} words are read.
   */
  public String gloss(String text, String language, int maxTerms) {
    CharArraySet stopWords = LanguageAnalyzers.stopWords(language);
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = analysis.gloss().tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
      tokens.reset();
      for (int read = 0; tokens.incrementToken() && read < maxTerms; read++) {
        if (type.type().equals(SynonymGraphFilter.TYPE_SYNONYM) || !stopWords.contains(term.buffer(), 0,
            term.length())) {
          words.add(term.toString());
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String cannot fail
    }
    return String.join(" ", words);
  }

  private static SynonymMap parse(Reader in) throws IOException, ParseException {
    // Entries are tokenised and lower-cased like queries, so "Paid Time Off" matches "paid time off".
    SolrSynonymParser parser = new SolrSynonymParser(true, true, ENTRIES);
    try {
      parser.parse(in);
    } catch (ParseException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // e.g. an entry that is only punctuation analyses to nothing
      ParseException wrapped = new ParseException(e.getMessage(), 0);
      wrapped.initCause(e);
      throw wrapped;
    }
    return parser.build();
  }

  private static SynonymMap emptyMap() {
    try {
      return new SynonymMap.Builder().build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Analyzer glossAnalyzer(SynonymMap map) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ElisionFilter(new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer)),
            FrenchAnalyzer.DEFAULT_ARTICLES);
        return new TokenStreamComponents(tokenizer,
            map.fst == null ? stream : new SynonymGraphFilter(stream, map, true));
      }
    };
  }

  private static Analyzer analyzer(SynonymMap map) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer));
        if (map.fst != null) {
          stream = new SynonymGraphFilter(stream, map, true);
        }
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(tokenizer, EnglishStems.stem(stream));
      }
    };
  }
}

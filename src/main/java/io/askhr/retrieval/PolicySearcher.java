package io.askhr.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.askhr.knowledge.PolicyPassage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Hybrid search over policy passages: BM25 over text, headings and title, plus KNN over passage embeddings,
 * fused as {@link FusionWeights} says. The asker's scope filters both searches before anything is ranked.
 */
public final class PolicySearcher {

  private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("\\d+\\p{L}+|\\p{L}+\\d+");
  /** A number is not a misspelling: "20270" must not match the year 2027. */
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  /** Shorter unknown words are more often codes or names than typos. */
  private static final int MIN_FUZZY_LENGTH = 4;
  /**
   * Bound the work a long or garbled message can cause, and keep the query under BooleanQuery's 1024 clauses:
   * 100 terms on 3 fields, plus at most 20 typo matches of 10 expansions each.
   */
  private static final int MAX_QUERY_TERMS = 100;
  /** Analyses the query as German, French, ... for policies written in those languages (front matter {@code language}). */
  private static final Analyzer OTHER_LANGUAGES = LanguageAnalyzers.perField();
  private static final int MAX_FUZZY_TERMS = 20;
  private static final int FUZZY_EXPANSIONS = 10;

  private final SearcherManager searchers;
  private final Synonyms synonyms;
  private final PolicyEmbedder embeddings;
  private final FusionWeights weights;
  private final TypoExpansions typos = new TypoExpansions(FUZZY_EXPANSIONS);

  private final IndexHealth health;

  PolicySearcher(SearcherManager searchers, Synonyms synonyms, PolicyEmbedder embeddings, IndexHealth health) {
    this(searchers, synonyms, embeddings, FusionWeights.DEFAULT, health);
  }

  PolicySearcher(SearcherManager searchers, Synonyms synonyms, PolicyEmbedder embeddings, FusionWeights weights,
      IndexHealth health) {
    this.searchers = searchers;
    this.synonyms = synonyms;
    this.embeddings = embeddings;
    this.weights = weights;
    this.health = health;
  }

  /** The same searcher with other fusion weights, for measuring. */
  public PolicySearcher withWeights(FusionWeights other) {
    return new PolicySearcher(searchers, synonyms, embeddings, other, health);
  }

  /**
   * The {@code k} best passages for {@code query} that {@code scope} may see, best first.
   *
   * @throws IndexDamagedException when the index files are damaged (it is then rebuilt in the background)
   */
  public List<Hit> search(String query, Scope scope, int k) {
    float[] queryVector = embeddings.query(query);
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return search(searcher, query, queryVector, scope, k);
      } finally {
        searchers.release(searcher);
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Damaged files show up as CorruptIndexException or as garbage decoded into out-of-bounds indexes.
      health.damaged(e);
      throw new IndexDamagedException(e);
    }
  }

  private List<Hit> search(IndexSearcher searcher, String query, float[] queryVector, Scope scope, int k)
      throws IOException {
    int depth = Math.max(k, weights.depth());
    Query filter = scopeFilter(scope);
    Map<Integer, Integer> lexicalRanks = new HashMap<>();
    Map<Integer, Double> lexicalScores = new HashMap<>();
    Optional<Query> lexical = weights.lexical() > 0 ? lexicalQuery(searcher, query) : Optional.empty();
    if (lexical.isPresent()) {
      Query filtered = new BooleanQuery.Builder().add(lexical.get(), Occur.MUST).add(filter, Occur.FILTER).build();
      ScoreDoc[] docs = searcher.search(filtered, depth).scoreDocs;
      rank(docs, lexicalRanks);
      for (ScoreDoc d : docs) {
        lexicalScores.put(d.doc, (double) d.score);
      }
    }
    Map<Integer, Integer> vectorRanks = new HashMap<>();
    Map<Integer, Double> similarities = new HashMap<>();
    if (weights.vector() > 0) {
      ScoreDoc[] docs =
          searcher.search(new KnnFloatVectorQuery(PolicyFields.VECTOR, queryVector, depth, filter), depth).scoreDocs;
      rank(docs, vectorRanks);
      for (ScoreDoc d : docs) {
        // Lucene scores COSINE vectors as (1 + cos) / 2.
        similarities.put(d.doc, 2.0 * d.score - 1);
      }
    }
    // ZSCORE standardises over the vector list's own hits, measured so; SCORE's min-max runs over every candidate.
    Scale vectorListScale = Scale.of(weights.method(), similarities.values());
    Scale lexicalScale = Scale.of(weights.method(), lexicalScores.values());

    Set<Integer> candidates = new LinkedHashSet<>(lexicalRanks.keySet());
    candidates.addAll(vectorRanks.keySet());
    for (int doc : candidates) {
      if (!similarities.containsKey(doc)) {
        similarities.put(doc, similarity(searcher, doc, queryVector));
      }
    }
    Scale vectorScale = weights.method() == FusionWeights.Method.ZSCORE
        ? vectorListScale : Scale.of(weights.method(), similarities.values());
    List<Candidate> ranked = new ArrayList<>();
    for (int doc : candidates) {
      double similarity = similarities.get(doc);
      int lexicalRank = lexicalRanks.getOrDefault(doc, 0);
      int vectorRank = vectorRanks.getOrDefault(doc, 0);
      double lexicalShare =
          lexicalScores.containsKey(doc) ? lexicalScale.apply(lexicalScores.get(doc)) : lexicalScale.floor();
      double score = weights.fuse(lexicalRank, vectorRank, lexicalShare, vectorScale.apply(similarity));
      ranked.add(new Candidate(doc, score, similarity, lexicalRank, vectorRank));
    }
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Hit> hits = new ArrayList<>();
    for (Candidate c : ranked.subList(0, Math.min(k, ranked.size()))) {
      hits.add(new Hit(passage(searcher, c.doc()), c.score(), c.similarity(), c.lexicalRank(), c.vectorRank()));
    }
    return List.copyOf(hits);
  }

  /** Puts one signal's scores on a common scale: min-max to 0..1, or standardised. */
  private record Scale(FusionWeights.Method method, double low, double high, double mean, double deviation) {

    static Scale of(FusionWeights.Method method, Collection<Double> values) {
      double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0);
      return new Scale(method, low, high, mean, Math.sqrt(variance));
    }

    double apply(double value) {
      if (method == FusionWeights.Method.ZSCORE) {
        return deviation > 0 ? (value - mean) / deviation : 0;
      }
      return high > low ? (value - low) / (high - low) : 1.0;
    }

    /** The share of a passage the signal did not find at all. */
    double floor() {
      return method == FusionWeights.Method.ZSCORE ? apply(low) : 0;
    }
  }

  /** A document of the fused ranking, before its stored fields are loaded (only the top k ever are). */
  private record Candidate(int doc, double score, double similarity, int lexicalRank, int vectorRank) {}

  private static void rank(ScoreDoc[] docs, Map<Integer, Integer> ranks) {
    for (int i = 0; i < docs.length; i++) {
      ranks.put(docs[i].doc, i + 1);
    }
  }

  /**
   * Query words may match the body, the section headings or the document title; headings say what a passage is
   * about. A word the index has never seen is most often a typo ("servises"), so it is matched with edits.
   */
  Optional<Query> lexicalQuery(IndexSearcher searcher, String query) throws IOException {
    String text = query.replace('_', ' ');
    List<String> terms = analyze(Synonyms.plain(), text);
    // Words HR's synonyms add: matched exactly (no typo search), and weighted below the asker's own words.
    Set<String> added = new LinkedHashSet<>();
    if (weights.synonymBoost() > 0) {
      added.addAll(synonyms.addedWords(text, MAX_QUERY_TERMS));
    }
    if (terms.isEmpty() && added.isEmpty()) {
      return Optional.empty();
    }
    // Looked up once, not once per field.
    Set<String> unknown = new HashSet<>();
    for (String term : terms) {
      if (searcher.getIndexReader().docFreq(new Term(PolicyFields.TEXT, term)) == 0) {
        unknown.add(term);
      }
    }
    for (Iterator<String> it = added.iterator(); it.hasNext(); ) {
      if (searcher.getIndexReader().docFreq(new Term(PolicyFields.TEXT, it.next())) == 0) {
        it.remove();
      }
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int fuzzy = 0;
    for (Map.Entry<String, Float> field : weights.fieldBoosts().entrySet()) {
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      for (String term : terms) {
        Term t = new Term(field.getKey(), term);
        if (!unknown.contains(term)) {
          words.add(new TermQuery(t), Occur.SHOULD);
        } else if (LETTERS_AND_DIGITS.matcher(term).matches()) {
          // "401k" is indexed as "401" and "k" because the policy writes "401(k)".
          for (String part : term.split("(?<=\\d)(?=\\p{L})|(?<=\\p{L})(?=\\d)")) {
            words.add(new TermQuery(new Term(field.getKey(), part)), Occur.SHOULD);
          }
        } else if (term.length() >= MIN_FUZZY_LENGTH && field.getKey().equals(PolicyFields.TEXT)
            && !NUMBER.matcher(term).matches()) {
          if (fuzzy++ < MAX_FUZZY_TERMS) {
            words.add(typos.expand(searcher, t), Occur.SHOULD);
          }
        }
      }
      for (String term : added) {
        words.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)), weights.synonymBoost()), Occur.SHOULD);
      }
      BooleanQuery fieldQuery = words.build();
      if (!fieldQuery.clauses().isEmpty()) {
        any.add(new BoostQuery(fieldQuery, field.getValue()), Occur.SHOULD);
      }
    }
    otherLanguagesQuery(searcher, query).ifPresent(q -> any.add(q, Occur.SHOULD));
    return Optional.of(any.build());
  }

  /**
   * The query's words, analysed as German, French, ..., against the text of policies written in those languages;
   * only languages the index holds policies in. Weighted like the English text field.
   */
  private Optional<Query> otherLanguagesQuery(IndexSearcher searcher, String query) throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean some = false;
    for (String language : LanguageAnalyzers.otherLanguages()) {
      String field = PolicyFields.text(language);
      if (searcher.getIndexReader().getDocCount(field) == 0) {
        continue;
      }
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      for (String term : analyze(OTHER_LANGUAGES, field, query)) {
        words.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
      }
      BooleanQuery languageQuery = words.build();
      if (!languageQuery.clauses().isEmpty()) {
        any.add(new BoostQuery(languageQuery, weights.fieldBoosts().getOrDefault(PolicyFields.TEXT, 1f)), Occur.SHOULD);
        some = true;
      }
    }
    return some ? Optional.of(any.build()) : Optional.empty();
  }

  private static List<String> analyze(Analyzer analyzer, String text) throws IOException {
    return analyze(analyzer, PolicyFields.TEXT, text);
  }

  private static List<String> analyze(Analyzer analyzer, String field, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
        terms.add(term.toString());
      }
      tokens.end();
    }
    return terms;
  }

  static Query scopeFilter(Scope scope) {
    List<BytesRef> audiences = scope.audiences().stream().sorted().map(BytesRef::new).toList();
    BooleanQuery.Builder filter = new BooleanQuery.Builder()
        .add(new TermInSetQuery(PolicyFields.AUDIENCE, audiences), Occur.FILTER);
    scope.country().ifPresent(country -> filter.add(
        new TermInSetQuery(PolicyFields.COUNTRY,
            List.of(new BytesRef(PolicyFields.ALL_COUNTRIES), new BytesRef(country))),
        Occur.FILTER));
    return filter.build();
  }

  private static double similarity(IndexSearcher searcher, int doc, float[] queryVector) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(PolicyFields.VECTOR);
    if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) {
      return 0;
    }
    return CosineSimilarity.between(Embedding.from(queryVector), Embedding.from(values.vectorValue()));
  }

  private static PolicyPassage passage(IndexSearcher searcher, int doc) throws IOException {
    Document d = searcher.storedFields().document(doc);
    String headings = d.get(PolicyFields.HEADINGS);
    List<String> headingPath = headings == null || headings.isEmpty()
        ? List.of()
        : Arrays.asList(headings.split(PolicyFields.HEADING_SEPARATOR));
    Set<String> countries = new LinkedHashSet<>(Arrays.asList(d.getValues(PolicyFields.COUNTRY)));
    countries.remove(PolicyFields.ALL_COUNTRIES);
    return new PolicyPassage(
        d.get(PolicyFields.ID),
        d.get(PolicyFields.SOURCE),
        d.get(PolicyFields.TITLE),
        headingPath,
        d.getField(PolicyFields.PAGE).numericValue().intValue(),
        Optional.ofNullable(d.get(PolicyFields.EFFECTIVE)).map(LocalDate::parse),
        Set.of(d.getValues(PolicyFields.AUDIENCE)),
        countries,
        Optional.ofNullable(d.get(PolicyFields.URL)),
        d.get(PolicyFields.TEXT),
        Optional.ofNullable(d.get(PolicyFields.LANGUAGE)).orElse(io.askhr.knowledge.DocumentMetadata.ENGLISH));
  }
}

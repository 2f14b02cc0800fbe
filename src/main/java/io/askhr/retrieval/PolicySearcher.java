package io.askhr.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.askhr.knowledge.PolicyPassage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
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
import org.apache.lucene.util.QueryBuilder;

/**
 * Hybrid search over policy passages: BM25 over text, headings and title, plus KNN over passage embeddings,
 * fused by reciprocal rank. The asker's scope filters both searches before anything is ranked.
 */
public final class PolicySearcher {

  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final EmbeddingModel embeddings;
  private final FusionWeights weights;

  PolicySearcher(SearcherManager searchers, Analyzer analyzer, EmbeddingModel embeddings) {
    this(searchers, analyzer, embeddings, FusionWeights.DEFAULT);
  }

  PolicySearcher(SearcherManager searchers, Analyzer analyzer, EmbeddingModel embeddings, FusionWeights weights) {
    this.searchers = searchers;
    this.analyzer = analyzer;
    this.embeddings = embeddings;
    this.weights = weights;
  }

  /** The same searcher with other fusion weights, for measuring. */
  public PolicySearcher withWeights(FusionWeights other) {
    return new PolicySearcher(searchers, analyzer, embeddings, other);
  }

  /** The {@code k} best passages for {@code query} that {@code scope} may see, best first. */
  public List<Hit> search(String query, Scope scope, int k) {
    float[] queryVector = embeddings.embed(query).content().vector();
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return search(searcher, query, queryVector, scope, k);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
  }

  private List<Hit> search(IndexSearcher searcher, String query, float[] queryVector, Scope scope, int k)
      throws IOException {
    int depth = Math.max(k, weights.depth());
    Query filter = scopeFilter(scope);
    Map<Integer, Integer> lexicalRanks = new HashMap<>();
    Query lexical = lexicalQuery(query);
    if (lexical != null && weights.lexical() > 0) {
      Query filtered = new BooleanQuery.Builder().add(lexical, Occur.MUST).add(filter, Occur.FILTER).build();
      rank(searcher.search(filtered, depth).scoreDocs, lexicalRanks);
    }
    Map<Integer, Integer> vectorRanks = new HashMap<>();
    if (weights.vector() > 0) {
      rank(searcher.search(new KnnFloatVectorQuery(PolicyFields.VECTOR, queryVector, depth, filter), depth).scoreDocs,
          vectorRanks);
    }

    Set<Integer> candidates = new LinkedHashSet<>(lexicalRanks.keySet());
    candidates.addAll(vectorRanks.keySet());
    List<Hit> hits = new ArrayList<>();
    for (int doc : candidates) {
      int lexicalRank = lexicalRanks.getOrDefault(doc, 0);
      int vectorRank = vectorRanks.getOrDefault(doc, 0);
      double score = weights.fuse(lexicalRank, vectorRank);
      hits.add(new Hit(passage(searcher, doc), score, similarity(searcher, doc, queryVector), lexicalRank, vectorRank));
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
  }

  private static void rank(ScoreDoc[] docs, Map<Integer, Integer> ranks) {
    for (int i = 0; i < docs.length; i++) {
      ranks.put(docs[i].doc, i + 1);
    }
  }

  /** Query words may match the body, the section headings or the document title; headings say what a passage is about. */
  private Query lexicalQuery(String query) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean empty = true;
    for (Map.Entry<String, Float> field : weights.fieldBoosts().entrySet()) {
      Query q = builder.createBooleanQuery(field.getKey(), query);
      if (q != null) {
        any.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
        empty = false;
      }
    }
    return empty ? null : any.build();
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
        d.get(PolicyFields.TEXT));
  }
}

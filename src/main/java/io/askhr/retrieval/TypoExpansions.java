package io.askhr.retrieval;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The index words a typo may stand for, rewritten once per index version. Building a fuzzy automaton costs
 * milliseconds of CPU on every search; under load the same few misspellings come back again and again.
 */
final class TypoExpansions {

  /** Distinct misspellings remembered per index version. */
  private static final int CAPACITY = 5_000;
  /** Typos rarely hit the first letter; a fixed first letter keeps the edit search cheap. */
  private static final int PREFIX_LENGTH = 1;

  private final int maxExpansions;
  private final Map<Term, Query> rewritten = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Term, Query> eldest) {
      return size() > CAPACITY;
    }
  };
  private Object readerKey;

  TypoExpansions(int maxExpansions) {
    this.maxExpansions = maxExpansions;
  }

  /** A query for the index terms within one or two edits of {@code term}, as the current index holds them. */
  synchronized Query expand(IndexSearcher searcher, Term term) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    if (key != readerKey) {
      rewritten.clear();
      readerKey = key;
    }
    Query cached = rewritten.get(term);
    if (cached == null) {
      int edits = term.text().length() >= 6 ? 2 : 1;
      cached = searcher.rewrite(new FuzzyQuery(term, edits, PREFIX_LENGTH, maxExpansions, true));
      rewritten.put(term, cached);
    }
    return cached;
  }
}

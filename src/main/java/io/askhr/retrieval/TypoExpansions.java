package io.askhr.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
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
  /** A misspelling nobody repeated within this is not worth its memory. */
  private static final Duration IDLE = Duration.ofHours(1);
  /** Typos rarely hit the first letter; a fixed first letter keeps the edit search cheap. */
  private static final int PREFIX_LENGTH = 1;

  /** The expansions of one index version: a new reader starts a new cache, the old one is dropped whole. */
  private record Generation(Object readerKey, Cache<Term, Query> rewritten) {}

  private final int maxExpansions;
  private volatile Generation generation = new Generation(new Object(), newCache());

  TypoExpansions(int maxExpansions) {
    this.maxExpansions = maxExpansions;
  }

  /** A query for the index terms within one or two edits of {@code term}, as the current index holds them. */
  Query expand(IndexSearcher searcher, Term term) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    Generation current = generation;
    if (current.readerKey() != key) {
      synchronized (this) {
        current = generation;
        if (current.readerKey() != key) {
          current = new Generation(key, newCache());
          generation = current;
        }
      }
    }
    try {
      return current.rewritten().get(term, t -> {
        int edits = t.text().length() >= 6 ? 2 : 1;
        try {
          return searcher.rewrite(new FuzzyQuery(t, edits, PREFIX_LENGTH, maxExpansions, true));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Cache<Term, Query> newCache() {
    return Caffeine.newBuilder().maximumSize(CAPACITY).expireAfterAccess(IDLE).executor(Runnable::run).build();
  }
}

package io.askhr.retrieval;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * The vectors a changed file's passages already have in the index, by a digest of the text that was embedded. An
 * edit to one paragraph changes one passage: the others keep their vectors instead of being embedded again, which on
 * a busy server takes the CPU from employees' questions (a passage costs tens of milliseconds with e5-small).
 */
final class KeptVectors {

  private KeptVectors() {}

  /** The digest stored with a passage ({@link PolicyFields#EMBEDDED}): SHA-256 of the embedded text, in hex. */
  static String digest(String embeddedText) {
    return Hashing.sha256().hashString(embeddedText, StandardCharsets.UTF_8).toString();
  }

  /**
   * The vectors of the live passages of {@code sources}, by digest. Passages indexed before the digest was stored
   * have none and are embedded again once.
   */
  static Map<String, float[]> of(IndexSearcher searcher, Collection<String> sources) throws IOException {
    Map<String, float[]> kept = new HashMap<>();
    if (sources.isEmpty()) {
      return kept;
    }
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      List<Integer> docs = docsOf(leaf, sources);
      FloatVectorValues vectors = leaf.reader().getFloatVectorValues(PolicyFields.VECTOR);
      if (docs.isEmpty() || vectors == null) {
        continue;
      }
      StoredFields stored = leaf.reader().storedFields();
      for (int doc : docs) {
        String digest = stored.document(doc, Set.of(PolicyFields.EMBEDDED)).get(PolicyFields.EMBEDDED);
        if (digest != null && vectors.docID() < doc && vectors.advance(doc) == doc) {
          // the reader reuses its buffer: copy
          kept.put(digest, vectors.vectorValue().clone());
        }
      }
    }
    return kept;
  }

  /** The live documents of {@code sources} in this segment, in increasing order (vector values only go forward). */
  private static List<Integer> docsOf(LeafReaderContext leaf, Collection<String> sources) throws IOException {
    Bits live = leaf.reader().getLiveDocs();
    List<Integer> docs = new ArrayList<>();
    for (String source : sources) {
      PostingsEnum postings = leaf.reader().postings(new Term(PolicyFields.SOURCE, source), PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          docs.add(doc);
        }
      }
    }
    docs.sort(null);
    return docs;
  }
}

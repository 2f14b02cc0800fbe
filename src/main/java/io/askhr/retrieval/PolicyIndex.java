package io.askhr.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.askhr.knowledge.IngestProblem;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.knowledge.PolicyDocument;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.knowledge.SourceFile;
import io.askhr.knowledge.UnreadableDocumentException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk Lucene index of policy passages, kept in step with the knowledge folder.
 * Updates are incremental by content hash, so an unchanged folder embeds nothing and a restart reuses the index.
 * Searches run on near-real-time snapshots, so they go on against the previous view while an update runs.
 */
public final class PolicyIndex implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(PolicyIndex.class);

  private static final String PIPELINE_KEY = "askhr.pipeline";
  /** Bump when {@link #toDocument} changes what is indexed, so existing indexes are rebuilt. */
  private static final int FIELDS_VERSION = 3;

  private final FSDirectory directory;
  /** Empty when another AskHR process holds the index's write lock: this one then only reads what it commits. */
  private final Optional<IndexWriter> writer;
  private final SearcherManager searchers;
  private final PolicyEmbedder embeddings;
  private final Analyzer analyzer;
  private final Synonyms synonyms;
  private final IndexHealth health = new IndexHealth();

  private PolicyIndex(FSDirectory directory, Optional<IndexWriter> writer, Analyzer analyzer,
      PolicyEmbedder embeddings, Synonyms synonyms) throws IOException {
    this.directory = directory;
    this.synonyms = synonyms;
    this.analyzer = analyzer;
    this.writer = writer;
    this.embeddings = embeddings.remembering();
    this.searchers = writer.isPresent() ? new SearcherManager(writer.get(), null) : new SearcherManager(directory, null);
  }

  private static PolicyIndex openWriting(FSDirectory directory, IndexWriterConfig config, Analyzer analyzer,
      PolicyEmbedder embeddings, Synonyms synonyms) throws IOException {
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      return new PolicyIndex(directory, Optional.of(writer), analyzer, embeddings, synonyms);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  /** Deletes Lucene's own files only: the folder may be shared with other things. */
  private static void deleteIndexFiles(FSDirectory directory) throws IOException {
    for (String file : directory.listAll()) {
      if (file.startsWith("segments") || file.startsWith("pending_segments") || file.startsWith("_")
          || file.equals(IndexWriter.WRITE_LOCK_NAME)) {
        Files.deleteIfExists(directory.getDirectory().resolve(file));
      }
    }
  }

  /**
   * Opens (or creates) the index in {@code dir}. A corrupt or incompatible index is deleted and rebuilt on the next
   * update, with a warning in the log.
   */
  public static PolicyIndex open(Path dir, EmbeddingModel embeddings) throws IOException {
    return open(dir, PolicyEmbedder.plain(embeddings), Synonyms.none());
  }

  /** As {@link #open(Path, EmbeddingModel)}, with the model's query and passage prefixes and HR's synonyms. */
  public static PolicyIndex open(Path dir, PolicyEmbedder embeddings, Synonyms synonyms) throws IOException {
    Files.createDirectories(dir);
    FSDirectory directory = FSDirectory.open(dir);
    // English stemming and stop words, the same analyzer on the index and the query side; German, French, ...
    // analyzers for the text of policies written in those languages.
    Analyzer analyzer = LanguageAnalyzers.perField();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    try {
      return openWriting(directory, config, analyzer, embeddings, synonyms);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
             | EOFException | NoSuchFileException damaged) {
      // The index is only a cache of the knowledge folder: rebuilding it beats refusing to start.
      log.warn("Index {} is corrupt or from an incompatible version ({}); rebuilding it from the knowledge folder",
          dir, damaged.getClass().getSimpleName());
      try {
        deleteIndexFiles(directory);
        config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        return openWriting(directory, config, analyzer, embeddings, synonyms);
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (LockObtainFailedException locked) {
      if (DirectoryReader.indexExists(directory)) {
        // NOTE: typically `askhr ask` next to a running `serve`; answering from the shared index beats failing.
        log.warn("Index {} is being written by another AskHR process; using it read-only", dir);
        try {
          return new PolicyIndex(directory, Optional.empty(), analyzer, embeddings, synonyms);
        } catch (IOException | RuntimeException e) {
          directory.close();
          throw e;
        }
      }
      directory.close();
      throw locked;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Whether this process may update the index (false when another process holds its write lock). */
  public boolean writable() {
    return writer.isPresent();
  }

  /** A searcher over the latest committed view of this index. */
  /** Forgets the remembered query vectors: {@code bench} times each search as a question never asked before. */
  public void forgetQueryVectors() {
    embeddings.forgetQueries();
  }

  public PolicySearcher searcher() {
    return new PolicySearcher(searchers, synonyms, embeddings, health);
  }

  /** Whether the index can be searched; damage found while serving is reported here. */
  public IndexHealth health() {
    return health;
  }

  /**
   * Drops every passage and indexes the folder afresh: the repair for an index damaged while serving. Searches fail
   * fast meanwhile (the health says so); nothing else waits.
   */
  public synchronized IndexReport rebuild(KnowledgeFolder folder, PassageSplitter splitter) throws IOException {
    IndexWriter writer = this.writer.orElseThrow(() -> new IOException("another AskHR process writes this index"));
    writer.deleteAll();
    writer.commit();
    searchers.maybeRefreshBlocking();
    IndexReport report = update(folder, splitter);
    health.repaired();
    return report;
  }

  /** Brings the index in line with the folder: new and changed files are re-read, removed files are dropped. */
  public synchronized IndexReport update(KnowledgeFolder folder, PassageSplitter splitter) throws IOException {
    try {
      return updateChecked(folder, splitter);
    } catch (CorruptIndexException | EOFException e) {
      health.damaged(e);
      throw e;
    }
  }

  private IndexReport updateChecked(KnowledgeFolder folder, PassageSplitter splitter) throws IOException {
    long start = System.nanoTime();
    KnowledgeFolder.Listing listing = folder.list();
    if (writer.isEmpty()) {
      searchers.maybeRefreshBlocking();
      return new IndexReport(listing.files().size(), 0, 0, passageCount(), 0, listing.problems(),
          Duration.ofNanos(System.nanoTime() - start));
    }
    IndexWriter writer = this.writer.get();
    Map<String, String> indexed = indexedHashes();
    // Passages made by another reader, splitter or model are stale even where the file is unchanged.
    String pipeline = pipeline(splitter);
    boolean rebuild = !pipeline.equals(committedPipeline());
    if (rebuild && !indexed.isEmpty()) {
      log.info("Reading, splitting or the embedding model changed since the index was built: re-indexing every file");
      // deleteAll also forgets the vector field's dimension, which another model may change.
      writer.deleteAll();
      indexed = Map.of();
    }
    List<IngestProblem> problems = new ArrayList<>(listing.problems());

    List<PolicyPassage> fresh = new ArrayList<>();
    Map<String, String> freshHashes = new HashMap<>();
    for (SourceFile file : listing.files()) {
      if (!rebuild && file.contentHash().equals(indexed.get(file.source()))) {
        continue;
      }
      try {
        PolicyDocument document = folder.read(file);
        fresh.addAll(splitter.split(document));
        freshHashes.put(file.source(), file.contentHash());
      } catch (UnreadableDocumentException e) {
        // NOTE: the file's previous passages stay in the index: one bad save must not make answers disappear.
        problems.add(new IngestProblem(file.source(), e.reason()));
        log.warn("Skipped {}: {}", file.source(), e.reason());
      }
    }

    Map<String, float[]> kept = rebuild ? Map.of() : keptVectors(freshHashes.keySet());
    List<String> texts = fresh.stream().map(PolicyIndex::embeddingText).toList();
    List<String> digests = texts.stream().map(KeptVectors::digest).toList();
    List<float[]> vectors = embed(texts, digests, kept);
    int embedded = (int) digests.stream().filter(d -> !kept.containsKey(d)).count();
    for (String source : freshHashes.keySet()) {
      writer.deleteDocuments(new Term(PolicyFields.SOURCE, source));
    }
    for (int i = 0; i < fresh.size(); i++) {
      PolicyPassage passage = fresh.get(i);
      writer.addDocument(toDocument(passage, freshHashes.get(passage.source()), digests.get(i), vectors.get(i)));
    }

    int removed = 0;
    for (String source : indexed.keySet()) {
      // A file in an unreadable folder is still there: it keeps its last good passages.
      if (!listing.keeps(source)) {
        writer.deleteDocuments(new Term(PolicyFields.SOURCE, source));
        removed++;
      }
    }
    writer.setLiveCommitData(Map.of(PIPELINE_KEY, pipeline).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
    return new IndexReport(
        listing.files().size(),
        freshHashes.size(),
        removed,
        passageCount(),
        embedded,
        problems,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** What produced the passages: reader version, splitter sizes and embedding model. */
  private String pipeline(PassageSplitter splitter) {
    return "readers=" + KnowledgeFolder.READER_VERSION + ";splitter=" + splitter + ";embeddings="
        + embeddings.name() + "|" + embeddings.passagePrefix() + ";fields=" + FIELDS_VERSION;
  }

  private String committedPipeline() {
    Iterable<Map.Entry<String, String>> data = writer.orElseThrow().getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> entry : data) {
        if (entry.getKey().equals(PIPELINE_KEY)) {
          return entry.getValue();
        }
      }
    }
    return "";
  }

  /** Number of passages searchable now. */
  public int passageCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  private Map<String, String> indexedHashes() throws IOException {
    Map<String, String> hashes = new HashMap<>();
    IndexSearcher searcher = searchers.acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document d = stored.document(doc, Set.of(PolicyFields.SOURCE, PolicyFields.HASH));
            hashes.put(d.get(PolicyFields.SOURCE), d.get(PolicyFields.HASH));
          }
        }
      }
    } finally {
      searchers.release(searcher);
    }
    return hashes;
  }

  /** The vectors of {@code texts} in order: those kept in the index as they are, the others embedded in one batch. */
  private List<float[]> embed(List<String> texts, List<String> digests, Map<String, float[]> kept) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!kept.containsKey(digests.get(i))) {
        missing.add(texts.get(i));
      }
    }
    Iterator<float[]> computed = embeddings.passages(missing).iterator();
    List<float[]> vectors = new ArrayList<>();
    for (String digest : digests) {
      vectors.add(kept.containsKey(digest) ? kept.get(digest) : computed.next());
    }
    return vectors;
  }

  /** The vectors already indexed for the passages of {@code sources}, by digest of their embedded text. */
  private Map<String, float[]> keptVectors(Set<String> sources) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return KeptVectors.of(searcher, sources);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Title and headings go into the embedded text so that a passage is understood in its context. */
  static String embeddingText(PolicyPassage passage) {
    String context = passage.headingPath().isEmpty() ? passage.title() : passage.title() + " — " + passage.section();
    return context + "\n" + passage.text();
  }

  /** "reorganisation/severance-pay.md" becomes "severance pay". */
  static String fileWords(String source) {
    String name = source.substring(source.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[_\\-.]+", " ");
  }

  private static Document toDocument(PolicyPassage passage, String hash, String embeddedDigest, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(PolicyFields.ID, passage.id(), Field.Store.YES));
    doc.add(new StringField(PolicyFields.SOURCE, passage.source(), Field.Store.YES));
    doc.add(new StoredField(PolicyFields.HASH, hash));
    // File names are chosen by HR and name the subject ("severance-pay.md"), so they are searched with the title.
    doc.add(new StoredField(PolicyFields.TITLE, passage.title()));
    doc.add(new TextField(PolicyFields.TITLE, passage.title() + "\n" + fileWords(passage.source()), Field.Store.NO));
    doc.add(new TextField(PolicyFields.HEADINGS, String.join(PolicyFields.HEADING_SEPARATOR, passage.headingPath()), Field.Store.YES));
    doc.add(new TextField(PolicyFields.TEXT, passage.text(), Field.Store.YES));
    doc.add(new StoredField(PolicyFields.LANGUAGE, passage.language()));
    if (LanguageAnalyzers.otherLanguages().contains(passage.language())) {
      doc.add(new TextField(PolicyFields.text(passage.language()), passage.text(), Field.Store.NO));
    }
    doc.add(new StoredField(PolicyFields.PAGE, passage.page()));
    passage.effective().ifPresent(date -> doc.add(new StoredField(PolicyFields.EFFECTIVE, date.toString())));
    passage.url().ifPresent(url -> doc.add(new StoredField(PolicyFields.URL, url)));
    for (String audience : passage.audience()) {
      doc.add(new StringField(PolicyFields.AUDIENCE, audience, Field.Store.YES));
    }
    if (passage.countries().isEmpty()) {
      doc.add(new StringField(PolicyFields.COUNTRY, PolicyFields.ALL_COUNTRIES, Field.Store.YES));
    }
    for (String country : passage.countries()) {
      doc.add(new StringField(PolicyFields.COUNTRY, country, Field.Store.YES));
    }
    doc.add(new KnnFloatVectorField(PolicyFields.VECTOR, vector, VectorSimilarityFunction.COSINE));
    doc.add(new StoredField(PolicyFields.EMBEDDED, embeddedDigest));
    return doc;
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    if (writer.isPresent()) {
      writer.get().close();
    }
    directory.close();
    analyzer.close();
  }
}

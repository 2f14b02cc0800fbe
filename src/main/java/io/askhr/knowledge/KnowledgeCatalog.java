package io.askhr.knowledge;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of the knowledge folder with the metadata HR reviews (title, {@code review_by}) and the files that
 * cannot be read. Files are re-read only when their content changes; a broken file keeps its last good entry.
 */
public final class KnowledgeCatalog {

  /** One document as HR knows it. */
  public record Entry(String source, String title, Optional<LocalDate> reviewBy) {}

  /** The catalog at one moment. */
  public record Snapshot(List<Entry> documents, List<IngestProblem> problems) {

    public Snapshot {
      documents = List.copyOf(documents);
      problems = List.copyOf(problems);
    }
  }

  private record Cached(String hash, Entry entry) {}

  private final KnowledgeFolder folder;
  private final Map<String, Cached> cache = new HashMap<>();

  public KnowledgeCatalog(KnowledgeFolder folder) {
    this.folder = folder;
  }

  /** Lists the folder and reads new or changed files. */
  public synchronized Snapshot snapshot() {
    KnowledgeFolder.Listing listing;
    try {
      listing = folder.list();
    } catch (IOException e) {
      return new Snapshot(List.of(), List.of(new IngestProblem("", "knowledge folder cannot be read")));
    }
    List<Entry> documents = new ArrayList<>();
    List<IngestProblem> problems = new ArrayList<>(listing.problems());
    Map<String, Cached> seen = new HashMap<>();
    for (SourceFile file : listing.files()) {
      Cached cached = cache.get(file.source());
      if (cached == null || !cached.hash().equals(file.contentHash())) {
        try {
          PolicyDocument document = folder.read(file);
          DocumentMetadata metadata = document.metadata();
          cached = new Cached(file.contentHash(), new Entry(file.source(), metadata.title(), metadata.reviewBy()));
        } catch (UnreadableDocumentException e) {
          problems.add(new IngestProblem(file.source(), e.reason()));
        }
      }
      if (cached != null) {
        seen.put(file.source(), cached);
        documents.add(cached.entry());
      }
    }
    // Documents of a folder that cannot be read now keep their last good entry.
    cache.forEach((source, cached) -> {
      if (!seen.containsKey(source) && listing.keeps(source)) {
        seen.put(source, cached);
        documents.add(cached.entry());
      }
    });
    cache.clear();
    cache.putAll(seen);
    return new Snapshot(documents, problems);
  }
}

package io.askhr.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The folder HR curates: lists the policy files in it and reads each one into a {@link PolicyDocument}. */
public final class KnowledgeFolder {

  /** Bump when a reader's output changes, so that indexes built from the old output are rebuilt. */
  public static final int READER_VERSION = 4;

  static final String SIDECAR_SUFFIX = ".meta.yml";
  private static final Set<String> OFFICE_FORMATS_TO_CONVERT =
      Set.of("doc", "rtf", "odt", "pptx", "ppt", "xlsx", "xls", "pages");

  private final Path root;
  private final long maxFileBytes;
  private final Map<String, DocumentReader> readers;
  private final MetadataParser metadata = new MetadataParser();

  public KnowledgeFolder(Path root, long maxFileBytes) {
    this(root, maxFileBytes, defaultReaders());
  }

  /** @param readers reader per lower-case file extension */
  KnowledgeFolder(Path root, long maxFileBytes, Map<String, DocumentReader> readers) {
    this.root = root.toAbsolutePath().normalize();
    this.maxFileBytes = maxFileBytes;
    this.readers = Map.copyOf(readers);
  }

  private static Map<String, DocumentReader> defaultReaders() {
    MarkdownReader markdown = new MarkdownReader();
    HtmlReader html = new HtmlReader();
    return Map.of(
        "md", markdown,
        "markdown", markdown,
        "txt", new PlainTextReader(),
        "html", html,
        "htm", html,
        "pdf", new PdfReader(),
        "docx", new DocxReader());
  }

  public Path root() {
    return root;
  }

  /** What {@link #list()} found: the files to read, and those HR has to fix. */
  public record Listing(List<SourceFile> files, List<IngestProblem> problems) {

    public Listing {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** Finds the readable files under the root, in path order, skipping hidden files and sidecars. */
  public Listing list() throws IOException {
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString(), null, "knowledge folder does not exist or is not a folder");
    }
    List<SourceFile> files = new ArrayList<>();
    List<IngestProblem> problems = new ArrayList<>();
    walk(root, files, problems);
    files.sort(Comparator.comparing(SourceFile::source));
    problems.sort(Comparator.comparing(IngestProblem::source));
    return new Listing(files, problems);
  }

  private void walk(Path dir, List<SourceFile> files, List<IngestProblem> problems) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      problems.add(new IngestProblem(source(dir), "folder cannot be read (" + describe(e) + ")"));
      return;
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      // "~$" files are the lock files Word and Excel leave next to an open document.
      if (name.startsWith(".") || name.startsWith("~$")) {
        continue;
      }
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        walk(entry, files, problems);
      } else if (Files.isRegularFile(entry)) {
        consider(entry, name, files, problems);
      }
    }
  }

  private void consider(Path file, String name, List<SourceFile> files, List<IngestProblem> problems) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(SIDECAR_SUFFIX)) {
      return;
    }
    String extension = extension(name);
    String source = source(file);
    if (!readers.containsKey(extension)) {
      if (OFFICE_FORMATS_TO_CONVERT.contains(extension)) {
        problems.add(new IngestProblem(source, "unsupported format ." + extension + "; save it as DOCX or PDF"));
      }
      return;
    }
    try {
      long size = Files.size(file);
      if (size > maxFileBytes) {
        problems.add(new IngestProblem(source,
            "file is " + megabytes(size) + " MB, over the " + megabytes(maxFileBytes) + " MB limit"));
        return;
      }
      if (!Files.isReadable(file)) {
        problems.add(new IngestProblem(source, "cannot be read (permission denied)"));
        return;
      }
      files.add(new SourceFile(source, file, hash(file), size));
    } catch (IOException e) {
      problems.add(new IngestProblem(source, "cannot be read (" + describe(e) + ")"));
    }
  }

  /** Parses a listed file and resolves its metadata. */
  public PolicyDocument read(SourceFile file) throws UnreadableDocumentException {
    String extension = extension(file.path().getFileName().toString());
    DocumentReader reader = readers.get(extension);
    if (reader == null) {
      throw new UnreadableDocumentException(file.source(), "unsupported format ." + extension);
    }
    try {
      ParsedFile parsed = reader.read(file.path());
      List<TextBlock> blocks = withBodyText(parsed.blocks());
      if (blocks.isEmpty()) {
        throw new DocumentProblem(extension.equals("pdf") ? "no extractable text (scanned PDF?)" : "no text");
      }
      DocumentMetadata resolved = metadata.resolve(
          declaredMetadata(file.path(), parsed), parsed.title(), blocks, file.path().getFileName().toString());
      return new PolicyDocument(file.source(), resolved, blocks, file.contentHash());
    } catch (DocumentProblem e) {
      throw new UnreadableDocumentException(file.source(), e.reason(), e);
    } catch (IOException e) {
      throw new UnreadableDocumentException(file.source(), "cannot be read (" + describe(e) + ")", e);
    } catch (RuntimeException | StackOverflowError e) {
      // Parsers throw unchecked exceptions on malformed input; one bad file must not stop ingestion.
      throw new UnreadableDocumentException(file.source(), "could not be parsed (" + describe(e) + ")", e);
    }
  }

  /** Front matter wins; other formats (and Markdown without front matter) use the sidecar next to the file. */
  private static Optional<MetadataParser.YamlSource> declaredMetadata(Path file, ParsedFile parsed)
      throws IOException {
    if (parsed.frontMatter().isPresent()) {
      // Line 1 of the file is the opening ---.
      return Optional.of(new MetadataParser.YamlSource(parsed.frontMatter().get(), "front matter", 2));
    }
    Path sidecar = sidecar(file);
    if (Files.isRegularFile(sidecar)) {
      return Optional.of(new MetadataParser.YamlSource(
          Text.readFile(sidecar), "metadata file " + sidecar.getFileName(), 1));
    }
    return Optional.empty();
  }

  /** A document with headings but no body text is read as plain paragraphs rather than dropped. */
  private static List<TextBlock> withBodyText(List<TextBlock> blocks) {
    List<TextBlock> nonBlank = blocks.stream()
        .map(b -> new TextBlock(b.kind(), b.level(), InvisibleCharacters.remove(b.text()), b.page()))
        .filter(b -> !b.text().isBlank()).toList();
    if (nonBlank.stream().allMatch(TextBlock::isHeading)) {
      return nonBlank.stream().map(b -> TextBlock.paragraph(b.text(), b.page())).toList();
    }
    return nonBlank;
  }

  static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
  }

  private static String hash(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
    update(digest, file);
    Path sidecar = sidecar(file);
    if (Files.isRegularFile(sidecar)) {
      update(digest, sidecar);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private String source(Path path) {
    return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Sizes as HR sees them in a file browser: "12", "0.5", "0.001". */
  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    if (mb >= 10) {
      return String.valueOf(Math.round(mb));
    }
    BigDecimal value = new BigDecimal(mb).round(new MathContext(2));
    return value.stripTrailingZeros().toPlainString();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return kind;
    }
    return e instanceof NoSuchFileException || e instanceof AccessDeniedException
        ? kind + ": " + message
        : message;
  }
}

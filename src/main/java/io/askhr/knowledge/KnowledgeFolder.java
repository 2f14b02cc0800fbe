package io.askhr.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
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
  public static final int READER_VERSION = 5;

  static final String SIDECAR_SUFFIX = ".meta.yml";
  /** The top-level folder of HR-approved answers: read by io.askhr.answers, never indexed as policies. */
  public static final String APPROVED_ANSWERS = "answers";
  private static final Set<String> OFFICE_FORMATS_TO_CONVERT =
      Set.of("doc", "rtf", "odt", "pptx", "ppt", "xlsx", "xls", "pages");

  private final Path root;
  private final long maxFileBytes;
  private final Map<String, DocumentReader> readers;
  private final MetadataParser metadata = new MetadataParser();
  private final Lister lister;

  /** Opens a folder for listing; a seam so that tests can make one fail as a broken share does. */
  interface Lister {
    DirectoryStream<Path> open(Path dir) throws IOException;
  }

  public KnowledgeFolder(Path root, long maxFileBytes) {
    this(root, maxFileBytes, defaultReaders());
  }

  /** @param readers reader per lower-case file extension */
  KnowledgeFolder(Path root, long maxFileBytes, Map<String, DocumentReader> readers) {
    this(root, maxFileBytes, readers, Files::newDirectoryStream);
  }

  KnowledgeFolder(Path root, long maxFileBytes, Map<String, DocumentReader> readers, Lister lister) {
    this.root = root.toAbsolutePath().normalize();
    this.maxFileBytes = maxFileBytes;
    this.readers = Map.copyOf(readers);
    this.lister = lister;
  }

  /** As {@link #KnowledgeFolder(Path, long)}, listing folders through {@code lister}. */
  static KnowledgeFolder listingWith(Path root, long maxFileBytes, Lister lister) {
    return new KnowledgeFolder(root, maxFileBytes, defaultReaders(), lister);
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

    /**
     * Whether a document indexed earlier is still accounted for: listed, or itself or its folder reported as a
     * problem. Such a document keeps its last good version; only one that is really gone is dropped.
     */
    public boolean keeps(String source) {
      return files.stream().anyMatch(f -> f.source().equals(source))
          || problems.stream().map(IngestProblem::source)
              .anyMatch(p -> p.equals(source) || p.isEmpty() || source.startsWith(p + "/"));
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
    try (DirectoryStream<Path> stream = lister.open(dir)) {
      stream.forEach(entries::add);
    } catch (IOException | DirectoryIteratorException e) {
      // The folder's files keep their last good versions (see Listing#keeps), as a broken file does.
      Throwable cause = e instanceof DirectoryIteratorException d ? d.getCause() : e;
      problems.add(new IngestProblem(source(dir), "folder cannot be read (" + describe(cause) + ")"));
      return;
    }
    Set<String> names = new java.util.HashSet<>();
    entries.forEach(p -> names.add(p.getFileName().toString()));
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      // "~$" files are the lock files Word and Excel leave next to an open document.
      if (name.startsWith(".") || name.startsWith("~$")) {
        continue;
      }
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        if (dir.equals(root) && name.equals(APPROVED_ANSWERS)) {
          continue;
        }
        walk(entry, files, problems);
      } else if (Files.isRegularFile(entry)) {
        consider(entry, name, names, files, problems);
      }
    }
  }

  private void consider(Path file, String name, Set<String> siblings, List<SourceFile> files,
      List<IngestProblem> problems) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(SIDECAR_SUFFIX) || lower.endsWith(".meta.yaml")) {
      return;
    }
    Optional<String> misnamed = misnamedSidecar(name, siblings);
    String extension = extension(name);
    String source = source(file);
    if (!readers.containsKey(extension)) {
      if (OFFICE_FORMATS_TO_CONVERT.contains(extension)) {
        problems.add(new IngestProblem(source, "unsupported format ." + extension + "; save it as DOCX or PDF"));
      }
      return;
    }
    if (misnamed.isPresent()) {
      // Ignoring it would drop the audience it declares: hold the document back instead.
      problems.add(new IngestProblem(source, "metadata file " + misnamed.get() + " is misnamed: name it "
          + name + SIDECAR_SUFFIX));
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
      String reason = describe(e);
      problems.add(new IngestProblem(source, reason.startsWith("metadata file") ? reason
          : "cannot be read (" + reason + ")"));
    }
  }

  /** A sibling that is meant as this file's metadata but is not named exactly {@code <name>.meta.yml}. */
  private static Optional<String> misnamedSidecar(String name, Set<String> siblings) {
    if (siblings.contains(name + SIDECAR_SUFFIX)) {
      return Optional.empty();
    }
    String yml = (name + SIDECAR_SUFFIX).toLowerCase(Locale.ROOT);
    String yaml = (name + ".meta.yaml").toLowerCase(Locale.ROOT);
    return siblings.stream().filter(s -> s.toLowerCase(Locale.ROOT).equals(yml)
        || s.toLowerCase(Locale.ROOT).equals(yaml)).findFirst();
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

  /**
   * Front matter for Markdown, else the sidecar next to the file. Both at once, or a sidecar that exists but cannot
   * be read, is an error: either way HR's restrictions might not be the ones applied.
   */
  private static Optional<MetadataParser.YamlSource> declaredMetadata(Path file, ParsedFile parsed)
      throws DocumentProblem {
    Path sidecar = sidecar(file);
    boolean hasSidecar = Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS);
    if (parsed.frontMatter().isPresent()) {
      if (hasSidecar) {
        throw new DocumentProblem("has both front matter and the metadata file " + sidecar.getFileName()
            + ": keep one of them");
      }
      // Line 1 of the file is the opening ---.
      return Optional.of(new MetadataParser.YamlSource(parsed.frontMatter().get(), "front matter", 2));
    }
    if (!hasSidecar) {
      return Optional.empty();
    }
    String label = "metadata file " + sidecar.getFileName();
    if (!Files.isRegularFile(sidecar)) {
      throw new DocumentProblem(label + " cannot be read (not a regular file)");
    }
    try {
      return Optional.of(new MetadataParser.YamlSource(Text.readFile(sidecar), label, 1));
    } catch (IOException e) {
      throw new DocumentProblem(label + " cannot be read (" + describe(e) + ")", e);
    }
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
      try {
        update(digest, sidecar);
      } catch (IOException e) {
        throw new IOException("metadata file " + sidecar.getFileName() + " cannot be read (" + describe(e) + ")", e);
      }
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

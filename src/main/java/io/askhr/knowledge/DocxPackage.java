package io.askhr.knowledge;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A Word file opened as the zip package it is, read defensively: each XML part is unpacked through a counting stream
 * with a size and a compression-ratio cap (zip bombs), and parsed with DTDs and external entities off (XXE).
 */
final class DocxPackage implements AutoCloseable {

  static final String NOT_A_ZIP =
      "not a valid DOCX (No valid entries or contents found, this is not a valid OOXML (Office Open XML) file)";
  static final String OLE2 = "not a valid DOCX (it is an old .doc or a password-protected file; save it as DOCX)";

  /**
   * How far a part may unpack: {@code maxPartBytes} in all, and no more than {@code maxRatio} times its compressed
   * size once past {@code ratioGraceBytes} (small parts may legitimately pack tighter).
   */
  record Limits(long maxPartBytes, long maxRatio, long ratioGraceBytes) {
    // The longest handbook is a few MB of XML. Deflated XML rarely packs tighter than 1:30; POI refuses 1:100
    // (its MIN_INFLATE_RATIO 0.01), and so do we.
    static final Limits DEFAULT = new Limits(64L * 1024 * 1024, 100, 1024 * 1024);
  }

  // OLE2 compound file: old .doc files, and DOCX files encrypted with a password (EncryptedPackage inside).
  private static final byte[] OLE2_MAGIC =
      {(byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, (byte) 0x1A, (byte) 0xE1};
  private static final String RELATIONSHIPS = "_rels/.rels";
  static final String DEFAULT_DOCUMENT = "word/document.xml";

  private final ZipFile zip;
  private final Limits limits;

  private DocxPackage(ZipFile zip, Limits limits) {
    this.zip = zip;
    this.limits = limits;
  }

  static DocxPackage open(Path file, Limits limits) throws IOException, DocumentProblem {
    byte[] head = new byte[OLE2_MAGIC.length];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, OLE2_MAGIC)) {
        throw new DocumentProblem(OLE2);
      }
    }
    try {
      return new DocxPackage(new ZipFile(file.toFile()), limits);
    } catch (ZipException e) {
      throw new DocumentProblem(NOT_A_ZIP, e);
    }
  }

  /** Whether the package holds a part of that name (no leading slash). */
  boolean has(String part) {
    return zip.getEntry(part) != null;
  }

  /**
   * The target of the first relationship of {@code source} (a part name, or "" for the package) whose type ends with
   * {@code typeSuffix}, resolved to a part name; empty when there is none or it leaves the package.
   */
  Optional<String> related(String source, String typeSuffix) throws IOException, DocumentProblem {
    String rels = source.isEmpty() ? RELATIONSHIPS : relsOf(source);
    if (!has(rels)) {
      return Optional.empty();
    }
    return parse(rels, xml -> {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
          String type = xml.getAttributeValue(null, "Type");
          String target = xml.getAttributeValue(null, "Target");
          if (type != null && target != null && type.endsWith(typeSuffix)
              && !"External".equals(xml.getAttributeValue(null, "TargetMode"))) {
            return resolve(source, target);
          }
        }
      }
      return Optional.<String>empty();
    });
  }

  private static String relsOf(String part) {
    int slash = part.lastIndexOf('/');
    return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
  }

  private static Optional<String> resolve(String source, String target) {
    try {
      String resolved = URI.create("/" + source).resolve(target.replace(" ", "%20")).normalize().getPath();
      if (resolved == null || !resolved.startsWith("/") || resolved.contains("/../")) {
        return Optional.empty();
      }
      return Optional.of(resolved.substring(1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** What a part parser does with the part's XML, given positioned on the root element. */
  interface PartParser<T> {
    T parse(XMLStreamReader xml) throws XMLStreamException, DocumentProblem;
  }

  /**
   * Parses one part with the capped stream; a DTD, malformed XML, a part too large or too compressed and a damaged
   * entry all become a {@link DocumentProblem} naming the part.
   */
  <T> T parse(String part, PartParser<T> parser) throws IOException, DocumentProblem {
    ZipEntry entry = zip.getEntry(part);
    if (entry == null) {
      throw new DocumentProblem("not a valid DOCX (" + part + " is missing)");
    }
    CappedStream in;
    try {
      in = new CappedStream(zip.getInputStream(entry), entry.getCompressedSize(), part, limits);
    } catch (ZipException e) {
      throw new DocumentProblem("not a valid DOCX (" + part + " cannot be unpacked: " + e.getMessage() + ")", e);
    }
    XMLStreamReader xml = null;
    try (in) {
      // A factory per part: the StAX specification does not promise that one is safe to share between threads.
      xml = secureFactory().createXMLStreamReader(in);
      toRootElement(xml);
      return parser.parse(xml);
    } catch (XMLStreamException e) {
      if (in.problem != null) {
        throw in.problem;
      }
      if (damaged(e)) {
        throw new DocumentProblem("not a valid DOCX (" + part + " cannot be unpacked: " + firstLine(e) + ")", e);
      }
      throw new DocumentProblem("not a valid DOCX (" + part + " is not well-formed XML: " + firstLine(e) + ")", e);
    } catch (ZipException | EOFException e) {
      throw new DocumentProblem("not a valid DOCX (" + part + " cannot be unpacked: " + e.getMessage() + ")", e);
    } catch (CappedStream.Exceeded e) {
      throw in.problem;
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // the stream itself is closed by try-with-resources
        }
      }
    }
  }

  /** Moves to the root element; Word never writes a DOCTYPE, so a part that has one is refused before it is used. */
  private static void toRootElement(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new XMLStreamException("a DOCTYPE declaration is not allowed");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        return;
      }
    }
    throw new XMLStreamException("no root element");
  }

  private static boolean damaged(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ZipException || t instanceof EOFException) {
        return true;
      }
    }
    return e instanceof XMLStreamException x && x.getNestedException() instanceof ZipException;
  }

  /** The parser's reason and where, in one short line ("... (line 3, column 282)"). */
  private static String firstLine(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int reason = message.indexOf("Message: ");
    String line = Text.collapse(reason < 0 ? message : message.substring(reason + "Message: ".length()));
    if (line.length() > 200) {
      line = line.substring(0, 200) + "...";
    }
    if (reason >= 0 && e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
      line += " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
    }
    return line;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** The JDK's own StAX parser (not whichever one a dependency registers), with DTDs and external entities off. */
  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entity refused: " + systemId);
    });
    return factory;
  }

  /**
   * Counts the bytes a part unpacks to, not trusting the sizes the zip declares. The compressed size does bound the
   * bytes {@link ZipFile} lets the inflater read, so the ratio against it is sound.
   */
  private static final class CappedStream extends FilterInputStream {

    /** Thrown through the XML parser when a cap is crossed; {@link #problem} says which. */
    static final class Exceeded extends IOException {
      private static final long serialVersionUID = 1L;

      Exceeded(String message) {
        super(message);
      }
    }

    private final long compressed;
    private final String part;
    private final Limits limits;
    private long count;
    DocumentProblem problem;

    CappedStream(InputStream in, long compressed, String part, Limits limits) {
      super(in);
      this.compressed = Math.max(1, compressed);
      this.part = part;
      this.limits = limits;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    private void counted(long n) throws Exceeded {
      count += n;
      if (count > limits.maxPartBytes()) {
        fail("not a valid DOCX (" + part + " unpacks to more than " + limits.maxPartBytes() + " bytes)");
      }
      if (count > limits.ratioGraceBytes() && count / compressed > limits.maxRatio()) {
        fail("not a valid DOCX (" + part + " is compressed more than " + limits.maxRatio()
            + " to 1, as zip bombs are)");
      }
    }

    private void fail(String reason) throws Exceeded {
      if (problem == null) {
        problem = new DocumentProblem(reason);
      }
      throw new Exceeded(reason);
    }
  }
}

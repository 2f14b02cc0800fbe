package io.askhr.knowledge;

import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Word documents: heading styles become headings, table rows become one line each.
 *
 * <p>NOTE: written on the JDK alone (zip and StAX) instead of Apache POI, which with XmlBeans and its schemas took
 * 11 MB of the jar (102.2 to 91.2 MB) to read a few XML parts; no smaller maintained DOCX library is published.
 * {@link DocxPackage} carries POI's guards: zip-bomb caps and no DTDs or external entities.
 */
final class DocxReader implements DocumentReader {

  private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

  private final DocxPackage.Limits limits;

  DocxReader() {
    this(DocxPackage.Limits.DEFAULT);
  }

  DocxReader(DocxPackage.Limits limits) {
    this.limits = limits;
  }

  @Override
  public ParsedFile read(Path file) throws IOException, DocumentProblem {
    try (DocxPackage docx = DocxPackage.open(file, limits)) {
      String main = docx.related("", "/officeDocument").filter(docx::has).orElse(DocxPackage.DEFAULT_DOCUMENT);
      if (!docx.has(main)) {
        throw new DocumentProblem("not a valid DOCX (a zip file without " + DocxPackage.DEFAULT_DOCUMENT
            + ", so not a Word document)");
      }
      DocxStyles styles = DocxStyles.NONE;
      Optional<String> stylesPart = part(docx, main, "/styles", "word/styles.xml");
      if (stylesPart.isPresent()) {
        styles = docx.parse(stylesPart.get(), DocxStyles::parse);
      }
      Map<String, String> notes = new HashMap<>();
      for (String kind : List.of("footnote", "endnote")) {
        Optional<String> notesPart = part(docx, main, "/" + kind + "s", "word/" + kind + "s.xml");
        if (notesPart.isPresent()) {
          notes.putAll(docx.parse(notesPart.get(), xml -> DocxBody.notes(xml, kind)));
        }
      }
      DocxStyles headingStyles = styles;
      List<TextBlock> blocks = docx.parse(main, xml -> DocxBody.blocks(xml, headingStyles, Map.copyOf(notes)));
      return ParsedFile.of(blocks, title(docx));
    }
  }

  /** The part a relationship of the main document names, else where Word puts it; empty when absent. */
  private static Optional<String> part(DocxPackage docx, String main, String type, String usual)
      throws IOException, DocumentProblem {
    return docx.related(main, type).or(() -> Optional.of(usual)).filter(docx::has);
  }

  /** The title in docProps/core.xml (File > Info > Title), if any. */
  private static Optional<String> title(DocxPackage docx) throws IOException, DocumentProblem {
    Optional<String> core = docx.related("", "/core-properties").or(() -> Optional.of("docProps/core.xml"))
        .filter(docx::has);
    if (core.isEmpty()) {
      return Optional.empty();
    }
    return docx.parse(core.get(), xml -> {
      while (xml.hasNext()) {
        if (xml.next() == START_ELEMENT && "title".equals(xml.getLocalName())
            && DUBLIN_CORE.equals(xml.getNamespaceURI())) {
          return Optional.of(Text.collapse(DocxXml.text(xml))).filter(t -> !t.isEmpty());
        }
      }
      return Optional.<String>empty();
    });
  }
}

package io.askhr.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small DOCX files for tests with java.util.zip: the parts Word writes, with the body given as XML. */
final class DocxFiles {

  static final String NAMESPACES = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

  private static final String CONTENT_TYPES = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/word/document.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
  private static final String PACKAGE_RELS = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
      Target="word/document.xml"/>\
      <Relationship Id="rId2" \
      Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
      Target="docProps/core.xml"/></Relationships>""";
  private static final String DOCUMENT_RELS = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
      Target="styles.xml"/>\
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" \
      Target="footnotes.xml"/></Relationships>""";

  private final Map<String, byte[]> parts = new LinkedHashMap<>();

  private DocxFiles() {}

  /** A package with the usual parts and {@code bodyXml} as the content of w:body. */
  static DocxFiles withBody(String bodyXml) {
    DocxFiles docx = new DocxFiles();
    docx.part("[Content_Types].xml", CONTENT_TYPES);
    docx.part("_rels/.rels", PACKAGE_RELS);
    docx.part("word/_rels/document.xml.rels", DOCUMENT_RELS);
    docx.part("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
        + NAMESPACES + "><w:body>" + bodyXml + "<w:sectPr/></w:body></w:document>");
    return docx;
  }

  static String paragraph(String text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  }

  static String paragraph(String style, String text) {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" + text
        + "</w:t></w:r></w:p>";
  }

  /** word/styles.xml holding the given w:style elements. */
  DocxFiles styles(String styleElements) {
    return part("word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles "
        + NAMESPACES + ">" + styleElements + "</w:styles>");
  }

  /** word/footnotes.xml holding the given w:footnote elements. */
  DocxFiles footnotes(String footnoteElements) {
    return part("word/footnotes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes "
        + NAMESPACES + ">" + footnoteElements + "</w:footnotes>");
  }

  DocxFiles title(String title) {
    return part("docProps/core.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties \
        xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title></cp:coreProperties>""".formatted(title));
  }

  DocxFiles part(String name, String content) {
    return part(name, content.getBytes(StandardCharsets.UTF_8));
  }

  DocxFiles part(String name, byte[] content) {
    parts.put(name, content);
    return this;
  }

  DocxFiles without(String name) {
    parts.remove(name);
    return this;
  }

  Path write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }
}

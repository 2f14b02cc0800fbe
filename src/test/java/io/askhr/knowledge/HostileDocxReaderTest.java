package io.askhr.knowledge;

import static io.askhr.knowledge.DocxFiles.paragraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Word files HR did not mean to drop into the knowledge folder, or someone meant harm with: each gets a clear reason
 * (the folder reports it and skips the file), never a crash, a hang or a read of another file.
 */
class HostileDocxReaderTest {

  private static final String SECRET = "salary-table-do-not-leak";

  @TempDir Path temp;

  @Test
  void shouldRefuseAZipBombWhosePartUnpacksFarBeyondItsCompressedSize() throws Exception {
    // given 40 MB of spaces inside one run, deflated to about 40 KB
    Path docx = DocxFiles.withBody("<w:p><w:r><w:t>" + " ".repeat(40 * 1024 * 1024) + "</w:t></w:r></w:p>")
        .write(temp.resolve("bomb.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertEquals("not a valid DOCX (word/document.xml is compressed more than 100 to 1, as zip bombs are)",
        e.reason());
  }

  @Test
  void shouldCountWhatAPartUnpacksToRatherThanTrustTheSizeTheZipDeclares() throws Exception {
    // given the same bomb, its central directory claiming word/document.xml unpacks to 100 bytes
    Path docx = DocxFiles.withBody("<w:p><w:r><w:t>" + " ".repeat(40 * 1024 * 1024) + "</w:t></w:r></w:p>")
        .write(temp.resolve("lying-bomb.docx"));
    declareUncompressedSize(docx, "word/document.xml", 100);

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertEquals("not a valid DOCX (word/document.xml is compressed more than 100 to 1, as zip bombs are)",
        e.reason());
  }

  @Test
  void shouldRefuseAPartLargerThanTheCap() throws Exception {
    // given a cap of 64 KB (the default is 64 MB) and a document of about 100 KB of ordinary text
    Path docx = DocxFiles.withBody(paragraph("Annual leave is 25 days a year. ").repeat(2_000))
        .write(temp.resolve("long.docx"));
    DocxReader reader = new DocxReader(new DocxPackage.Limits(64 * 1024, 100, 1024 * 1024));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> reader.read(docx));

    // then
    assertEquals("not a valid DOCX (word/document.xml unpacks to more than 65536 bytes)", e.reason());
  }

  @Test
  void shouldNotReadALocalFileThroughAnExternalEntity() throws Exception {
    // given
    Path secret = Files.writeString(temp.resolve("secret.txt"), SECRET);
    String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\">]>\n<w:document " + DocxFiles.NAMESPACES + "><w:body>" + paragraph("&xxe;") + "</w:body></w:document>";
    Path docx = DocxFiles.withBody("").part("word/document.xml", document).write(temp.resolve("xxe.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertEquals("not a valid DOCX (word/document.xml is not well-formed XML: a DOCTYPE declaration is not allowed)",
        e.reason());
    assertFalse(stackText(e).contains(SECRET));
  }

  @Test
  void shouldNotReadALocalFileThroughTheCoreProperties() throws Exception {
    // given the title in docProps/core.xml pointing at a local file
    Path secret = Files.writeString(temp.resolve("secret.txt"), SECRET);
    String core = "<?xml version=\"1.0\"?>\n<!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\">]>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&xxe;</dc:title></cp:coreProperties>";
    Path docx = DocxFiles.withBody(paragraph("Leave")).part("docProps/core.xml", core).write(temp.resolve("xxe.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertEquals("not a valid DOCX (docProps/core.xml is not well-formed XML: a DOCTYPE declaration is not allowed)",
        e.reason());
    assertFalse(stackText(e).contains(SECRET));
  }

  @Test
  void shouldRefuseEntityExpansion() throws Exception {
    // given "billion laughs": nested internal entities that would expand to gigabytes
    StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [" + dtd + "]>\n<w:document "
        + DocxFiles.NAMESPACES + "><w:body>" + paragraph("&lol9;") + "</w:body></w:document>";
    Path docx = DocxFiles.withBody("").part("word/document.xml", document).write(temp.resolve("laughs.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertEquals("not a valid DOCX (word/document.xml is not well-formed XML: a DOCTYPE declaration is not allowed)",
        e.reason());
  }

  @Test
  void shouldExplainAZipWithoutAWordDocument() throws Exception {
    // given
    Path zip = DocxFiles.withBody(paragraph("Leave")).without("word/document.xml").write(temp.resolve("photos.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(zip));

    // then
    assertEquals("not a valid DOCX (a zip file without word/document.xml, so not a Word document)", e.reason());
  }

  @Test
  void shouldExplainASpreadsheetSavedWithTheDocxExtension() throws Exception {
    // given an .xlsx package renamed: its main part is a workbook
    Path xlsx = DocxFiles.withBody("")
        .part("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.xml"/></Relationships>""")
        .part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")
        .write(temp.resolve("rates.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(xlsx));

    // then
    assertEquals("not a valid DOCX (its main part is <workbook>, not a Word document; is it a spreadsheet or a "
        + "presentation?)", e.reason());
  }

  @Test
  void shouldExplainMalformedXml() throws Exception {
    // given
    Path docx = DocxFiles.withBody("<w:p><w:r><w:t>Leave</w:r></w:p>").write(temp.resolve("cut.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then the parser's reason (in the JVM's language) and where
    assertTrue(e.reason().startsWith("not a valid DOCX (word/document.xml is not well-formed XML: "), e.reason());
    assertTrue(e.reason().endsWith(" (line 2, column 263))"), e.reason());
  }

  @Test
  void shouldExplainMalformedStyles() throws Exception {
    // given
    Path docx = DocxFiles.withBody(paragraph("Heading1", "Leave")).part("word/styles.xml", "<w:styles")
        .write(temp.resolve("styles.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertTrue(e.reason().startsWith("not a valid DOCX (word/styles.xml is not well-formed XML: "), e.reason());
  }

  @Test
  void shouldRefuseTablesNestedDeeperThanAnyDocumentNeeds() throws Exception {
    // given 5,000 tables each inside the previous one's cell
    Path docx = DocxFiles.withBody("<w:tbl><w:tr><w:tc>".repeat(5_000) + paragraph("deep")
            + "</w:tc></w:tr></w:tbl>".repeat(5_000))
        .write(temp.resolve("deep.docx"));

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertEquals("not a valid DOCX (tables, content controls or links nested more than 64 deep)", e.reason());
  }

  @Test
  void shouldReportAnEmptyFileAndATruncatedDocxThroughTheKnowledgeFolder() throws Exception {
    // given
    Path folder = Files.createDirectories(temp.resolve("knowledge"));
    Files.write(folder.resolve("empty.docx"), new byte[0]);
    byte[] whole = Files.readAllBytes(DocxFiles.withBody(paragraph("Leave")).write(temp.resolve("whole.docx")));
    Files.write(folder.resolve("truncated.docx"), java.util.Arrays.copyOf(whole, whole.length / 2));
    KnowledgeFolder knowledge = new KnowledgeFolder(folder, 10_000_000);

    // when
    List<String> reasons = new java.util.ArrayList<>();
    for (SourceFile file : knowledge.list().files()) {
      reasons.add(assertThrows(UnreadableDocumentException.class, () -> knowledge.read(file)).reason());
    }

    // then
    assertEquals(List.of(DocxPackage.NOT_A_ZIP, DocxPackage.NOT_A_ZIP), reasons);
  }

  /** Rewrites the uncompressed size the central directory gives for one entry. */
  private static void declareUncompressedSize(Path zip, String entry, int size) throws Exception {
    byte[] bytes = Files.readAllBytes(zip);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    byte[] name = entry.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (int i = 0; i + 46 < bytes.length; i++) {
      if (buffer.getInt(i) == 0x02014b50 && (buffer.getShort(i + 28) & 0xffff) == name.length
          && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
        buffer.putInt(i + 24, size);
        found = true;
      }
    }
    assertTrue(found, "no central directory entry for " + entry);
    Files.write(zip, bytes);
  }

  private static String stackText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}

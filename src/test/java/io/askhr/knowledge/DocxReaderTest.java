package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static io.askhr.knowledge.DocxFiles.paragraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxReaderTest {

  @TempDir Path temp;

  @Test
  void shouldReadHeadingLevelsAndParagraphs() throws Exception {
    // given
    String name = "remote.docx";

    // when
    PolicyDocument document = ReaderFixtures.read(name);

    // then
    assertEquals(List.of(
        TextBlock.heading(1, "Remote work", 0),
        TextBlock.heading(2, "Equipment allowance", 0),
        TextBlock.paragraph("Each employee may claim up to 400 GBP once for home-office equipment.", 0),
        TextBlock.heading(2, "Working abroad", 0),
        TextBlock.paragraph("You may work from another country for up to 20 working days a year with your manager's "
            + "approval.", 0)),
        document.blocks());
    assertEquals("Remote work", document.metadata().title());
  }

  @Test
  void shouldTurnEachTableRowIntoALineAndUseTheCoreTitle() throws Exception {
    // given a DOCX written by Apache POI 5.4.1: core title, a Heading2 paragraph, a 2x2 table, a blank paragraph
    Path docx = Path.of("src/test/resources/fixtures-docx/allowances-poi.docx");

    // when
    ParsedFile parsed = new DocxReader().read(docx);

    // then
    assertEquals(List.of(
        TextBlock.heading(2, "Rates", 0),
        TextBlock.paragraph("Band | Daily rate", 0),
        TextBlock.paragraph("L1 | 35 GBP", 0)),
        parsed.blocks());
    assertEquals(Optional.of("Allowances 2026"), parsed.title());
  }

  @Test
  void shouldReportAFileThatIsNotADocx() throws Exception {
    // given
    Path folder = temp.resolve("knowledge");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("broken.docx"), "this is not a zip file");
    KnowledgeFolder knowledge = new KnowledgeFolder(folder, 10_000_000);
    SourceFile broken = knowledge.list().files().get(0);

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> knowledge.read(broken));

    // then
    assertEquals("broken.docx", e.source());
    assertEquals("not a valid DOCX (No valid entries or contents found, this is not a valid OOXML (Office Open XML) "
        + "file)", e.reason());
  }

  @Test
  void shouldExplainAnOldWordFileSavedWithTheDocxExtension() throws Exception {
    // given
    Path folder = temp.resolve("knowledge");
    Files.createDirectories(folder);
    // an OLE2 compound file with a WordDocument stream, written by Apache POI 5.4.1
    Files.copy(Path.of("src/test/resources/fixtures-docx/word-97.doc"), folder.resolve("old.docx"));
    KnowledgeFolder knowledge = new KnowledgeFolder(folder, 10_000_000);
    SourceFile old = knowledge.list().files().get(0);

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> knowledge.read(old));

    // then
    assertEquals("not a valid DOCX (it is an old .doc or a password-protected file; save it as DOCX)", e.reason());
  }

  @Test
  void shouldExplainAPasswordProtectedDocx() throws Exception {
    // given the allowances document saved with a password (agile encryption, written by Apache POI 5.4.1)
    Path docx = Path.of("src/test/resources/fixtures-docx/password-protected.docx");

    // when
    DocumentProblem e = assertThrows(DocumentProblem.class, () -> new DocxReader().read(docx));

    // then
    assertEquals("not a valid DOCX (it is an old .doc or a password-protected file; save it as DOCX)", e.reason());
  }

  @Test
  void shouldReadContentControlsFieldsTabsBreaksAndTrackedChanges() throws Exception {
    // given
    Path docx = DocxFiles.withBody(
        "<w:p><w:r><w:t>Band</w:t><w:tab/><w:t>Rate</w:t><w:br/><w:t>next line</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">You get </w:t></w:r>"
            + "<w:del w:id=\"1\" w:author=\"HR\"><w:r><w:delText>20</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"HR\"><w:r><w:t>25</w:t></w:r></w:ins>"
            + "<w:r><w:t xml:space=\"preserve\"> days, see </w:t></w:r>"
            + "<w:hyperlink r:id=\"rId9\"><w:r><w:t>the portal</w:t></w:r></w:hyperlink></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">Updated </w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DATE \\@ \"d MMMM yyyy\" </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1 March 2026</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:t xml:space=\"preserve\">, page </w:t></w:r>"
            + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">Manager: </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val=\"Manager\"/>"
            + "</w:sdtPr><w:sdtContent><w:r><w:t>Jane Doe</w:t></w:r></w:sdtContent></w:sdt></w:p>"
            + "<w:sdt><w:sdtPr/><w:sdtContent>" + paragraph("Heading1", "Contacts")
            + paragraph("Ask the People team.") + "</w:sdtContent></w:sdt>")
        .styles("<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>")
        .write(temp.resolve("controls.docx"));

    // when
    ParsedFile parsed = new DocxReader().read(docx);

    // then the field codes and the deleted "20" are left out; the block control's heading stays a heading
    assertEquals(List.of(
        TextBlock.paragraph("Band Rate\nnext line", 0),
        TextBlock.paragraph("You get 25 days, see the portal", 0),
        TextBlock.paragraph("Updated 1 March 2026, page 7", 0),
        TextBlock.paragraph("Manager: Jane Doe", 0),
        TextBlock.heading(1, "Contacts", 0),
        TextBlock.paragraph("Ask the People team.", 0)),
        parsed.blocks());
    assertEquals(Optional.empty(), parsed.title());
  }

  @Test
  void shouldFindHeadingsByStyleNameOutlineLevelAndTheStyleTheyAreBasedOn() throws Exception {
    // given a German Word's style ids, a company style based on Heading 2, one with an outline level only
    Path docx = DocxFiles.withBody(paragraph("Title", "Staff handbook")
            + paragraph("berschrift1", "Leave")
            + paragraph("PolicyHeading", "Annual leave")
            + paragraph("Outline3", "Carrying days over")
            + paragraph("Normal", "Up to 5 days carry over.")
            + "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Sick leave</w:t></w:r></w:p>"
            + paragraph("LoopA", "A style based on itself is body text.")
            + paragraph("Heading9", "   "))
        .styles("""
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>\
            <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/>\
            <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="PolicyHeading"><w:name w:val="Policy Heading"/>\
            <w:basedOn w:val="berschrift2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="Outline three"/>\
            <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
            <w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>""")
        .title("  Staff handbook 2026 ")
        .write(temp.resolve("styles.docx"));

    // when
    ParsedFile parsed = new DocxReader().read(docx);

    // then
    assertEquals(List.of(
        TextBlock.heading(1, "Staff handbook", 0),
        TextBlock.heading(1, "Leave", 0),
        TextBlock.heading(2, "Annual leave", 0),
        TextBlock.heading(3, "Carrying days over", 0),
        TextBlock.paragraph("Up to 5 days carry over.", 0),
        TextBlock.heading(2, "Sick leave", 0),
        TextBlock.paragraph("A style based on itself is body text.", 0)),
        parsed.blocks());
    assertEquals(Optional.of("Staff handbook 2026"), parsed.title());
  }

  @Test
  void shouldPutACellsParagraphsAndANestedTableOnTheRowsLine() throws Exception {
    // given
    Path docx = DocxFiles.withBody("<w:tbl><w:tr>"
            + "<w:tc><w:p><w:r><w:t>L1</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>35 GBP</w:t></w:r></w:p><w:p><w:r><w:t>per day</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p/></w:tc>"
            + "<w:tc><w:tbl><w:tr><w:tc>" + paragraph("London") + "</w:tc><w:tc>" + paragraph("50 GBP")
            + "</w:tc></w:tr></w:tbl><w:p/></w:tc>"
            + "</w:tr><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>")
        .write(temp.resolve("cells.docx"));

    // when
    ParsedFile parsed = new DocxReader().read(docx);

    // then the empty cell and the empty row add nothing
    assertEquals(List.of(TextBlock.paragraph("L1 | 35 GBP per day | London | 50 GBP", 0)), parsed.blocks());
  }

  @Test
  void shouldAddAFootnotesTextToItsParagraph() throws Exception {
    // given
    Path docx = DocxFiles.withBody("<w:p><w:r><w:t>Claim within 6 months</w:t></w:r>"
            + "<w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>.</w:t></w:r></w:p>")
        .footnotes("<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Counted from "
            + "the purchase date.</w:t></w:r></w:p></w:footnote>")
        .write(temp.resolve("footnote.docx"));

    // when
    ParsedFile parsed = new DocxReader().read(docx);

    // then
    assertEquals(List.of(TextBlock.paragraph("Claim within 6 months. [Counted from the purchase date.]", 0)),
        parsed.blocks());
  }
}

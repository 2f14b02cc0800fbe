package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
    // given
    Path docx = temp.resolve("allowances.docx");
    try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
      document.getProperties().getCoreProperties().setTitle("Allowances 2026");
      document.createParagraph().setStyle("Heading2");
      document.getParagraphs().get(0).createRun().setText("Rates");
      XWPFTable table = document.createTable(2, 2);
      table.getRow(0).getCell(0).setText("Band");
      table.getRow(0).getCell(1).setText("Daily rate");
      table.getRow(1).getCell(0).setText("L1");
      table.getRow(1).getCell(1).setText("35 GBP");
      document.createParagraph().createRun().setText("   ");
      document.write(out);
    }

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
    try (POIFSFileSystem ole2 = new POIFSFileSystem();
        OutputStream out = Files.newOutputStream(folder.resolve("old.docx"))) {
      ole2.writeFilesystem(out);
    }
    KnowledgeFolder knowledge = new KnowledgeFolder(folder, 10_000_000);
    SourceFile old = knowledge.list().files().get(0);

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> knowledge.read(old));

    // then
    assertEquals("not a valid DOCX (it is an old .doc or a password-protected file; save it as DOCX)", e.reason());
  }
}

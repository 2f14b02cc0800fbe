package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReaderTest {

  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  @TempDir Path temp;

  /** A line of a generated page: font, size and distance of the baseline from the top of the page. */
  record Printed(PDType1Font font, float size, float fromTop, String text) {

    static Printed body(float fromTop, String text) {
      return new Printed(REGULAR, 11, fromTop, text);
    }
  }

  @Test
  void shouldKeepThePageOfEachBlock() throws Exception {
    // given
    String name = "two-pages.pdf";

    // when
    PolicyDocument document = ReaderFixtures.read(name);

    // then
    assertEquals("Parental and adoption leave", document.metadata().title());
    assertEquals(List.of(
        TextBlock.heading(1, "Parental leave", 1),
        TextBlock.paragraph("Birth parents receive 26 weeks of fully paid leave.", 1),
        TextBlock.heading(1, "Adoption leave", 2),
        TextBlock.paragraph("Adoptive parents receive the same 26 weeks from the placement date.", 2)),
        document.blocks());
  }

  @Test
  void shouldCiteThePageWherePassagesStart() throws Exception {
    // given
    PolicyDocument document = ReaderFixtures.read("two-pages.pdf");

    // when
    List<PolicyPassage> passages = PassageSplitter.defaults().split(document);

    // then
    assertEquals(2, passages.size());
    assertEquals(1, passages.get(0).page());
    assertEquals("Birth parents receive 26 weeks of fully paid leave.", passages.get(0).text());
    assertEquals(List.of("Parental leave"), passages.get(0).headingPath());
    assertEquals(2, passages.get(1).page());
    assertEquals("Adoptive parents receive the same 26 weeks from the placement date.", passages.get(1).text());
  }

  @Test
  void shouldReportACorruptPdfByName() throws Exception {
    // given
    KnowledgeFolder folder = ReaderFixtures.knowledgeFolder();
    SourceFile corrupt = ReaderFixtures.sourceFile(folder, "corrupt.pdf");

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> folder.read(corrupt));

    // then
    assertEquals("corrupt.pdf", e.source());
    assertEquals("not a valid PDF (Missing root object specification in trailer.)", e.reason());
    assertEquals("corrupt.pdf: " + e.reason(), e.getMessage());
  }

  @Test
  void shouldRankHeadingsBySizeAndWeightAndMendBrokenWords() throws Exception {
    // given
    Path pdf = write("travel.pdf", null, List.of(List.of(
        new Printed(BOLD, 20, 72, "Travel policy"),
        new Printed(BOLD, 14, 110, "Booking"),
        Printed.body(135, "Book travel through the portal. All employ-"),
        Printed.body(149, "ees must get approval before they book"),
        Printed.body(163, "a flight."),
        Printed.body(190, "Economy class is the default in the network of partner airlines. Stay in an in-"),
        Printed.body(204, "network hotel."),
        new Printed(BOLD, 11, 230, "Exceptions"),
        Printed.body(250, "Directors may book business class."))));

    // when
    ParsedFile parsed = new PdfReader().read(pdf);

    // then
    assertEquals(List.of(
        TextBlock.heading(1, "Travel policy", 1),
        TextBlock.heading(2, "Booking", 1),
        TextBlock.paragraph("Book travel through the portal. All employees must get approval before they book a flight.", 1),
        TextBlock.paragraph(
            "Economy class is the default in the network of partner airlines. Stay in an in-network hotel.", 1),
        TextBlock.heading(3, "Exceptions", 1),
        TextBlock.paragraph("Directors may book business class.", 1)),
        parsed.blocks());
    assertEquals(Optional.empty(), parsed.title());
  }

  @Test
  void shouldTreatABoldLineInsideAParagraphAsEmphasis() throws Exception {
    // given
    Path pdf = write("pension.pdf", null, List.of(List.of(
        Printed.body(100, "The company matches 100% of the first 4% of pay."),
        new Printed(BOLD, 11, 114, "Matching contributions vest immediately and"),
        Printed.body(128, "new employees are enrolled at 4%."))));

    // when
    ParsedFile parsed = new PdfReader().read(pdf);

    // then
    assertEquals(List.of(TextBlock.paragraph("The company matches 100% of the first 4% of pay. Matching contributions "
        + "vest immediately and new employees are enrolled at 4%.", 1)), parsed.blocks());
  }

  @Test
  void shouldDropRunningHeadersAndPageNumbers() throws Exception {
    // given
    List<List<Printed>> pages = List.of(1, 2, 3).stream()
        .map(n -> List.of(
            new Printed(REGULAR, 9, 40, "Brightwater HR handbook"),
            Printed.body(120, "Section " + n + " applies to everyone."),
            new Printed(REGULAR, 9, 760, "Page " + n + " of 3")))
        .toList();
    Path pdf = write("handbook.pdf", null, pages);

    // when
    ParsedFile parsed = new PdfReader().read(pdf);

    // then
    assertEquals(List.of(
        TextBlock.paragraph("Section 1 applies to everyone.", 1),
        TextBlock.paragraph("Section 2 applies to everyone.", 2),
        TextBlock.paragraph("Section 3 applies to everyone.", 3)),
        parsed.blocks());
  }

  @Test
  void shouldContinueAParagraphOverAPageBreakOnlyMidSentence() throws Exception {
    // given
    Path pdf = write("break.pdf", null, List.of(
        List.of(
            Printed.body(622, "Expense claims are paid monthly."),
            Printed.body(650, "Claims must reach payroll by the")),
        List.of(
            Printed.body(72, "fifth working day of the month, with"),
            Printed.body(86, "receipts attached."),
            Printed.body(114, "Late claims wait a month."),
            Printed.body(128, "Ask payroll if unsure."),
            Printed.body(142, "They reply in a day."))));

    // when
    ParsedFile parsed = new PdfReader().read(pdf);

    // then
    assertEquals(List.of(
        TextBlock.paragraph("Expense claims are paid monthly.", 1),
        TextBlock.paragraph("Claims must reach payroll by the fifth working day of the month, with receipts attached.", 1),
        TextBlock.paragraph("Late claims wait a month. Ask payroll if unsure. They reply in a day.", 2)),
        parsed.blocks());
  }

  @Test
  void shouldReportAPasswordProtectedPdf() throws Exception {
    // given
    Path folder = temp.resolve("knowledge");
    write(folder.resolve("locked.pdf"), "secret", List.of(List.of(Printed.body(100, "Salaries."))));
    KnowledgeFolder knowledge = new KnowledgeFolder(folder, 10_000_000);
    SourceFile locked = knowledge.list().files().get(0);

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> knowledge.read(locked));

    // then
    assertEquals("locked.pdf: password protected", e.getMessage());
  }

  @Test
  void shouldReadAPdfEncryptedWithoutAUserPassword() throws Exception {
    // given
    Path pdf = write("restricted.pdf", "", List.of(List.of(Printed.body(100, "Printing is restricted."))));

    // when
    ParsedFile parsed = new PdfReader().read(pdf);

    // then
    assertEquals(List.of(TextBlock.paragraph("Printing is restricted.", 1)), parsed.blocks());
  }

  @Test
  void shouldReportAPdfWithoutText() throws Exception {
    // given
    Path folder = temp.resolve("knowledge");
    write(folder.resolve("scan.pdf"), null, List.of(List.of()));
    KnowledgeFolder knowledge = new KnowledgeFolder(folder, 10_000_000);
    SourceFile scan = knowledge.list().files().get(0);

    // when
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> knowledge.read(scan));

    // then
    assertEquals("no extractable text (scanned PDF?)", e.reason());
  }

  @Test
  void shouldTitleACoverPageByAllItsHeadings() throws Exception {
    // given
    Path pdf = write("plan.pdf", null, List.of(
        List.of(new Printed(REGULAR, 36, 200, "Contoso Electronics"), new Printed(REGULAR, 24, 250, "Standard Plan")),
        List.of(new Printed(BOLD, 15, 72, "Summary"), Printed.body(100, "The plan covers dental care."))));

    // when
    ParsedFile parsed = new PdfReader().read(pdf);

    // then
    assertEquals(Optional.of("Contoso Electronics Standard Plan"), parsed.title());
  }

  @Test
  void shouldIgnoreInfoTitlesThatAreExportArtefacts() {
    assertEquals(Optional.empty(), PdfReader.title("Microsoft Word - leave.docx"));
    assertEquals(Optional.empty(), PdfReader.title("leave-policy.pdf"));
    assertEquals(Optional.empty(), PdfReader.title("  "));
    assertEquals(Optional.of("Leave policy"), PdfReader.title(" Leave  policy "));
  }

  private Path write(String name, String userPassword, List<List<Printed>> pages) throws IOException {
    return write(temp.resolve(name), userPassword, pages);
  }

  private static Path write(Path file, String userPassword, List<List<Printed>> pages) throws IOException {
    Files.createDirectories(file.getParent());
    try (PDDocument document = new PDDocument()) {
      for (List<Printed> lines : pages) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          for (Printed line : lines) {
            content.beginText();
            content.setFont(line.font(), line.size());
            content.newLineAtOffset(72, PDRectangle.LETTER.getHeight() - line.fromTop());
            content.showText(line.text());
            content.endText();
          }
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
            new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      document.save(file.toFile());
    }
    return file;
  }
}

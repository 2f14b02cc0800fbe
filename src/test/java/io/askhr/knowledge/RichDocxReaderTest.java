package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Word file with the parts HR's documents carry besides text: a chart (with its embedded workbook), a picture, a
 * header, a footer and a footnote (not referenced from the body). The reader must pass over the binary and drawing
 * parts; this test also runs against the shaded jar (the shaded-jar Failsafe run).
 */
class RichDocxReaderTest {

  @Test
  void shouldReadTheTextOfADocxWithAChartAPictureHeadersAndFootnotes() throws Exception {
    // given a DOCX written by POI 5.4 with a bar chart, a PNG, a header, a footer and a footnote
    Path docx = Path.of("src/test/resources/fixtures-docx/sick-pay-with-chart.docx");

    // when
    ParsedFile parsed = new DocxReader().read(docx);

    // then the body text is read and the chart and picture paragraphs add nothing
    assertEquals(List.of(
        TextBlock.heading(1, "Sick pay", 0),
        TextBlock.paragraph("Employees receive full pay for the first 10 days of sickness in a calendar year.", 0),
        TextBlock.paragraph("After 10 days statutory sick pay applies.", 0)),
        parsed.blocks());
    assertEquals(Optional.of("Sick pay with chart"), parsed.title());
  }
}

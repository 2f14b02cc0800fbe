package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.insight.InsightReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void shouldQuoteCellsThatHoldSeparatorsQuotesOrLineBreaks() {
    // given
    InsightReport.Table table = new InsightReport.Table("gaps", "Gaps", List.of("question", "count"),
        List.of(List.of("leave, and \"sick\" days", "3"), List.of("two\nlines", "1")));

    // when
    String csv = Csv.of(table);

    // then
    assertEquals("question,count\r\n\"leave, and \"\"sick\"\" days\",3\r\n\"two\nlines\",1\r\n", csv);
  }

  @Test
  void shouldDefuseTextThatASpreadsheetWouldRunAsAFormula() {
    // then
    assertEquals("'=HYPERLINK(\"http://x\")", Csv.defused("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1+2", Csv.defused("+1+2"));
    assertEquals("'@SUM(A1)", Csv.defused("@SUM(A1)"));
    assertEquals("-12.5", Csv.defused("-12.5"));
    assertEquals("annual leave", Csv.defused("annual leave"));
  }
}

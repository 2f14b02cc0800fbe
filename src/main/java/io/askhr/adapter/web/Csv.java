package io.askhr.adapter.web;

import io.askhr.insight.InsightReport;
import java.util.List;

/** RFC 4180 CSV for spreadsheet users. */
final class Csv {

  private Csv() {}

  static String of(InsightReport.Table table) {
    StringBuilder csv = new StringBuilder();
    line(csv, table.headers());
    table.rows().forEach(row -> line(csv, row));
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  /** Quotes as needed; a leading = + - @ is defused so a spreadsheet does not run an employee's text as a formula. */
  static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}

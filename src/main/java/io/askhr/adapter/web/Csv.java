package io.askhr.adapter.web;

import io.askhr.insight.InsightReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV for spreadsheet users, written by Commons CSV; the formula defusing is ours. */
final class Csv {

  private Csv() {}

  static String of(InsightReport.Table table) {
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
      printer.printRecord(defused(table.headers()));
      for (List<String> row : table.rows()) {
        printer.printRecord(defused(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder never throws
    }
    return csv.toString();
  }

  private static List<String> defused(List<String> cells) {
    return cells.stream().map(Csv::defused).toList();
  }

  /** A leading = + - @ is defused so a spreadsheet does not run an employee's text as a formula. */
  static String defused(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
      return "'" + value;
    }
    return value;
  }
}

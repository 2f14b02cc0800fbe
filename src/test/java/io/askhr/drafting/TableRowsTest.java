package io.askhr.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowsTest {

  @Test
  void shouldReadTheColumnNamesOfALabelledRow() {
    assertEquals(List.of("Period after the move", "Base salary"),
        TableRows.columns("Period after the move: Months 1 – 12; Base salary: Your previous base salary in full.")
            .orElseThrow());
    assertEquals(List.of("Notice"), TableRows.columns("L1 – L3 — Notice: 1 month.").orElseThrow());
    assertTrue(TableRows.columns("You receive the longer of your contractual notice and the statutory minimum.")
        .isEmpty());
    assertTrue(TableRows.columns("If you are redeployed to a role at a lower level, your pay is protected for a "
        + "while, under the rules below: see the table.").isEmpty(), "a long text before the colon is no column");
  }

  @Test
  void shouldFindTheAdjacentRowsWithTheSameColumns() {
    List<String> lines = List.of(
        "If you are redeployed to a role at a lower level, your pay is protected:",
        "Period after the move: Months 1 – 12; Base salary: Your previous base salary in full.",
        "Period after the move: Months 13 – 18; Base salary: New base salary plus 50% of the difference.",
        "Period after the move: From month 19; Base salary: The new band maximum.",
        "Example: an L4 in the UK on £62,000 is redeployed to an L3 role.",
        "Level: L4; Target bonus: 8%.");

    assertEquals(List.of(1, 2, 3), TableRows.tableOf(lines, 2));
    assertEquals(List.of(), TableRows.tableOf(lines, 0), "the lead-in is no row");
    assertEquals(List.of(), TableRows.tableOf(lines, 4), "a labelled sentence alone is no table");
    assertEquals(List.of(), TableRows.tableOf(lines, 5), "a row of other columns alone is no table");
  }
}

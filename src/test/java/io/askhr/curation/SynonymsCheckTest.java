package io.askhr.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsCheckTest {

  @TempDir Path temp;

  @Test
  void shouldAcceptTheShippedStarterList() {
    assertEquals(List.of(), SynonymsCheck.check(Optional.of(Path.of("bot/synonyms.txt"))));
  }

  @Test
  void shouldReportAMalformedLineAsAnError() throws Exception {
    // given
    Path file = temp.resolve("synonyms.txt");
    Files.writeString(file, "pto, paid time off\nwfh => => remote\n");

    // when
    List<Finding> findings = SynonymsCheck.check(Optional.of(file));

    // then
    assertEquals(1, findings.size());
    assertEquals(Finding.Severity.ERROR, findings.get(0).severity());
    assertEquals("synonyms", findings.get(0).rule());
    assertTrue(findings.get(0).message().contains("line 2"), findings.get(0).message());
  }
}

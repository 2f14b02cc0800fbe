package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextReaderTest {

  @TempDir Path temp;

  @Test
  void shouldSplitParagraphsOnBlankLinesAndTitleByFileName() throws Exception {
    // given
    String name = "notes.txt";

    // when
    PolicyDocument document = ReaderFixtures.read(name);

    // then
    assertEquals("Notes", document.metadata().title());
    assertEquals(List.of(
        TextBlock.paragraph("The London office is open from 07:00 to 20:00 on weekdays. Reception is staffed from 08:30 "
            + "to 17:30, and visitors must sign in at the front desk.", 0),
        TextBlock.paragraph("At weekends and on bank holidays the office is closed. If you need to work in the building "
            + "outside opening hours, ask Facilities for out-of-hours access at least two working days in advance.", 0)),
        document.blocks());
  }

  @Test
  void shouldJoinWrappedLinesButKeepListItemsApart() {
    // given
    String text = "Bring to your\r\nfirst day:\r\n- passport\r\n- bank details\r\n\r\n\r\nThanks.";

    // when
    List<TextBlock> blocks = new PlainTextReader().parse(text.replace("\r\n", "\n")).blocks();

    // then
    assertEquals(List.of(
        TextBlock.paragraph("Bring to your first day:\n- passport\n- bank details", 0),
        TextBlock.paragraph("Thanks.", 0)),
        blocks);
  }

  @Test
  void shouldReadWindowsEncodedTextWhenItIsNotUtf8() throws Exception {
    // given
    Path file = temp.resolve("canteen.txt");
    Files.write(file, "Lunch costs £4 – paid by card.".getBytes(Charset.forName("windows-1252")));

    // when
    List<TextBlock> blocks = new PlainTextReader().read(file).blocks();

    // then
    assertEquals(List.of(TextBlock.paragraph("Lunch costs £4 – paid by card.", 0)), blocks);
  }
}

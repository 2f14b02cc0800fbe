package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlReaderTest {

  private final HtmlReader reader = new HtmlReader();

  @Test
  void shouldReadTheMainContentAndIgnoreNavigationAndScripts() throws Exception {
    // given
    String name = "conduct.html";

    // when
    PolicyDocument document = ReaderFixtures.read(name);

    // then
    assertEquals("Code of conduct", document.metadata().title());
    assertEquals(List.of(
        TextBlock.heading(1, "Code of conduct", 0),
        TextBlock.heading(2, "Gifts", 0),
        TextBlock.paragraph("Gifts worth more than 50 GBP must be declared in the gifts register.", 0),
        TextBlock.heading(2, "Speaking up", 0),
        TextBlock.paragraph("Report concerns to the ethics line at ethics@brightwater.example.", 0)),
        document.blocks());
  }

  @Test
  void shouldTurnTableRowsAndListsIntoLines() {
    // given
    String html = "<html><head><title> Travel </title></head><body><header>Intranet</header>"
        + "<h3>Rates</h3><table><tr><th>Band</th><th>Hotel</th></tr><tr><td>L1</td><td>120 GBP</td></tr></table>"
        + "<ul><li>Book <b>early</b></li><li>Keep receipts<ul><li>originals</li></ul></li></ul>"
        + "<footer>© Brightwater</footer></body></html>";

    // when
    ParsedFile parsed = reader.parse(Jsoup.parse(html));

    // then
    assertEquals(Optional.of("Travel"), parsed.title());
    assertEquals(List.of(
        TextBlock.heading(3, "Rates", 0),
        TextBlock.paragraph("Band | Hotel\nL1 | 120 GBP", 0),
        TextBlock.paragraph("- Book early\n- Keep receipts\n- originals", 0)),
        parsed.blocks());
  }

  @Test
  void shouldKeepLooseTextBetweenBlocks() {
    // given
    String html = "<body><div>Loose <a href='x'>text</a> here<p>A paragraph.</p>and after</div>"
        + "<blockquote><p>Quoted.</p></blockquote><dl><dt>Term</dt><dd>Meaning</dd></dl></body>";

    // when
    List<TextBlock> blocks = reader.parse(Jsoup.parse(html)).blocks();

    // then
    assertEquals(List.of(
        TextBlock.paragraph("Loose text here", 0),
        TextBlock.paragraph("A paragraph.", 0),
        TextBlock.paragraph("and after", 0),
        TextBlock.paragraph("Quoted.", 0),
        TextBlock.paragraph("Term", 0),
        TextBlock.paragraph("Meaning", 0)),
        blocks);
  }

  @Test
  void shouldPreferTheArticleOverTheRestOfTheBody() {
    // given
    String html = "<body><div class='sidebar'>Latest news</div><article><h1>Expenses</h1><p>Claim monthly.</p>"
        + "</article></body>";

    // when
    List<TextBlock> blocks = reader.parse(Jsoup.parse(html)).blocks();

    // then
    assertEquals(List.of(TextBlock.heading(1, "Expenses", 0), TextBlock.paragraph("Claim monthly.", 0)), blocks);
  }
}

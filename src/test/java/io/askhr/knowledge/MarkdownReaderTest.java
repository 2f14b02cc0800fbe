package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

  private final MarkdownReader reader = new MarkdownReader();

  @Test
  void shouldTakeMetadataFromFrontMatter() throws Exception {
    // given
    String name = "bands.md";

    // when
    DocumentMetadata metadata = ReaderFixtures.read(name).metadata();

    // then
    assertEquals("Salary bands", metadata.title());
    assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), metadata.effective());
    assertEquals(Optional.of(LocalDate.of(2027, 4, 1)), metadata.reviewBy());
    assertEquals(Set.of("everyone"), metadata.audience());
    assertEquals(Set.of("GB"), metadata.countries());
    assertEquals(List.of("pay"), metadata.tags());
    assertEquals(Optional.empty(), metadata.owner());
  }

  @Test
  void shouldReadHeadingsParagraphsAndTableRowsInOrder() throws Exception {
    // given
    String name = "bands.md";

    // when
    List<TextBlock> blocks = ReaderFixtures.read(name).blocks();

    // then
    assertEquals(List.of(
        TextBlock.heading(1, "Salary bands", 0),
        TextBlock.heading(2, "How bands are set", 0),
        TextBlock.paragraph("Each level has a salary band with a minimum, a midpoint and a maximum. The midpoint is the "
            + "market median for the level, and the band runs from 80% to 120% of the midpoint.", 0),
        TextBlock.heading(3, "Market data", 0),
        TextBlock.paragraph("The Reward team buys salary survey data every January and uses the median base salary "
            + "for comparable jobs in the United Kingdom.", 0),
        TextBlock.heading(2, "Band table", 0),
        TextBlock.paragraph("Level: L1; Minimum: 24,000; Midpoint: 30,000; Maximum: 36,000.\n"
            + "Level: L2; Minimum: 30,000; Midpoint: 37,500; Maximum: 45,000.\n"
            + "Level: L3; Minimum: 38,000; Midpoint: 47,500; Maximum: 57,000.", 0)),
        blocks);
  }

  @Test
  void shouldLabelTableRowsWhoseFirstColumnIsTheRowName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
      throws Exception {
    // given
    java.nio.file.Path file = temp.resolve("leave.md");
    java.nio.file.Files.writeString(file, "# Leave\n\n| | Germany | United States |\n|---|---|---|\n"
        + "| Annual leave | 30 days | 20 days PTO |\n| Sick pay | 6 weeks |  |\n");

    // when
    List<TextBlock> blocks = new MarkdownReader().read(file).blocks();

    // then
    assertEquals(TextBlock.paragraph("Annual leave — Germany: 30 days; United States: 20 days PTO.\n"
        + "Sick pay — Germany: 6 weeks.", 0), blocks.get(1));
  }

  @Test
  void shouldGivePassagesTheirHeadingPath() throws Exception {
    // given
    PolicyDocument document = ReaderFixtures.read("bands.md");

    // when
    List<PolicyPassage> passages = PassageSplitter.defaults().split(document);

    // then
    assertEquals(3, passages.size());
    assertEquals("Salary bands › How bands are set", passages.get(0).section());
    assertEquals("Salary bands › How bands are set › Market data", passages.get(1).section());
    assertEquals("Salary bands › Band table", passages.get(2).section());
    assertEquals(Set.of("GB"), passages.get(1).countries());
    assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), passages.get(1).effective());
  }

  @Test
  void shouldStripFrontMatterAndReturnItForMetadata() {
    // given
    String text = "---\ntitle: Leave\n---\nBody text.\n";

    // when
    ParsedFile parsed = reader.parse(text);

    // then
    assertEquals(Optional.of("title: Leave"), parsed.frontMatter());
    assertEquals(List.of(TextBlock.paragraph("Body text.", 0)), parsed.blocks());
  }

  @Test
  void shouldTreatAnUnclosedLeadingRuleAsContent() {
    // given
    String text = "---\nJust text after a rule.\n";

    // when
    ParsedFile parsed = reader.parse(text);

    // then
    assertEquals(Optional.empty(), parsed.frontMatter());
    assertEquals(List.of(TextBlock.paragraph("Just text after a rule.", 0)), parsed.blocks());
  }

  @Test
  void shouldReadSetextHeadingsAndJoinWrappedLines() {
    // given
    String text = "Leave policy\n============\n\nYou get 25 days\nof annual leave.\n\nCarry over\n----------\nUp to 5 days.\n";

    // when
    List<TextBlock> blocks = reader.parse(text).blocks();

    // then
    assertEquals(List.of(
        TextBlock.heading(1, "Leave policy", 0),
        TextBlock.paragraph("You get 25 days of annual leave.", 0),
        TextBlock.heading(2, "Carry over", 0),
        TextBlock.paragraph("Up to 5 days.", 0)),
        blocks);
  }

  @Test
  void shouldKeepListItemsTogetherOnTheirOwnLines() {
    // given
    String text = "You can claim:\n\n* travel\n  by train\n* hotels up to **120 GBP**\n1. first\n2) second\n";

    // when
    List<TextBlock> blocks = reader.parse(text).blocks();

    // then
    assertEquals(List.of(
        TextBlock.paragraph("You can claim:", 0),
        TextBlock.paragraph("- travel by train\n- hotels up to 120 GBP\n1. first\n2. second", 0)),
        blocks);
  }

  @Test
  void shouldStripInlineMarkupLinksImagesAndComments() {
    // given
    String text = "# The *sick* pay `rule` {#sick}\n\n"
        + "See **the [HR portal](https://hr.example/a_(b)) page** ![logo](logo.png) and _ask_ "
        + "<!-- internal note --> your <b>manager</b> &amp; HR. Keep snake_case_names.\n";

    // when
    List<TextBlock> blocks = reader.parse(text).blocks();

    // then
    assertEquals(List.of(
        TextBlock.heading(1, "The sick pay rule", 0),
        TextBlock.paragraph("See the HR portal page and ask your manager & HR. Keep snake_case_names.", 0)),
        blocks);
  }

  @Test
  void shouldRemoveNunjucksAndLiquidTags() {
    // given
    String text = "{% alert \"Note\" %}\nRead the [leave page]({% page \"travel-and-leave/leave\" %}) in "
        + "{% slack_channel \"#leave\" %} or {{ site.hr_email }}.\n{% endalert %}\n\n"
        + "{% comment %}\nDraft: do not publish.\n{% endcomment %}\nAfter.\n";

    // when
    List<TextBlock> blocks = reader.parse(text).blocks();

    // then
    assertEquals(List.of(
        TextBlock.paragraph("Read the leave page in or .", 0),
        TextBlock.paragraph("After.", 0)),
        blocks);
  }

  @Test
  void shouldKeepFencedCodeAsText() {
    // given
    String text = "```\nleave_days = 25\n# not a heading\n```\n";

    // when
    List<TextBlock> blocks = reader.parse(text).blocks();

    // then
    assertEquals(List.of(TextBlock.paragraph("leave_days = 25\n# not a heading", 0)), blocks);
  }

  @Test
  void shouldDropRawHtmlEvenWhenATagSpansLines() {
    // given
    String text = "<div\n  class=\"summary\"\n>\n  <div>Key facts</div>\n</div>\n\n"
        + "- [[COPY] Buddy checklist](https://docs.example/a) for buddies\n- [](https://docs.example/empty)\n";

    // when
    List<TextBlock> blocks = reader.parse(text).blocks();

    // then
    assertEquals(List.of(
        TextBlock.paragraph("Key facts", 0),
        TextBlock.paragraph("- [COPY] Buddy checklist for buddies", 0)),
        blocks);
  }
}

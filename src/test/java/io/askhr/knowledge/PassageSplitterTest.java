package io.askhr.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

  /** Small sizes keep the generated sections short; the defaults are measured elsewhere (README). */
  private final PassageSplitter splitter = new PassageSplitter(180, 260, 40);

  @Test
  void shouldKeepPassagesOfALongSectionWithinBounds() {
    // given
    PolicyDocument document = document(longSection("Annual leave", 30, 1));

    // when
    List<PolicyPassage> passages = splitter.split(document);

    // then
    assertEquals(13, passages.size());
    for (PolicyPassage passage : passages) {
      int words = words(passage.text()).length;
      assertTrue(words >= 60 && words <= 260, passage.id() + " has " + words + " words");
      assertEquals(List.of("Leave", "Annual leave"), passage.headingPath());
    }
  }

  @Test
  void shouldRepeatTheEndOfThePreviousPassageFromASentenceStart() {
    // given
    PolicyDocument document = document(longSection("Annual leave", 30, 1));

    // when
    List<PolicyPassage> passages = splitter.split(document);

    // then
    for (int i = 1; i < passages.size(); i++) {
      int overlap = overlap(passages.get(i - 1).text(), passages.get(i).text());
      assertEquals(36, overlap, "three 12-word sentences repeated at the start of " + passages.get(i).id());
      assertTrue(passages.get(i).text().startsWith("Sentence "), passages.get(i).text());
    }
  }

  @Test
  void shouldNeverCrossAHeading() {
    // given
    List<TextBlock> blocks = new ArrayList<>();
    blocks.add(TextBlock.heading(1, "Leave", 1));
    blocks.add(TextBlock.heading(2, "Alpha", 1));
    blocks.add(TextBlock.paragraph("Alpha rules apply here.", 1));
    blocks.add(TextBlock.heading(2, "Beta", 1));
    blocks.add(TextBlock.paragraph("Beta rules apply here.", 2));
    blocks.add(TextBlock.heading(3, "Beta detail", 2));
    blocks.add(TextBlock.paragraph("Beta detail rules.", 2));
    blocks.add(TextBlock.heading(2, "Gamma", 3));
    blocks.add(TextBlock.paragraph("Gamma rules.", 3));

    // when
    List<PolicyPassage> passages = splitter.split(document(blocks));

    // then
    assertEquals(List.of("Alpha rules apply here.", "Beta rules apply here.", "Beta detail rules.", "Gamma rules."),
        passages.stream().map(PolicyPassage::text).toList());
    assertEquals(List.of("Leave › Alpha", "Leave › Beta", "Leave › Beta › Beta detail", "Leave › Gamma"),
        passages.stream().map(PolicyPassage::section).toList());
    assertEquals(List.of(1, 2, 2, 3), passages.stream().map(PolicyPassage::page).toList());
  }

  @Test
  void shouldNumberIdsInOrderAndCopyTheMetadata() {
    // given
    PolicyDocument document = document(longSection("Annual leave", 12, 1));

    // when
    List<PolicyPassage> passages = splitter.split(document);

    // then
    assertEquals(IntStream.range(0, passages.size()).mapToObj(i -> "leave/annual.pdf#" + i).toList(),
        passages.stream().map(PolicyPassage::id).toList());
    PolicyPassage first = passages.get(0);
    assertEquals("leave/annual.pdf", first.source());
    assertEquals("Annual leave policy", first.title());
    assertEquals(Optional.of(LocalDate.of(2026, 1, 1)), first.effective());
    assertEquals(Set.of("managers"), first.audience());
    assertEquals(Set.of("GB"), first.countries());
    assertEquals(Optional.of("https://intranet.example/leave"), first.url());
  }

  @Test
  void shouldCiteThePageOfTheFirstNewBlockNotOfTheOverlap() {
    // given
    List<TextBlock> blocks = List.of(
        TextBlock.paragraph(String.join(" ", IntStream.range(0, 12).mapToObj(PassageSplitterTest::sentence).toList()), 3),
        TextBlock.paragraph(String.join(" ", IntStream.range(12, 24).mapToObj(PassageSplitterTest::sentence).toList()), 4));

    // when
    List<PolicyPassage> passages = splitter.split(document(blocks));

    // then
    assertEquals(List.of(3, 4), passages.stream().map(PolicyPassage::page).toList());
    assertTrue(passages.get(1).text().startsWith(sentence(9) + " " + sentence(10)), "starts with page 3's overlap");
  }

  @Test
  void shouldSplitAParagraphOverMaxWordsAtSentences() {
    // given
    String paragraph = String.join(" ", IntStream.range(0, 40).mapToObj(PassageSplitterTest::sentence).toList());
    List<TextBlock> blocks = List.of(TextBlock.heading(1, "Leave", 1), TextBlock.paragraph(paragraph, 1));

    // when
    List<PolicyPassage> passages = splitter.split(document(blocks));

    // then
    assertEquals(3, passages.size());
    for (PolicyPassage passage : passages) {
      assertTrue(words(passage.text()).length <= 260);
      assertTrue(passage.text().startsWith("Sentence ") && passage.text().endsWith("words."), passage.text());
    }
    assertTrue(passages.get(2).text().endsWith(sentence(39)));
  }

  @Test
  void shouldCutAWallOfTextWithoutSentences() {
    // given
    String wall = String.join(" ", IntStream.range(0, 600).mapToObj(i -> "w" + i).toList());
    List<TextBlock> blocks = List.of(TextBlock.paragraph(wall, 0));

    // when
    List<PolicyPassage> passages = splitter.split(document(blocks));

    // then
    assertEquals(List.of(220, 260, 200),
        passages.stream().map(p -> words(p.text()).length).toList());
    assertTrue(passages.get(1).text().startsWith("w180 "), "40 words of overlap");
    assertTrue(passages.get(2).text().endsWith("w599"));
  }

  @Test
  void shouldKeepTheRestOfASectionWholeWhenItFitsUnderMaxWords() {
    // given
    List<TextBlock> blocks = List.of(
        TextBlock.paragraph(String.join(" ", IntStream.range(0, 10).mapToObj(PassageSplitterTest::sentence).toList()), 0),
        TextBlock.paragraph(String.join(" ", IntStream.range(10, 18).mapToObj(PassageSplitterTest::sentence).toList()), 0));

    // when
    List<PolicyPassage> passages = splitter.split(document(blocks));

    // then
    assertEquals(1, passages.size());
    assertEquals(216, words(passages.get(0).text()).length);
  }

  @Test
  void shouldEmitNoPassageForHeadingsWithoutBody() {
    // given
    List<TextBlock> blocks = List.of(
        TextBlock.heading(1, "Leave", 0),
        TextBlock.heading(2, "Parental leave", 0),
        TextBlock.paragraph("  ", 0),
        TextBlock.heading(3, "Shared parental leave", 0),
        TextBlock.paragraph("Parents can share 50 weeks.", 0));

    // when
    List<PolicyPassage> passages = splitter.split(document(blocks));

    // then
    assertEquals(1, passages.size());
    assertEquals(List.of("Leave", "Parental leave", "Shared parental leave"), passages.get(0).headingPath());
    assertEquals("leave/annual.pdf#0", passages.get(0).id());
  }

  @Test
  void shouldRejectInconsistentSizes() {
    assertThrows(IllegalArgumentException.class, () -> new PassageSplitter(200, 100, 20));
    assertThrows(IllegalArgumentException.class, () -> new PassageSplitter(100, 200, 100));
    assertThrows(IllegalArgumentException.class, () -> new PassageSplitter(0, 200, 0));
  }

  @Test
  void shouldTakeTheTailFromASentenceStartWhenOneIsNear() {
    // given
    String text = "One two three four five six. Seven eight nine ten. Eleven twelve.";
    PassageSplitter small = new PassageSplitter(20, 30, 5);

    // when
    String tail = small.tail(text);

    // then
    assertEquals("Seven eight nine ten. Eleven twelve.", tail);
  }

  /** Paragraphs of 2 to 8 twelve-word sentences, numbered so that each sentence is unique. */
  private static List<TextBlock> longSection(String heading, int paragraphs, int page) {
    List<TextBlock> blocks = new ArrayList<>();
    blocks.add(TextBlock.heading(1, "Leave", page));
    blocks.add(TextBlock.heading(2, heading, page));
    int n = 0;
    for (int p = 0; p < paragraphs; p++) {
      List<String> sentences = new ArrayList<>();
      for (int s = 0; s < 2 + (p * 5) % 7; s++) {
        sentences.add(sentence(n++));
      }
      blocks.add(TextBlock.paragraph(String.join(" ", sentences), page));
    }
    return blocks;
  }

  private static String sentence(int n) {
    return "Sentence " + n + " of the section explains rule number " + n + " in plain words.";
  }

  private static PolicyDocument document(List<TextBlock> blocks) {
    DocumentMetadata metadata = new DocumentMetadata("Annual leave policy", Optional.of("HR"),
        Optional.of(LocalDate.of(2026, 1, 1)), Optional.empty(), Set.of("managers"), Set.of("GB"), List.of(),
        Optional.of("https://intranet.example/leave"));
    return new PolicyDocument("leave/annual.pdf", metadata, blocks, "hash");
  }

  private static String[] words(String text) {
    return text.strip().split("\\s+");
  }

  /** The number of words at the end of {@code previous} that {@code next} starts with. */
  private static int overlap(String previous, String next) {
    String[] a = words(previous);
    String[] b = words(next);
    for (int k = Math.min(a.length, b.length); k > 0; k--) {
      if (Arrays.equals(Arrays.copyOfRange(a, a.length - k, a.length), Arrays.copyOfRange(b, 0, k))) {
        return k;
      }
    }
    assertFalse(true, "no overlap between passages");
    return 0;
  }
}

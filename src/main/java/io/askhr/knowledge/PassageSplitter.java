package io.askhr.knowledge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a document into section-aware passages: never across a heading, with a little overlap inside a section. */
public final class PassageSplitter {

  private static final String PARAGRAPH_BREAK = "\n\n";
  // After sentence punctuation (and closing quotes), before a capital, digit or bullet; or at a line break.
  private static final Pattern SENTENCE_BREAK =
      Pattern.compile("(?<=[.!?…][\"')\\]”’]{0,2})[ \\t]+(?=[\"'(\\[“‘]?[\\p{Lu}\\d•-])|\\n+");
  private static final Pattern WORD = Pattern.compile("\\S+");

  private final int targetWords;
  private final int maxWords;
  private final int overlapWords;

  /**
   * @param targetWords a passage is closed when the next paragraph would take it past this
   * @param maxWords hard limit; longer paragraphs are split at sentence boundaries
   * @param overlapWords words of the previous passage repeated at the start of the next one in the same section
   */
  public PassageSplitter(int targetWords, int maxWords, int overlapWords) {
    if (targetWords <= 0 || maxWords < targetWords || overlapWords < 0 || overlapWords >= targetWords) {
      throw new IllegalArgumentException("need 0 < targetWords <= maxWords and 0 <= overlapWords < targetWords, got "
          + targetWords + ", " + maxWords + ", " + overlapWords);
    }
    this.targetWords = targetWords;
    this.maxWords = maxWords;
    this.overlapWords = overlapWords;
  }

  /**
   * 350 words aiming, 450 at most, 60 overlapping: measured with {@code askhr eval} against 180/260 and 300/400 and
   * 450/550 on the contoso and GSA gold sets; section-sized passages gave BM25 enough context and the best fused
   * hit@5 and MRR on both (README "Retrieval quality"). The embedding model reads 510 word-pieces at a time and
   * averages longer texts, so a passage is still embedded whole.
   */
  public static PassageSplitter defaults() {
    return new PassageSplitter(350, 450, 60);
  }

  @Override
  public String toString() {
    return targetWords + "/" + maxWords + "/" + overlapWords;
  }

  /** Passages of the document in reading order, with ids {@code source#0}, {@code source#1}, … */
  public List<PolicyPassage> split(PolicyDocument document) {
    List<PolicyPassage> passages = new ArrayList<>();
    Deque<TextBlock> headings = new ArrayDeque<>();
    List<TextBlock> section = new ArrayList<>();
    for (TextBlock block : document.blocks()) {
      if (block.isHeading()) {
        splitSection(document, headingPath(headings), section, passages);
        section.clear();
        while (!headings.isEmpty() && headings.peek().level() >= block.level()) {
          headings.pop();
        }
        headings.push(block);
      } else if (!block.text().isBlank()) {
        section.add(block);
      }
    }
    splitSection(document, headingPath(headings), section, passages);
    return passages;
  }

  private static List<String> headingPath(Deque<TextBlock> headings) {
    List<String> path = new ArrayList<>();
    for (Iterator<TextBlock> it = headings.descendingIterator(); it.hasNext(); ) {
      path.add(it.next().text());
    }
    return path;
  }

  /** A paragraph, or a run of sentences of a paragraph too long to keep whole. */
  private record Unit(String text, int words, int page, String joiner) {}

  private void splitSection(PolicyDocument document, List<String> headingPath, List<TextBlock> section,
      List<PolicyPassage> passages) {
    List<Unit> units = units(section);
    int remainingWords = units.stream().mapToInt(Unit::words).sum();
    List<Unit> current = new ArrayList<>();
    int currentWords = 0;
    String overlap = "";
    for (Unit unit : units) {
      int overlapCount = Text.wordCount(overlap);
      // Past the target, but a rest of the section that fits under maxWords stays whole rather than leaving a stub.
      if (!current.isEmpty()
          && overlapCount + currentWords + unit.words() > targetWords
          && overlapCount + currentWords + remainingWords > maxWords) {
        String text = emit(document, headingPath, overlap, current, currentWords, passages);
        overlap = tail(text);
        current.clear();
        currentWords = 0;
      }
      current.add(unit);
      currentWords += unit.words();
      remainingWords -= unit.words();
    }
    if (!current.isEmpty()) {
      emit(document, headingPath, overlap, current, currentWords, passages);
    }
  }

  private String emit(PolicyDocument document, List<String> headingPath, String overlap, List<Unit> units,
      int unitWords, List<PolicyPassage> passages) {
    StringBuilder text = new StringBuilder();
    String prefix = lastWords(overlap, Math.max(0, maxWords - unitWords));
    if (!prefix.isEmpty()) {
      text.append(prefix).append(units.get(0).joiner());
    }
    for (int i = 0; i < units.size(); i++) {
      if (i > 0) {
        text.append(units.get(i).joiner());
      }
      text.append(units.get(i).text());
    }
    DocumentMetadata metadata = document.metadata();
    passages.add(new PolicyPassage(
        document.source() + "#" + passages.size(),
        document.source(),
        metadata.title(),
        headingPath,
        units.get(0).page(),
        metadata.effective(),
        metadata.audience(),
        metadata.countries(),
        metadata.url(),
        text.toString(),
        metadata.language()));
    return text.toString();
  }

  private List<Unit> units(List<TextBlock> section) {
    List<Unit> units = new ArrayList<>();
    // Cut sentence-less walls of text short enough that the overlap still fits under maxWords.
    int hardCut = Math.max(1, maxWords - overlapWords);
    for (TextBlock block : section) {
      String text = block.text().strip();
      int words = Text.wordCount(text);
      if (words <= maxWords) {
        units.add(new Unit(text, words, block.page(), PARAGRAPH_BREAK));
        continue;
      }
      String joiner = PARAGRAPH_BREAK;
      int start = 0;
      Matcher m = SENTENCE_BREAK.matcher(text);
      while (start < text.length()) {
        int end = m.find() ? m.start() : text.length();
        String sentence = text.substring(start, end);
        for (String piece : chop(sentence, hardCut)) {
          units.add(new Unit(piece, Text.wordCount(piece), block.page(), joiner));
          joiner = " ";
        }
        if (end < text.length()) {
          joiner = text.substring(m.start(), m.end()).contains("\n") ? "\n" : " ";
          start = m.end();
        } else {
          start = end;
        }
      }
    }
    return units;
  }

  private static List<String> chop(String sentence, int words) {
    List<String> pieces = new ArrayList<>();
    Matcher m = WORD.matcher(sentence);
    int count = 0;
    int start = -1;
    int end = 0;
    while (m.find()) {
      if (start < 0) {
        start = m.start();
      }
      end = m.end();
      if (++count == words) {
        pieces.add(sentence.substring(start, end));
        count = 0;
        start = -1;
      }
    }
    if (start >= 0) {
      pieces.add(sentence.substring(start, end));
    }
    return pieces;
  }

  /** The last ~overlapWords words of a passage, starting at a sentence when one starts near that point. */
  String tail(String text) {
    if (overlapWords == 0) {
      return "";
    }
    List<Integer> starts = new ArrayList<>();
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      starts.add(words.start());
    }
    if (starts.size() <= overlapWords) {
      return text.strip();
    }
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    Matcher sentences = SENTENCE_BREAK.matcher(text);
    while (sentences.find()) {
      int tailWords = Text.wordCount(text.substring(sentences.end()));
      if (tailWords >= overlapWords / 2 && tailWords <= overlapWords + overlapWords / 4) {
        int distance = Math.abs(tailWords - overlapWords);
        if (distance < bestDistance) {
          best = sentences.end();
          bestDistance = distance;
        }
      }
    }
    int cut = best >= 0 ? best : starts.get(starts.size() - overlapWords);
    return text.substring(cut).strip();
  }

  private static String lastWords(String text, int words) {
    if (text.isEmpty() || words <= 0) {
      return "";
    }
    List<Integer> starts = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      starts.add(m.start());
    }
    return starts.size() <= words ? text : text.substring(starts.get(starts.size() - words));
  }

}

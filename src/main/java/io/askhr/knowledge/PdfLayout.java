package io.askhr.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the printed lines of a PDF into headings and paragraphs: body text is the most common font size, headings
 * are larger or bold lines, and paragraphs end at blank lines or wider gaps.
 */
final class PdfLayout {

  /** One printed line of a page, with the style of most of its letters. */
  record Line(int page, float y, float relativeY, float size, boolean bold, String text) {

    boolean blank() {
      return text.isBlank();
    }
  }

  // Headers and footers live in the top and bottom margins; only lines there are candidates for removal.
  private static final float MARGIN = 0.12f;
  private static final Pattern PAGE_NUMBER =
      Pattern.compile("(?i)^(?:page\\s+)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^[-–—]\\s*\\d{1,4}\\s*[-–—]$");
  private static final int MAX_HEADING_CHARS = 100;
  private static final Pattern SENTENCE_INSIDE = Pattern.compile("[.!?] +\\p{Lu}");
  // Fragments closer than this fraction of the font size vertically are printed on the same line.
  private static final float SAME_LINE = 0.3f;

  private final List<Line> lines;
  private final float bodySize;
  private final float paragraphGap;
  private final Set<String> vocabulary;
  private final boolean lineEndHyphensAreReal;

  PdfLayout(List<Line> collected, int pageCount) {
    this.lines = withoutPageFurniture(sameLineJoined(collected), pageCount);
    this.bodySize = bodySize(lines);
    this.paragraphGap = paragraphGap(lines, bodySize);
    this.vocabulary = vocabulary(lines);
    this.lineEndHyphensAreReal = lineEndHyphensAreReal();
  }

  /**
   * Word and most office tools never hyphenate, so a hyphen at a line end is part of the word; typesetting tools
   * do. The breaks whose word also appears elsewhere in the document, joined or hyphenated, tell which kind this is.
   */
  private boolean lineEndHyphensAreReal() {
    int joined = 0;
    int hyphenated = 0;
    Line previous = null;
    for (Line line : lines) {
      if (line.blank()) {
        continue;
      }
      if (previous != null && endsWithBrokenWord(previous.text())
          && Character.isLowerCase(line.text().charAt(0))) {
        String before = lastToken(previous.text().substring(0, previous.text().length() - 1));
        String after = firstToken(line.text());
        if (vocabulary.contains((before + after).toLowerCase(Locale.ROOT))) {
          joined++;
        } else if (vocabulary.contains((before + "-" + after).toLowerCase(Locale.ROOT))) {
          hyphenated++;
        }
      }
      previous = line;
    }
    return hyphenated > joined;
  }

  List<TextBlock> blocks() {
    List<Group> groups = headingGroups();
    List<Float[]> styles = new ArrayList<>();
    for (Group g : groups) {
      if (g.heading && styles.stream().noneMatch(s -> sameStyle(s, g.size, g.bold))) {
        styles.add(new Float[] {g.size, g.bold ? 1f : 0f});
      }
    }
    // Larger type ranks higher; at equal size, bold outranks regular.
    styles.sort((a, b) -> a[0].equals(b[0]) ? Float.compare(b[1], a[1]) : Float.compare(b[0], a[0]));

    List<TextBlock> blocks = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    int paragraphPage = 0;
    Line previous = null;
    for (Group g : groups) {
      if (g.heading) {
        flush(paragraph, paragraphPage, blocks);
        int level = 1;
        for (int i = 0; i < styles.size(); i++) {
          if (sameStyle(styles.get(i), g.size, g.bold)) {
            level = Math.min(i + 1, 6);
          }
        }
        blocks.add(TextBlock.heading(level, g.text(), g.lines.get(0).page()));
        previous = null;
        continue;
      }
      for (Line line : g.lines) {
        if (line.blank()) {
          flush(paragraph, paragraphPage, blocks);
          previous = null;
          continue;
        }
        if (previous != null && breaksParagraph(previous, line)) {
          flush(paragraph, paragraphPage, blocks);
        }
        if (paragraph.isEmpty()) {
          paragraphPage = line.page();
        }
        paragraph.add(line.text());
        previous = line;
      }
    }
    flush(paragraph, paragraphPage, blocks);
    return blocks;
  }

  private boolean breaksParagraph(Line previous, Line line) {
    if (line.page() != previous.page()) {
      // A paragraph runs on over the page break only when the sentence visibly continues.
      String end = previous.text();
      char last = end.charAt(end.length() - 1);
      char first = line.text().charAt(0);
      return ".!?:;".indexOf(last) >= 0 || !Character.isLowerCase(first);
    }
    float gap = line.y() - previous.y();
    return gap <= 0 || gap > paragraphGap || Math.abs(line.size() - previous.size()) >= 1;
  }

  private void flush(List<String> paragraph, int page, List<TextBlock> blocks) {
    if (paragraph.isEmpty()) {
      return;
    }
    String text = Text.joinLines(dehyphenate(paragraph));
    paragraph.clear();
    if (!text.isEmpty()) {
      blocks.add(TextBlock.paragraph(text, page));
    }
  }

  /** Joins words broken across lines: "employ-" + "ees" becomes "employees", "in-" + "network" stays hyphenated. */
  List<String> dehyphenate(List<String> paragraph) {
    List<String> out = new ArrayList<>();
    String pending = null;
    for (String line : paragraph) {
      if (pending == null) {
        pending = line;
        continue;
      }
      if (endsWithBrokenWord(pending) && !line.isEmpty() && Character.isLetterOrDigit(line.charAt(0))) {
        String head = pending.substring(0, pending.length() - 1);
        String before = lastToken(head);
        String after = firstToken(line);
        pending = head + (keepHyphen(before, after) ? "-" : "") + line;
      } else {
        out.add(pending);
        pending = line;
      }
    }
    if (pending != null) {
      out.add(pending);
    }
    return out;
  }

  private boolean keepHyphen(String before, String after) {
    if (after.isEmpty() || !Character.isLowerCase(after.charAt(0))) {
      return true;
    }
    String joined = (before + after).toLowerCase(Locale.ROOT);
    String hyphenated = (before + "-" + after).toLowerCase(Locale.ROOT);
    if (vocabulary.contains(joined)) {
      return false;
    }
    if (vocabulary.contains(hyphenated)) {
      return true;
    }
    // A compound's halves are words in their own right ("in-network"); syllables ("ees") are not.
    String lastBefore = before.substring(before.lastIndexOf('-') + 1).toLowerCase(Locale.ROOT);
    int dash = after.indexOf('-');
    String firstAfter = (dash > 0 ? after.substring(0, dash) : after).toLowerCase(Locale.ROOT);
    return lineEndHyphensAreReal || vocabulary.contains(lastBefore) && vocabulary.contains(firstAfter);
  }

  private static boolean endsWithBrokenWord(String line) {
    int n = line.length();
    return n >= 2 && line.charAt(n - 1) == '-' && Character.isLetter(line.charAt(n - 2));
  }

  private static String lastToken(String text) {
    return clean(text.substring(text.lastIndexOf(' ') + 1));
  }

  private static String firstToken(String text) {
    int space = text.indexOf(' ');
    return clean(space < 0 ? text : text.substring(0, space));
  }

  private static String clean(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(start, end);
  }

  /** Words of the document, leaving out the halves of words broken at a line end. */
  private static Set<String> vocabulary(List<Line> lines) {
    Set<String> words = new HashSet<>();
    boolean previousBroken = false;
    for (Line line : lines) {
      if (line.blank()) {
        continue;
      }
      String[] tokens = line.text().split("\\s+");
      for (int i = 0; i < tokens.length; i++) {
        boolean brokenHere = i == tokens.length - 1 && endsWithBrokenWord(tokens[i]);
        if (!(i == 0 && previousBroken) && !brokenHere) {
          String word = clean(tokens[i]).toLowerCase(Locale.ROOT);
          if (!word.isEmpty()) {
            words.add(word);
          }
        }
      }
      previousBroken = endsWithBrokenWord(line.text());
    }
    return words;
  }

  /** Consecutive heading-like lines of one style form one heading; everything else passes through. */
  private List<Group> headingGroups() {
    List<Group> groups = new ArrayList<>();
    Group body = null;
    Group heading = null;
    Line previous = null;
    boolean blankBefore = true;
    for (Line line : lines) {
      if (line.blank()) {
        blankBefore = true;
        if (heading == null || body != null) {
          body = body == null ? newBody(groups) : body;
          body.lines.add(line);
        }
        continue;
      }
      if (heading != null && heading.continuedBy(line) && headingStyled(line)) {
        heading.lines.add(line);
      } else if (headingStyled(line) && startsHeading(line, previous, blankBefore)) {
        heading = new Group(true, line.size(), line.bold());
        heading.lines.add(line);
        groups.add(heading);
        body = null;
      } else {
        heading = null;
        body = body == null ? newBody(groups) : body;
        body.lines.add(line);
      }
      previous = line;
      blankBefore = false;
    }
    // A "heading" that turns out to be long or to hold a sentence is body text set in bold.
    for (Group g : groups) {
      String text = g.heading ? g.text() : "";
      if (g.heading
          && (text.length() > MAX_HEADING_CHARS * 3 / 2
              || endsSentence(text)
              || SENTENCE_INSIDE.matcher(text).find())) {
        g.heading = false;
      }
    }
    return groups;
  }

  private Group newBody(List<Group> groups) {
    Group body = new Group(false, bodySize, false);
    groups.add(body);
    return body;
  }

  /** Set apart from body text by size or weight, and short enough to be a title. */
  private boolean headingStyled(Line line) {
    String text = line.text();
    return text.length() <= MAX_HEADING_CHARS
        && text.chars().anyMatch(Character::isLetter)
        && !endsSentence(text)
        && !Text.isListItem(text)
        && (line.size() >= bodySize + 1 || line.bold());
  }

  /**
   * Headings start with a capital or a number ("401(k) plan", not "$1,500" or "of the next"); one in body size has
   * space above it, since a bold line inside a paragraph is emphasis.
   */
  private boolean startsHeading(Line line, Line previous, boolean blankBefore) {
    char first = line.text().charAt(0);
    if (!(Character.isUpperCase(first) || Character.isDigit(first) || Character.isLetter(first)
        && !Character.isLowerCase(first))) {
      return false;
    }
    if (line.size() >= bodySize + 1 || blankBefore || previous == null || previous.page() != line.page()) {
      return true;
    }
    return line.y() - previous.y() > paragraphGap;
  }

  private static boolean endsSentence(String text) {
    char last = text.charAt(text.length() - 1);
    return last == '.' || last == ',' || last == ';';
  }

  private static boolean sameStyle(Float[] style, float size, boolean bold) {
    return style[0] == size && (style[1] == 1f) == bold;
  }

  private static float bodySize(List<Line> lines) {
    Map<Float, Integer> weight = new HashMap<>();
    for (Line line : lines) {
      if (!line.blank()) {
        weight.merge(line.size(), line.text().length(), Integer::sum);
      }
    }
    return weight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
  }

  /** A gap clearly wider than the usual line spacing of body text starts a new paragraph. */
  private static float paragraphGap(List<Line> lines, float bodySize) {
    Map<Float, Integer> gaps = new HashMap<>();
    Line previous = null;
    for (Line line : lines) {
      if (line.blank()) {
        previous = null;
        continue;
      }
      if (previous != null && previous.page() == line.page() && previous.size() == bodySize
          && line.size() == bodySize) {
        float gap = Math.round((line.y() - previous.y()) * 2) / 2f;
        if (gap > 0) {
          gaps.merge(gap, 1, Integer::sum);
        }
      }
      previous = line;
    }
    float lineSpacing =
        gaps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(bodySize * 1.2f);
    return lineSpacing * 1.3f;
  }

  /**
   * Joins fragments printed on one line (table cells, a bullet drawn apart from its text) into one line; cells are
   * separated by " | " as table rows are elsewhere.
   */
  private static List<Line> sameLineJoined(List<Line> lines) {
    List<Line> joined = new ArrayList<>();
    for (Line line : lines) {
      Line last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      if (last == null || line.blank() || last.blank() || last.page() != line.page()
          || Math.abs(line.y() - last.y()) > SAME_LINE * Math.max(line.size(), last.size())) {
        joined.add(line);
        continue;
      }
      boolean marker = last.text().chars().noneMatch(Character::isLetterOrDigit);
      Line styled = marker ? line : last;
      String text = last.text() + (marker ? " " : " | ") + line.text();
      joined.set(joined.size() - 1, new Line(last.page(), last.y(), last.relativeY(), styled.size(),
          marker ? line.bold() : last.bold() && line.bold(), text));
    }
    return joined;
  }

  /** Drops running headers, footers and page numbers: margin lines that repeat on most pages. */
  private static List<Line> withoutPageFurniture(List<Line> lines, int pageCount) {
    Map<String, Set<Integer>> pagesByKey = new HashMap<>();
    for (Line line : lines) {
      if (!line.blank() && inMargin(line)) {
        pagesByKey.computeIfAbsent(furnitureKey(line), k -> new HashSet<>()).add(line.page());
      }
    }
    int threshold = Math.max(3, (pageCount + 1) / 2);
    List<Line> kept = new ArrayList<>();
    for (Line line : lines) {
      boolean furniture = !line.blank() && inMargin(line)
          && (PAGE_NUMBER.matcher(line.text()).matches()
              || pageCount >= 3 && pagesByKey.get(furnitureKey(line)).size() >= threshold);
      if (!furniture) {
        kept.add(line);
      }
    }
    return kept;
  }

  private static boolean inMargin(Line line) {
    return line.relativeY() < MARGIN || line.relativeY() > 1 - MARGIN;
  }

  private static String furnitureKey(Line line) {
    return Text.collapse(line.text().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#"))
        + "@" + Math.round(line.relativeY() * 100);
  }

  /** Lines that are either one heading or a run of body text. */
  private static final class Group {

    boolean heading;
    final float size;
    final boolean bold;
    final List<Line> lines = new ArrayList<>();

    Group(boolean heading, float size, boolean bold) {
      this.heading = heading;
      this.size = size;
      this.bold = bold;
    }

    boolean continuedBy(Line line) {
      Line last = lines.get(lines.size() - 1);
      float gap = line.y() - last.y();
      return line.page() == last.page() && line.size() == size && line.bold() == bold
          && gap > 0 && gap <= size * 1.8f;
    }

    String text() {
      return Text.collapse(String.join(" ", lines.stream().map(Line::text).toList()));
    }
  }
}

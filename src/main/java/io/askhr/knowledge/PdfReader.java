package io.askhr.knowledge;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads PDFs page by page into blocks that keep their page number; headings are found from font size and weight,
 * since most PDFs carry no structure tags.
 */
final class PdfReader implements DocumentReader {

  // Decoded streams beyond this spill to a temp file, so a 500-page PDF doesn't have to fit in the heap.
  private static final long MAX_MAIN_MEMORY_BYTES = 32L * 1024 * 1024;

  @Override
  public ParsedFile read(Path file) throws IOException, DocumentProblem {
    try (PDDocument document =
        Loader.loadPDF(file.toFile(), "", MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY_BYTES).streamCache)) {
      LineCollector collector = new LineCollector();
      collector.writeText(document, Writer.nullWriter());
      List<TextBlock> blocks = new Layout(collector.lines, document.getNumberOfPages()).blocks();
      return ParsedFile.of(blocks, title(document.getDocumentInformation().getTitle()));
    } catch (InvalidPasswordException e) {
      throw new DocumentProblem("password protected", e);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new DocumentProblem("not a valid PDF (" + e.getMessage() + ")", e);
    }
  }

  /** The info title, unless it is an export artefact such as "Microsoft Word - policy.docx". */
  static Optional<String> title(String infoTitle) {
    if (infoTitle == null) {
      return Optional.empty();
    }
    String title = Text.collapse(infoTitle);
    String lower = title.toLowerCase(Locale.ROOT);
    if (title.isEmpty()
        || lower.startsWith("microsoft word")
        || lower.startsWith("untitled")
        || lower.matches(".*\\.(docx?|pdf|rtf|odt|pptx?)$")) {
      return Optional.empty();
    }
    return Optional.of(title);
  }

  /** One printed line of a page, with the style of most of its letters. */
  record Line(int page, float y, float relativeY, float size, boolean bold, String text) {

    boolean blank() {
      return text.isBlank();
    }
  }

  /** Captures lines with their position and font instead of writing plain text. */
  private static final class LineCollector extends PDFTextStripper {

    final List<Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<TextPosition> positions = new ArrayList<>();
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();

    @Override
    protected void writeString(String string, List<TextPosition> textPositions) {
      text.append(string);
      positions.addAll(textPositions);
    }

    @Override
    protected void writeWordSeparator() {
      text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      flushLine();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
      flushLine();
      super.endPage(page);
    }

    private void flushLine() {
      String line = text.toString();
      text.setLength(0);
      if (line.isBlank() || positions.isEmpty()) {
        positions.clear();
        lines.add(new Line(getCurrentPageNo(), 0, 0, 0, false, ""));
        return;
      }
      Map<Float, Integer> sizes = new HashMap<>();
      int letters = 0;
      int boldLetters = 0;
      float y = positions.get(0).getYDirAdj();
      for (TextPosition p : positions) {
        String unicode = p.getUnicode();
        if (unicode == null || unicode.isEmpty() || !Character.isLetterOrDigit(unicode.charAt(0))) {
          continue;
        }
        letters++;
        if (isBold(p.getFont())) {
          boldLetters++;
        }
        sizes.merge(Math.round(p.getFontSizeInPt() * 2) / 2f, 1, Integer::sum);
      }
      positions.clear();
      float size = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
      float height = getCurrentPage().getMediaBox().getHeight();
      boolean bold = letters > 0 && boldLetters >= 0.8 * letters;
      lines.add(new Line(getCurrentPageNo(), y, height > 0 ? y / height : 0.5f, size, bold, line.strip()));
    }

    private boolean isBold(PDFont font) {
      if (font == null) {
        return false;
      }
      return boldFonts.computeIfAbsent(font, f -> {
        String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
            || name.contains("demi")) {
          return true;
        }
        PDFontDescriptor descriptor = f.getFontDescriptor();
        return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
      });
    }
  }

  /** Turns the collected lines into headings and paragraphs. */
  static final class Layout {

    // Headers and footers live in the top and bottom margins; only lines there are candidates for removal.
    private static final float MARGIN = 0.12f;
    private static final Pattern PAGE_NUMBER =
        Pattern.compile("(?i)^(?:page\\s+)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^[-–—]\\s*\\d{1,4}\\s*[-–—]$");
    private static final int MAX_HEADING_CHARS = 100;

    private final List<Line> lines;
    private final float bodySize;
    private final float paragraphGap;
    private final Set<String> vocabulary;

    Layout(List<Line> collected, int pageCount) {
      this.lines = withoutPageFurniture(collected, pageCount);
      this.bodySize = bodySize(lines);
      this.paragraphGap = paragraphGap(lines, bodySize);
      this.vocabulary = vocabulary(lines);
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
      return vocabulary.contains(lastBefore) && vocabulary.contains(firstAfter);
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
      Set<String> words = new java.util.HashSet<>();
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
      for (Line line : lines) {
        if (!line.blank() && headingLike(line)) {
          if (heading != null && heading.continuedBy(line)) {
            heading.lines.add(line);
            continue;
          }
          heading = new Group(true, line.size(), line.bold());
          heading.lines.add(line);
          groups.add(heading);
          body = null;
        } else {
          if (line.blank() && heading != null && body == null) {
            continue;
          }
          heading = null;
          if (body == null) {
            body = new Group(false, bodySize, false);
            groups.add(body);
          }
          body.lines.add(line);
        }
      }
      // A "heading" that turns out to be a long or finished sentence is body text set in bold.
      for (Group g : groups) {
        String text = g.heading ? g.text() : "";
        if (g.heading && (text.length() > MAX_HEADING_CHARS * 3 / 2 || endsSentence(text))) {
          g.heading = false;
        }
      }
      return groups;
    }

    private boolean headingLike(Line line) {
      String text = line.text();
      return text.length() <= MAX_HEADING_CHARS
          && text.chars().anyMatch(Character::isLetter)
          && !endsSentence(text)
          && !Text.isListItem(text)
          && (line.size() >= bodySize + 1 || line.bold());
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

    /** Drops running headers, footers and page numbers: margin lines that repeat on most pages. */
    private static List<Line> withoutPageFurniture(List<Line> lines, int pageCount) {
      Map<String, Set<Integer>> pagesByKey = new HashMap<>();
      for (Line line : lines) {
        if (!line.blank() && inMargin(line)) {
          pagesByKey.computeIfAbsent(furnitureKey(line), k -> new java.util.HashSet<>()).add(line.page());
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
}

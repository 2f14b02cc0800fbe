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
      List<TextBlock> blocks = new PdfLayout(collector.lines, document.getNumberOfPages()).blocks();
      return ParsedFile.of(blocks, title(document.getDocumentInformation().getTitle()).or(() -> coverTitle(blocks)));
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

  /**
   * The headings of a cover page (page 1 with no body text), e.g. "Contoso Electronics" over "Northwind Health
   * Standard Plan"; taking only the first would give every document of a company the same title.
   */
  static Optional<String> coverTitle(List<TextBlock> blocks) {
    List<TextBlock> cover = blocks.stream().filter(b -> b.page() == 1).toList();
    if (cover.isEmpty() || !cover.stream().allMatch(TextBlock::isHeading)) {
      return Optional.empty();
    }
    return Optional.of(String.join(" ", cover.stream().limit(3).map(TextBlock::text).toList()));
  }

  /** Captures lines with their position and font instead of writing plain text. */
  private static final class LineCollector extends PDFTextStripper {

    final List<PdfLayout.Line> lines = new ArrayList<>();
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
        lines.add(new PdfLayout.Line(getCurrentPageNo(), 0, 0, 0, false, ""));
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
      lines.add(new PdfLayout.Line(getCurrentPageNo(), y, height > 0 ? y / height : 0.5f, size, bold, line.strip()));
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

}

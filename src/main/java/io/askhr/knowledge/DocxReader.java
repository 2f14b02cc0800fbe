package io.askhr.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reads Word documents: heading styles become headings, table rows become one line each. */
final class DocxReader implements DocumentReader {

  private static final Pattern HEADING_STYLE = Pattern.compile("heading([1-9])");

  @Override
  public ParsedFile read(Path file) throws IOException, DocumentProblem {
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (OLE2NotOfficeXmlFileException e) {
      throw new DocumentProblem(
          "not a valid DOCX (it is an old .doc or a password-protected file; save it as DOCX)", e);
    } catch (InvalidFormatException | NotOfficeXmlFileException | POIXMLException e) {
      throw new DocumentProblem("not a valid DOCX (" + e.getMessage() + ")", e);
    }
    try {
      XWPFDocument document = new XWPFDocument(pkg);
      List<TextBlock> blocks = new ArrayList<>();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          paragraph(document, paragraph, blocks);
        } else if (element instanceof XWPFTable table) {
          table(table, blocks);
        } else if (element instanceof XWPFSDT control) {
          add(control.getContent().getText(), blocks);
        }
      }
      Optional<String> title = Optional.ofNullable(document.getProperties().getCoreProperties().getTitle())
          .map(Text::collapse)
          .filter(t -> !t.isEmpty());
      return ParsedFile.of(blocks, title);
    } catch (POIXMLException e) {
      throw new DocumentProblem("not a valid DOCX (" + e.getMessage() + ")", e);
    } finally {
      // Opened read-only: revert() releases the file without trying to save it.
      pkg.revert();
    }
  }

  private static void paragraph(XWPFDocument document, XWPFParagraph paragraph, List<TextBlock> blocks) {
    String text = paragraph.getText();
    int level = headingLevel(document, paragraph.getStyleID());
    if (level > 0) {
      String heading = Text.collapse(text);
      if (!heading.isEmpty()) {
        blocks.add(TextBlock.heading(level, heading, 0));
      }
    } else {
      add(text, blocks);
    }
  }

  /** Title is level 1, Heading N is level N; matches both style ids ("Heading1") and names ("heading 1"). */
  static int headingLevel(XWPFDocument document, String styleId) {
    if (styleId == null) {
      return 0;
    }
    List<String> candidates = new ArrayList<>();
    candidates.add(styleId);
    if (document.getStyles() != null) {
      XWPFStyle style = document.getStyles().getStyle(styleId);
      if (style != null && style.getName() != null) {
        candidates.add(style.getName());
      }
    }
    for (String candidate : candidates) {
      String name = candidate.toLowerCase(Locale.ROOT).replace(" ", "");
      if (name.equals("title")) {
        return 1;
      }
      Matcher m = HEADING_STYLE.matcher(name);
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return 0;
  }

  private static void table(XWPFTable table, List<TextBlock> blocks) {
    for (XWPFTableRow row : table.getRows()) {
      add(row.getTableCells().stream()
          .map(cell -> Text.collapse(cell.getText()))
          .filter(cell -> !cell.isEmpty())
          .collect(Collectors.joining(" | ")), blocks);
    }
  }

  private static void add(String raw, List<TextBlock> blocks) {
    String text = raw.lines().map(Text::collapse).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    if (!text.isEmpty()) {
      blocks.add(TextBlock.paragraph(text, 0));
    }
  }
}

package io.askhr.knowledge;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks the body of word/document.xml in reading order: paragraphs (with their heading level), tables (one line per
 * row, cells joined by " | "), content controls, fields' displayed text, inserted text; deleted text is left out.
 */
final class DocxBody {

  // Tables in tables in content controls: real documents nest a few levels; the cap keeps a hostile file from
  // exhausting the stack.
  static final int MAX_NESTING = 64;

  /** One paragraph as read: its text (tabs and breaks kept for the caller to fold) and its style. */
  record Paragraph(String text, Optional<String> style, Optional<Integer> outline) {}

  /** Where a walk puts what it finds: the body's blocks, or a table cell's text. */
  private interface Sink {
    void paragraph(Paragraph paragraph);

    void row(String line);
  }

  /** Reads the children of the element the reader is on, up to its end tag. */
  private interface Content {
    void read() throws XMLStreamException, DocumentProblem;
  }

  private final XMLStreamReader xml;
  private final Map<String, String> notes;
  private int nesting;

  private DocxBody(XMLStreamReader xml, Map<String, String> notes) {
    this.xml = xml;
    this.notes = notes;
  }

  /** The blocks of word/document.xml, given positioned on its root element. */
  static List<TextBlock> blocks(XMLStreamReader xml, DocxStyles styles, Map<String, String> notes)
      throws XMLStreamException, DocumentProblem {
    if (!DocxXml.isW(xml, "document")) {
      throw new DocumentProblem("not a valid DOCX (its main part is <" + xml.getLocalName()
          + ">, not a Word document; is it a spreadsheet or a presentation?)");
    }
    List<TextBlock> blocks = new ArrayList<>();
    Sink sink = new Sink() {
      @Override
      public void paragraph(Paragraph p) {
        int level = styles.headingLevel(p.style(), p.outline());
        if (level > 0) {
          String heading = Text.collapse(p.text());
          if (!heading.isEmpty()) {
            blocks.add(TextBlock.heading(level, heading, 0));
          }
        } else {
          add(p.text(), blocks);
        }
      }

      @Override
      public void row(String line) {
        add(line, blocks);
      }
    };
    DocxBody body = new DocxBody(xml, notes);
    while (xml.hasNext()) {
      if (xml.next() == START_ELEMENT && DocxXml.isW(xml, "body")) {
        body.blocks(sink);
        break;
      }
    }
    return blocks;
  }

  /**
   * The notes of word/footnotes.xml or word/endnotes.xml by id, each note's paragraphs on lines of their own; {@code
   * kind} is "footnote" or "endnote", the element name.
   */
  static Map<String, String> notes(XMLStreamReader xml, String kind) throws XMLStreamException, DocumentProblem {
    Map<String, String> notes = new HashMap<>();
    DocxBody walker = new DocxBody(xml, Map.of());
    while (xml.hasNext()) {
      if (xml.next() == START_ELEMENT && DocxXml.isW(xml, kind)) {
        String id = DocxXml.wAttribute(xml, "id");
        List<String> lines = new ArrayList<>();
        walker.blocks(new Sink() {
          @Override
          public void paragraph(Paragraph p) {
            lines.add(p.text());
          }

          @Override
          public void row(String line) {
            lines.add(line);
          }
        });
        if (id != null) {
          notes.put(kind + ":" + id, String.join("\n", lines));
        }
      }
    }
    return notes;
  }

  private static void add(String raw, List<TextBlock> blocks) {
    String text = raw.lines().map(Text::collapse).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    if (!text.isEmpty()) {
      blocks.add(TextBlock.paragraph(text, 0));
    }
  }

  private void nested(Content content) throws XMLStreamException, DocumentProblem {
    if (++nesting > MAX_NESTING) {
      throw new DocumentProblem("not a valid DOCX (tables, content controls or links nested more than "
          + MAX_NESTING + " deep)");
    }
    content.read();
    nesting--;
  }

  /** Reads each child element of the element the reader is on with {@code child}, ending on its end tag. */
  private void children(Content child) throws XMLStreamException, DocumentProblem {
    while (true) {
      int event = xml.next();
      if (event == END_ELEMENT) {
        return;
      }
      if (event == START_ELEMENT) {
        child.read();
      }
    }
  }

  /**
   * A content control (w:sdt) or custom XML element around content of the same kind: read through
   * {@code same}; anything else is skipped.
   */
  private void wrapperOrSkip(Content same) throws XMLStreamException, DocumentProblem {
    if (DocxXml.isW(xml, "sdt")) {
      nested(() -> control(same));
    } else if (DocxXml.isW(xml, "customXml")) {
      nested(same);
    } else {
      DocxXml.skip(xml);
    }
  }

  /** Block content: the body, a content control's, a table cell's, a note's. */
  private void blocks(Sink sink) throws XMLStreamException, DocumentProblem {
    children(() -> {
      if (DocxXml.isW(xml, "p")) {
        sink.paragraph(paragraph());
      } else if (DocxXml.isW(xml, "tbl")) {
        nested(() -> rows(sink));
      } else {
        wrapperOrSkip(() -> blocks(sink));
      }
    });
  }

  /** A content control (w:sdt): its properties are skipped, its content read. */
  private void control(Content content) throws XMLStreamException, DocumentProblem {
    children(() -> {
      if (DocxXml.isW(xml, "sdtContent")) {
        content.read();
      } else {
        DocxXml.skip(xml);
      }
    });
  }

  private void rows(Sink sink) throws XMLStreamException, DocumentProblem {
    children(() -> {
      if (DocxXml.isW(xml, "tr")) {
        List<String> cells = new ArrayList<>();
        cells(cells);
        sink.row(cells.stream().filter(c -> !c.isEmpty()).collect(Collectors.joining(" | ")));
      } else {
        wrapperOrSkip(() -> rows(sink));
      }
    });
  }

  private void cells(List<String> cells) throws XMLStreamException, DocumentProblem {
    children(() -> {
      if (DocxXml.isW(xml, "tc")) {
        cells.add(cell());
      } else {
        wrapperOrSkip(() -> cells(cells));
      }
    });
  }

  /** A cell's paragraphs (and any table inside it) on one line. */
  private String cell() throws XMLStreamException, DocumentProblem {
    StringBuilder text = new StringBuilder();
    nested(() -> blocks(new Sink() {
      @Override
      public void paragraph(Paragraph p) {
        text.append(' ').append(p.text());
      }

      @Override
      public void row(String line) {
        text.append(' ').append(line);
      }
    }));
    return Text.collapse(text.toString());
  }

  private Paragraph paragraph() throws XMLStreamException, DocumentProblem {
    Optional<String> style = Optional.empty();
    Optional<Integer> outline = Optional.empty();
    StringBuilder text = new StringBuilder();
    List<String> references = new ArrayList<>();
    while (true) {
      int event = xml.next();
      if (event == END_ELEMENT) {
        break;
      }
      if (event != START_ELEMENT) {
        continue;
      }
      if (DocxXml.isW(xml, "pPr")) {
        // Direct children only: w:pPrChange holds the properties before a tracked change.
        while (xml.nextTag() == START_ELEMENT) {
          if (DocxXml.isW(xml, "pStyle")) {
            style = Optional.ofNullable(DocxXml.wAttribute(xml, "val"));
          } else if (DocxXml.isW(xml, "outlineLvl")) {
            outline = DocxXml.intValue(xml);
          }
          DocxXml.skip(xml);
        }
      } else {
        inline(text, references);
      }
    }
    for (String reference : references) {
      String note = Text.collapse(notes.getOrDefault(reference, ""));
      if (!note.isEmpty()) {
        text.append(" [").append(note).append("]");
      }
    }
    return new Paragraph(text.toString(), style, outline);
  }

  /** One element of a paragraph's content: a run, or something that holds runs. */
  private void inline(StringBuilder text, List<String> references) throws XMLStreamException, DocumentProblem {
    if (DocxXml.isW(xml, "r")) {
      run(text, references);
    } else if (DocxXml.isW(xml, "sdt")) {
      nested(() -> control(() -> inlines(text, references)));
    } else if (DocxXml.isW(xml, "del") || DocxXml.isW(xml, "moveFrom") || !holdsRuns()) {
      // tracked deletions (and the old place of moved text) are not the document's text
      DocxXml.skip(xml);
    } else {
      nested(() -> inlines(text, references));
    }
  }

  private boolean holdsRuns() {
    if (!DocxXml.inW(xml)) {
      return false;
    }
    return switch (xml.getLocalName()) {
      case "hyperlink", "fldSimple", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo" -> true;
      default -> false;
    };
  }

  private void inlines(StringBuilder text, List<String> references) throws XMLStreamException, DocumentProblem {
    children(() -> inline(text, references));
  }

  private void run(StringBuilder text, List<String> references) throws XMLStreamException, DocumentProblem {
    boolean capitals = false;
    while (true) {
      int event = xml.next();
      if (event == END_ELEMENT) {
        return;
      }
      if (event != START_ELEMENT) {
        continue;
      }
      if (!DocxXml.inW(xml)) {
        // mc:AlternateContent and other extensions: skipped, as POI did
        DocxXml.skip(xml);
        continue;
      }
      switch (xml.getLocalName()) {
        case "rPr" -> {
          while (xml.nextTag() == START_ELEMENT) {
            if (DocxXml.isW(xml, "caps") || DocxXml.isW(xml, "smallCaps")) {
              capitals |= DocxXml.isOn(xml);
            }
            DocxXml.skip(xml);
          }
        }
        case "t" -> {
          String t = DocxXml.text(xml);
          text.append(capitals ? t.toUpperCase(Locale.ROOT) : t);
        }
        case "tab", "ptab" -> {
          text.append('\t');
          DocxXml.skip(xml);
        }
        case "br", "cr" -> {
          text.append('\n');
          DocxXml.skip(xml);
        }
        case "noBreakHyphen" -> {
          text.append('\u2011');
          DocxXml.skip(xml);
        }
        case "fldChar" -> checkBox(text);
        case "footnoteReference", "endnoteReference" -> {
          String kind = xml.getLocalName().equals("footnoteReference") ? "footnote" : "endnote";
          String id = DocxXml.wAttribute(xml, "id");
          if (id != null) {
            references.add(kind + ":" + id);
          }
          DocxXml.skip(xml);
        }
        case "drawing", "pict" -> pictureText(text);
        case "ruby" -> nested(() -> ruby(text, references));
        default -> DocxXml.skip(xml); // w:delText, field codes (w:instrText), symbols, ...
      }
    }
  }

  /** A legacy form check box shows as |X| when ticked by default, else |_| (as POI showed it). */
  private void checkBox(StringBuilder text) throws XMLStreamException {
    boolean begin = "begin".equals(DocxXml.wAttribute(xml, "fldCharType"));
    boolean ticked = false;
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == START_ELEMENT) {
        depth++;
        if (DocxXml.isW(xml, "checkBox")) {
          ticked = false;
        } else if (DocxXml.isW(xml, "default")) {
          ticked = DocxXml.isOn(xml);
        }
      } else if (event == END_ELEMENT) {
        depth--;
        if (begin && DocxXml.isW(xml, "checkBox")) {
          text.append(ticked ? "|X|" : "|_|");
        }
      }
    }
  }

  /** The text in a text box or shape drawn inside a run, on lines of its own. */
  private void pictureText(StringBuilder text) throws XMLStreamException {
    List<String> parts = new ArrayList<>();
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == START_ELEMENT) {
        if (DocxXml.isW(xml, "t")) {
          parts.add(DocxXml.text(xml));
        } else {
          depth++;
        }
      } else if (event == END_ELEMENT) {
        depth--;
      }
    }
    if (!parts.isEmpty()) {
      text.append('\n').append(String.join("\n", parts)).append('\n');
    }
  }

  /** Ruby (phonetic guide) text: the base text is read, the guide skipped. */
  private void ruby(StringBuilder text, List<String> references) throws XMLStreamException, DocumentProblem {
    children(() -> {
      if (DocxXml.isW(xml, "rubyBase")) {
        inlines(text, references);
      } else {
        DocxXml.skip(xml);
      }
    });
  }
}

package io.askhr.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown with commonmark-java (CommonMark and GitHub tables): strict front matter ({@link FrontMatter}),
 * headings, paragraphs, lists, tables and code. Template tags and raw HTML are removed before parsing.
 */
final class MarkdownReader implements DocumentReader {

  private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]\\]\\s+");
  private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#[^}]*\\}\\s*$");

  // Eleventy/Jekyll handbooks embed Nunjucks/Liquid tags; comments go with their content, other tags alone.
  private static final Pattern TEMPLATE_COMMENT =
      Pattern.compile("\\{%-?\\s*comment\\s*-?%\\}.*?\\{%-?\\s*endcomment\\s*-?%\\}", Pattern.DOTALL);
  private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{%.*?%\\}|\\{\\{.*?\\}\\}", Pattern.DOTALL);
  private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  private static final Pattern HTML_TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9-]*)(?:\\s[^<>]*)?/?>");
  private static final Set<String> INLINE_TAGS = Set.of(
      "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong",
      "sub", "sup", "time", "u", "var");

  @Override
  public ParsedFile read(Path file) throws IOException, DocumentProblem {
    return parseStrictly(Text.readFile(file));
  }

  /** As {@link #read}, for text in hand; malformed front matter is an {@link IllegalArgumentException}. */
  ParsedFile parse(String text) {
    try {
      return parseStrictly(text);
    } catch (DocumentProblem e) {
      throw new IllegalArgumentException(e.reason(), e);
    }
  }

  private ParsedFile parseStrictly(String text) throws DocumentProblem {
    FrontMatter.Split split = FrontMatter.split(text);
    Optional<String> frontMatter = split.yaml();
    String body = split.body();
    body = TEMPLATE_COMMENT.matcher(body).replaceAll("");
    body = HTML_COMMENT.matcher(body).replaceAll("");
    body = TEMPLATE_TAG.matcher(body).replaceAll("");
    // Raw HTML may spread one tag over several lines (a lone ">" would read as a blockquote), so tags go first;
    // block tags leave a line break behind, so "<p>a</p><p>b</p>" does not become "ab".
    body = HTML_TAG.matcher(body).replaceAll(
        tag -> INLINE_TAGS.contains(tag.group(1).toLowerCase(Locale.ROOT)) ? "" : "\n");
    return new ParsedFile(blocks(body), Optional.empty(), frontMatter);
  }

  /** Blocks of a body, parsed by commonmark-java (CommonMark plus GitHub tables). */
  private static List<TextBlock> blocks(String body) {
    Emitter emitter = new Emitter();
    for (Node node = PARSER.parse(body).getFirstChild(); node != null; node = node.getNext()) {
      emitter.block(node);
    }
    emitter.flushList();
    return emitter.out;
  }

  /** Turns commonmark's tree into text blocks: headings, paragraphs, one block per run of lists, code, tables. */
  private static final class Emitter {

    private final List<TextBlock> out = new ArrayList<>();
    private final List<String> listLines = new ArrayList<>();

    void block(Node node) {
      if (node instanceof ListBlock list) {
        items(list);
        return;
      }
      flushList();
      if (node instanceof Heading heading) {
        String text = Text.collapse(clean(HEADING_ID.matcher(inline(heading)).replaceAll("")));
        if (!text.isEmpty()) {
          out.add(TextBlock.heading(heading.getLevel(), text, 0));
        }
      } else if (node instanceof Paragraph paragraph) {
        paragraph(clean(Text.joinLines(List.of(inline(paragraph).split("\n")))));
      } else if (node instanceof FencedCodeBlock code) {
        paragraph(code.getLiteral().strip());
      } else if (node instanceof IndentedCodeBlock code) {
        paragraph(code.getLiteral().strip());
      } else if (node instanceof BlockQuote quote) {
        for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
          block(child);
        }
        flushList();
      } else if (node instanceof TableBlock table) {
        table(table);
      }
      // Thematic breaks, raw HTML blocks and link reference definitions carry no text.
    }

    private void items(ListBlock list) {
      int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
          ? ordered.getMarkerStartNumber() : 1;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        List<String> parts = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof ListBlock nested) {
            addItem(list, number, parts);
            parts = null;
            items(nested);
          } else if (child instanceof Paragraph || child instanceof Heading) {
            parts = parts == null ? new ArrayList<>() : parts;
            parts.add(Text.collapse(inline(child).replace('\n', ' ')));
          } else if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
            parts = parts == null ? new ArrayList<>() : parts;
            parts.add(Text.collapse(child instanceof FencedCodeBlock f ? f.getLiteral()
                : ((IndentedCodeBlock) child).getLiteral()));
          }
        }
        if (parts != null) {
          addItem(list, number, parts);
        }
        number++;
      }
    }

    private void addItem(ListBlock list, int number, List<String> parts) {
      if (parts == null) {
        return;
      }
      String text = clean(TASK_BOX.matcher(String.join(" ", parts)).replaceFirst(""));
      if (!text.isEmpty()) {
        listLines.add((list instanceof OrderedList ? number + ". " : "- ") + text);
      }
    }

    void flushList() {
      if (!listLines.isEmpty()) {
        paragraph(String.join("\n", listLines));
        listLines.clear();
      }
    }

    private void paragraph(String text) {
      if (!text.isBlank()) {
        out.add(TextBlock.paragraph(text, 0));
      }
    }

    /**
     * Each body row becomes one line that names its columns ("Level: L5; Approval needed: the CPO."), so that a
     * row quoted or embedded on its own still says what its numbers are.
     */
    private void table(TableBlock table) {
      List<String> columns = List.of();
      List<String> rows = new ArrayList<>();
      for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
          List<String> cells = new ArrayList<>();
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            cells.add(Text.collapse(clean(inline(cell))));
          }
          if (section instanceof TableHead) {
            columns = cells;
          } else if (!cells.stream().allMatch(String::isEmpty)) {
            rows.add(labelled(columns, cells));
          }
        }
      }
      String text = String.join("\n", rows);
      if (rows.isEmpty() && !columns.stream().allMatch(String::isEmpty)) {
        text = String.join(" | ", columns);
      }
      paragraph(text);
    }
  }

  /** The text of a node's inline children: emphasis, code and link text kept, images and raw HTML dropped. */
  private static String inline(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(org.commonmark.node.Text literal) {
        text.append(literal.getLiteral());
      }

      @Override
      public void visit(Code code) {
        text.append(code.getLiteral());
      }

      @Override
      public void visit(SoftLineBreak softLineBreak) {
        text.append('\n');
      }

      @Override
      public void visit(HardLineBreak hardLineBreak) {
        text.append('\n');
      }

      @Override
      public void visit(Image image) {
        // An image's alt text is not policy text.
      }

      @Override
      public void visit(HtmlInline html) {
        // Tags were removed before parsing; anything left is markup.
      }
    });
    return text.toString();
  }

  /** A line left with no letter or digit ("-" of an item whose link was a template tag) carries nothing. */
  private static String clean(String text) {
    return text.lines()
        .map(Text::collapse)
        .filter(l -> l.chars().anyMatch(Character::isLetterOrDigit))
        .collect(Collectors.joining("\n"));
  }

  /**
   * "Level: L5 – L6; Approval needed: As above." when every cell has a column name; "Annual leave — Germany: 30
   * days; United States: 20 days." when only the first column (the row's label) has none; else "a | b".
   */
  private static String labelled(List<String> columns, List<String> cells) {
    boolean rowLabels = !columns.isEmpty() && columns.get(0).isEmpty();
    if (columns.size() != cells.size() || columns.stream().skip(rowLabels ? 1 : 0).anyMatch(String::isEmpty)) {
      return String.join(" | ", cells);
    }
    List<String> parts = new ArrayList<>();
    for (int c = rowLabels ? 1 : 0; c < cells.size(); c++) {
      if (!cells.get(c).isEmpty()) {
        parts.add(columns.get(c) + ": " + cells.get(c));
      }
    }
    String row = (rowLabels && !cells.get(0).isEmpty() ? cells.get(0) + " — " : "") + String.join("; ", parts);
    return row.matches(".*[.!?]$") ? row : row + ".";
  }
}

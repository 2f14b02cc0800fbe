package io.askhr.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.parser.Parser;

/** Reads Markdown: front matter, ATX and setext headings, paragraphs, lists, tables and fenced code. */
final class MarkdownReader implements DocumentReader {

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
  private static final Pattern ATX = Pattern.compile("^\\s{0,3}(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
  private static final Pattern SETEXT_1 = Pattern.compile("^\\s{0,3}=+\\s*$");
  private static final Pattern SETEXT_2 = Pattern.compile("^\\s{0,3}-+\\s*$");
  private static final Pattern THEMATIC_BREAK = Pattern.compile("^\\s{0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
  private static final Pattern TABLE_SEPARATOR =
      Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(?:\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
  private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*\\S+");
  private static final Pattern BLOCKQUOTE = Pattern.compile("^\\s{0,3}(?:>\\s?)+");
  private static final Pattern BULLET = Pattern.compile("^\\s*[*+-]\\s+(?:\\[[ xX]\\]\\s+)?");
  private static final Pattern ORDERED = Pattern.compile("^\\s*(\\d{1,3})[.)]\\s+");
  private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#[^}]*\\}\\s*$");

  // Eleventy/Jekyll handbooks embed Nunjucks/Liquid tags; comments go with their content, other tags alone.
  private static final Pattern TEMPLATE_COMMENT =
      Pattern.compile("\\{%-?\\s*comment\\s*-?%\\}.*?\\{%-?\\s*endcomment\\s*-?%\\}", Pattern.DOTALL);
  private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{%.*?%\\}|\\{\\{.*?\\}\\}", Pattern.DOTALL);
  private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  private static final Pattern IMAGE = Pattern.compile(
      "!\\[[^\\]]*\\](?:\\((?:[^()]++|\\([^)]*\\))*+\\)|\\[[^\\]]*\\])");
  // Link text may hold one level of brackets: "[[MAKE A COPY] Checklist](https://…)".
  private static final Pattern LINK =
      Pattern.compile("\\[((?:[^\\[\\]]++|\\[[^\\[\\]]*\\])*+)\\]\\((?:[^()]++|\\([^)]*\\))*+\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");
  private static final Pattern AUTOLINK = Pattern.compile("<((?:https?://|mailto:)[^>\\s]+)>");
  private static final Pattern HTML_TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9-]*)(?:\\s[^<>]*)?/?>");
  private static final Set<String> INLINE_TAGS = Set.of(
      "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong",
      "sub", "sup", "time", "u", "var");
  private static final Pattern CODE = Pattern.compile("`+([^`]+?)`+");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
  private static final Pattern EMPHASIS_STAR = Pattern.compile("(?<![\\w*\\\\])\\*(\\S(?:.*?\\S)?)\\*(?![\\w*])");
  private static final Pattern EMPHASIS_UNDERSCORE = Pattern.compile("(?<![\\w\\\\])_(\\S(?:.*?\\S)?)_(?!\\w)");
  private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])");

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
    return new ParsedFile(new Blocks(body.split("\n", -1)).parse(), Optional.empty(), frontMatter);
  }

  /** Strips inline markup lightly: emphasis, code, links and images, inline HTML and entities. */
  static String inline(String text) {
    String s = IMAGE.matcher(text).replaceAll("");
    s = LINK.matcher(s).replaceAll("$1");
    s = REFERENCE_LINK.matcher(s).replaceAll("$1");
    s = AUTOLINK.matcher(s).replaceAll("$1");
    s = HTML_TAG.matcher(s).replaceAll("");
    s = CODE.matcher(s).replaceAll("$1");
    s = STRONG.matcher(s).replaceAll("$2");
    s = EMPHASIS_STAR.matcher(s).replaceAll("$1");
    s = EMPHASIS_UNDERSCORE.matcher(s).replaceAll("$1");
    s = STRIKE.matcher(s).replaceAll("$1");
    s = ESCAPE.matcher(s).replaceAll("$1");
    s = Parser.unescapeEntities(s, false);
    // A line left with no letter or digit ("-" of a list item whose link was a template tag) carries nothing.
    return s.lines()
        .map(Text::collapse)
        .filter(l -> l.chars().anyMatch(Character::isLetterOrDigit))
        .collect(Collectors.joining("\n"));
  }

  /** One pass over the lines of the body, emitting blocks as they close. */
  private static final class Blocks {

    private final String[] lines;
    private final List<TextBlock> out = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();

    Blocks(String[] lines) {
      this.lines = lines;
    }

    List<TextBlock> parse() {
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        Matcher fence = FENCE.matcher(line);
        if (fence.find()) {
          flush();
          i = code(i, fence.group(1));
        } else if (line.isBlank()) {
          flush();
        } else if (ATX.matcher(line).matches()) {
          flush();
          Matcher atx = ATX.matcher(line);
          atx.matches();
          heading(atx.group(1).length(), atx.group(2) == null ? "" : atx.group(2));
        } else if (SETEXT_1.matcher(line).matches() && canBeSetext()) {
          heading(1, String.join(" ", paragraph));
          paragraph.clear();
        } else if (SETEXT_2.matcher(line).matches() && canBeSetext()) {
          heading(2, String.join(" ", paragraph));
          paragraph.clear();
        } else if (THEMATIC_BREAK.matcher(line).matches()) {
          flush();
        } else if (line.contains("|") && i + 1 < lines.length && isSeparatorRow(lines[i + 1])) {
          flush();
          i = table(i);
        } else if (!LINK_DEFINITION.matcher(line).find()) {
          String unquoted = BLOCKQUOTE.matcher(line).replaceFirst("");
          if (unquoted.isBlank()) {
            flush();
          } else {
            paragraph.add(listMarker(unquoted));
          }
        }
      }
      flush();
      return out;
    }

    private boolean canBeSetext() {
      return !paragraph.isEmpty() && paragraph.stream().noneMatch(Text::isListItem);
    }

    private void heading(int level, String raw) {
      String text = Text.collapse(inline(HEADING_ID.matcher(raw).replaceAll("")));
      if (!text.isEmpty()) {
        out.add(TextBlock.heading(level, text, 0));
      }
    }

    private int code(int open, String fence) {
      List<String> code = new ArrayList<>();
      int i = open + 1;
      for (; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.startsWith(fence) && line.chars().allMatch(c -> c == fence.charAt(0))) {
          break;
        }
        code.add(lines[i].stripTrailing());
      }
      String text = String.join("\n", code).strip();
      if (!text.isEmpty()) {
        out.add(TextBlock.paragraph(text, 0));
      }
      return i;
    }

    /**
     * Each body row becomes one line that names its columns ("Level: L5; Approval needed: the CPO."), so that a
     * row quoted or embedded on its own still says what its numbers are.
     */
    private int table(int header) {
      List<String> columns = cells(lines[header]);
      List<String> rows = new ArrayList<>();
      int i = header + 2;
      for (; i < lines.length && lines[i].contains("|") && !lines[i].isBlank(); i++) {
        List<String> cells = cells(lines[i]);
        if (!cells.stream().allMatch(String::isEmpty)) {
          rows.add(labelled(columns, cells));
        }
      }
      String text = String.join("\n", rows);
      if (rows.isEmpty() && !columns.stream().allMatch(String::isEmpty)) {
        text = String.join(" | ", columns);
      }
      if (!text.isEmpty()) {
        out.add(TextBlock.paragraph(text, 0));
      }
      return i - 1;
    }

    private void flush() {
      if (paragraph.isEmpty()) {
        return;
      }
      String text = inline(Text.joinLines(paragraph));
      paragraph.clear();
      if (!text.isBlank()) {
        out.add(TextBlock.paragraph(text, 0));
      }
    }
  }

  private static boolean isSeparatorRow(String line) {
    return line.contains("|") && line.contains("-") && TABLE_SEPARATOR.matcher(line).matches();
  }

  private static List<String> cells(String line) {
    String s = line.strip();
    if (s.startsWith("|")) {
      s = s.substring(1);
    }
    if (s.endsWith("|") && !s.endsWith("\\|")) {
      s = s.substring(0, s.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : s.split("(?<!\\\\)\\|", -1)) {
      cells.add(Text.collapse(inline(cell.replace("\\|", "|"))));
    }
    return cells;
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


  private static String listMarker(String line) {
    Matcher bullet = BULLET.matcher(line);
    if (bullet.find()) {
      return "- " + line.substring(bullet.end());
    }
    Matcher ordered = ORDERED.matcher(line);
    if (ordered.find()) {
      return ordered.group(1) + ". " + line.substring(ordered.end());
    }
    return line;
  }
}

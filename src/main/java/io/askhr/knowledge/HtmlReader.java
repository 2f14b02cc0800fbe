package io.askhr.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/** Reads HTML pages saved from an intranet or wiki, keeping the main content and dropping the page chrome. */
final class HtmlReader implements DocumentReader {

  // Site chrome and non-content elements; their text would otherwise be repeated in every page's passages.
  private static final String CHROME =
      "script, style, nav, header, footer, aside, form, noscript, template, svg, iframe, button, select";
  private static final Set<String> PARAGRAPHS =
      Set.of("p", "dt", "dd", "figcaption", "caption", "address", "summary", "li");
  private static final Set<String> INLINE = Set.of(
      "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
      "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "img");

  @Override
  public ParsedFile read(Path file) throws IOException {
    return parse(Jsoup.parse(file.toFile(), null, file.toUri().toString()));
  }

  ParsedFile parse(Document document) {
    Optional<String> title = Optional.of(Text.collapse(document.title())).filter(t -> !t.isEmpty());
    document.select(CHROME).remove();
    Element root = contentRoot(document);
    List<TextBlock> blocks = new ArrayList<>();
    children(root, blocks);
    return ParsedFile.of(blocks, title);
  }

  private static Element contentRoot(Document document) {
    Element main = document.selectFirst("main, [role=main]");
    if (main != null) {
      return main;
    }
    Elements articles = document.select("article");
    if (articles.size() == 1) {
      return articles.first();
    }
    return document.body() == null ? document : document.body();
  }

  /** Walks a container, collecting loose inline text into paragraphs between block elements. */
  private static void children(Element container, List<TextBlock> out) {
    StringBuilder loose = new StringBuilder();
    for (Node node : container.childNodes()) {
      if (node instanceof TextNode text) {
        loose.append(text.getWholeText());
      } else if (node instanceof Element element) {
        if (INLINE.contains(element.normalName())) {
          loose.append(' ').append(element.text()).append(' ');
        } else {
          paragraph(Text.collapse(loose.toString()), out);
          loose.setLength(0);
          block(element, out);
        }
      }
    }
    paragraph(Text.collapse(loose.toString()), out);
  }

  private static void block(Element element, List<TextBlock> out) {
    String tag = element.normalName();
    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
      String text = Text.collapse(element.text());
      if (!text.isEmpty()) {
        out.add(TextBlock.heading(tag.charAt(1) - '0', text, 0));
      }
    } else if (tag.equals("pre")) {
      String text = element.wholeText().strip();
      if (!text.isEmpty()) {
        out.add(TextBlock.paragraph(text, 0));
      }
    } else if (tag.equals("ul") || tag.equals("ol")) {
      List<String> items = new ArrayList<>();
      listItems(element, items);
      paragraph(String.join("\n", items), out);
    } else if (tag.equals("table") && element.selectFirst("table table") == null) {
      paragraph(table(element), out);
    } else if (PARAGRAPHS.contains(tag) && !hasBlockChildren(element)) {
      paragraph(element.text(), out);
    } else if (!tag.equals("hr")) {
      children(element, out);
    }
  }

  private static void listItems(Element list, List<String> items) {
    for (Element item : list.children()) {
      if (!item.normalName().equals("li")) {
        continue;
      }
      Element copy = item.clone();
      copy.select("ul, ol").remove();
      String text = Text.collapse(copy.text());
      if (!text.isEmpty()) {
        items.add("- " + text);
      }
      for (Element nested : item.select("> ul, > ol")) {
        listItems(nested, items);
      }
    }
  }

  private static String table(Element table) {
    return table.select("tr").stream()
        .map(row -> row.select("> th, > td").stream()
            .map(cell -> Text.collapse(cell.text()))
            .filter(cell -> !cell.isEmpty())
            .collect(Collectors.joining(" | ")))
        .filter(row -> !row.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  private static boolean hasBlockChildren(Element element) {
    return element.children().stream().anyMatch(child -> !INLINE.contains(child.normalName()));
  }

  private static void paragraph(String raw, List<TextBlock> out) {
    String text = raw.lines().map(Text::collapse).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    if (!text.isEmpty()) {
      out.add(TextBlock.paragraph(text, 0));
    }
  }
}

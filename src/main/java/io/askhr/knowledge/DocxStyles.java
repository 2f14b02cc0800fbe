package io.askhr.knowledge;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The paragraph styles of word/styles.xml, enough to tell which ones are headings and at what level. */
final class DocxStyles {

  private static final Pattern HEADING_STYLE = Pattern.compile("heading([1-9])");
  // Word's outline levels run 0-8 for headings 1-9; 9 means body text.
  private static final int BODY_TEXT_OUTLINE = 9;
  // basedOn chains are a few styles long; the cap only guards against a hand-made loop.
  private static final int MAX_CHAIN = 16;

  private record Style(String id, Optional<String> name, Optional<String> basedOn, Optional<Integer> outline) {}

  static final DocxStyles NONE = new DocxStyles(Map.of());

  private final Map<String, Style> byId;

  private DocxStyles(Map<String, Style> byId) {
    this.byId = byId;
  }

  /**
   * The heading level of a paragraph: Title is level 1 and "Heading N" is level N, by style id ("Heading1") or name
   * ("heading 1"), then a style's outline level, then the same for the style it is based on; a paragraph without a
   * heading style can still carry an outline level of its own. 0 for body text.
   */
  int headingLevel(Optional<String> styleId, Optional<Integer> directOutline) {
    Set<String> seen = new HashSet<>();
    Optional<String> current = styleId;
    while (current.isPresent() && seen.add(current.get()) && seen.size() <= MAX_CHAIN) {
      String id = current.get();
      Style style = byId.get(id);
      int level = nameLevel(id);
      if (level == 0 && style != null && style.name().isPresent()) {
        level = nameLevel(style.name().get());
      }
      if (level == 0 && style != null && style.outline().isPresent()) {
        level = outlineLevel(style.outline().get());
      }
      if (level > 0) {
        return level;
      }
      current = style == null ? Optional.empty() : style.basedOn();
    }
    return directOutline.map(DocxStyles::outlineLevel).orElse(0);
  }

  private static int nameLevel(String candidate) {
    String name = candidate.toLowerCase(Locale.ROOT).replace(" ", "");
    if (name.equals("title")) {
      return 1;
    }
    Matcher m = HEADING_STYLE.matcher(name);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int outlineLevel(int outline) {
    return outline >= 0 && outline < BODY_TEXT_OUTLINE ? outline + 1 : 0;
  }

  /** Parses word/styles.xml, positioned on its root element. */
  static DocxStyles parse(XMLStreamReader xml) throws XMLStreamException {
    Map<String, Style> styles = new HashMap<>();
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT && DocxXml.isW(xml, "style")) {
        String id = DocxXml.wAttribute(xml, "styleId");
        Style style = style(xml, id == null ? "" : id);
        if (id != null) {
          styles.putIfAbsent(id, style);
        }
      }
    }
    return new DocxStyles(Map.copyOf(styles));
  }

  private static Style style(XMLStreamReader xml, String id) throws XMLStreamException {
    Optional<String> name = Optional.empty();
    Optional<String> basedOn = Optional.empty();
    Optional<Integer> outline = Optional.empty();
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (DocxXml.isW(xml, "name")) {
          name = Optional.ofNullable(DocxXml.wAttribute(xml, "val"));
        } else if (DocxXml.isW(xml, "basedOn")) {
          basedOn = Optional.ofNullable(DocxXml.wAttribute(xml, "val"));
        } else if (DocxXml.isW(xml, "outlineLvl")) {
          outline = DocxXml.intValue(xml);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return new Style(id, name, basedOn, outline);
  }
}

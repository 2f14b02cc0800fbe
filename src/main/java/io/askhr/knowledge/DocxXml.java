package io.askhr.knowledge;

import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** WordprocessingML names and the few StAX moves the DOCX parsers share. */
final class DocxXml {

  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  // ISO 29500 Strict, which Word writes when asked ("Strict Open XML Document").
  static final String W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";

  private DocxXml() {}

  /** Whether the reader is on a start or end tag of the WordprocessingML element {@code local}. */
  static boolean isW(XMLStreamReader xml, String local) {
    String ns = xml.getNamespaceURI();
    return local.equals(xml.getLocalName()) && (W.equals(ns) || W_STRICT.equals(ns));
  }

  static boolean inW(XMLStreamReader xml) {
    String ns = xml.getNamespaceURI();
    return W.equals(ns) || W_STRICT.equals(ns);
  }

  static String wAttribute(XMLStreamReader xml, String local) {
    String value = xml.getAttributeValue(W, local);
    return value != null ? value : xml.getAttributeValue(W_STRICT, local);
  }

  static Optional<Integer> intValue(XMLStreamReader xml) {
    String value = wAttribute(xml, "val");
    try {
      return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** An on/off property such as {@code <w:caps/>}: on without a value, off for "0", "false" or "off". */
  static boolean isOn(XMLStreamReader xml) {
    String value = wAttribute(xml, "val");
    return value == null || !(value.equals("0") || value.equals("false") || value.equals("off"));
  }

  /** Skips the element the reader is on, children and all, leaving the reader on its end tag. */
  static void skip(XMLStreamReader xml) throws XMLStreamException {
    readToEnd(xml, null);
  }

  /** The concatenated text of the element the reader is on, at any depth, leaving the reader on its end tag. */
  static String text(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    readToEnd(xml, out);
    return out.toString();
  }

  /** Reads to the end tag of the element the reader is on, adding its text at any depth to {@code text} if given. */
  private static void readToEnd(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (text != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
        text.append(xml.getText());
      }
    }
  }
}

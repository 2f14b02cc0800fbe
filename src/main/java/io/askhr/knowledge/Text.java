package io.askhr.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the readers and the splitter. */
final class Text {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern WORD = Pattern.compile("\\S+");
  // Bullets and "1." / "2)" numbering; letters are left out so "A. Smith" is not taken for an item.
  private static final Pattern LIST_ITEM =
      Pattern.compile("^\\s*(?:[-*+•▪◦‣●○■□➢►–—]|\\d{1,3}[.)])\\s+\\S");

  private Text() {}

  /** Collapses runs of whitespace, including non-breaking spaces, to one space and trims. */
  static String collapse(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").trim();
  }

  static int wordCount(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static boolean isListItem(String line) {
    return LIST_ITEM.matcher(line).find();
  }

  /**
   * Joins the lines of one paragraph: wrapped lines become one line, while each list item keeps a line of its own.
   */
  static String joinLines(List<String> lines) {
    StringBuilder out = new StringBuilder();
    boolean lineOpen = false;
    for (String raw : lines) {
      String line = collapse(raw);
      if (line.isEmpty()) {
        continue;
      }
      if (lineOpen && !isListItem(line)) {
        out.append(' ');
      } else if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line);
      lineOpen = true;
    }
    return out.toString();
  }

  /** "severance-pay.md" becomes "Severance pay". */
  static String humanise(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    String words = collapse(base.replace('_', ' ').replace('-', ' '));
    if (words.isEmpty()) {
      return fileName;
    }
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * Reads a text file as UTF-8, falling back to Windows-1252, which is what Notepad and older Office exports write.
   */
  static String readFile(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, Charset.forName("windows-1252"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}

package io.askhr.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads plain text: paragraphs separated by blank lines, no headings. */
final class PlainTextReader implements DocumentReader {

  @Override
  public ParsedFile read(Path file) throws IOException {
    return parse(Text.readFile(file));
  }

  ParsedFile parse(String text) {
    List<TextBlock> blocks = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        add(blocks, paragraph);
      } else {
        paragraph.add(line);
      }
    }
    add(blocks, paragraph);
    return ParsedFile.of(blocks, Optional.empty());
  }

  private static void add(List<TextBlock> blocks, List<String> paragraph) {
    String text = Text.joinLines(paragraph);
    paragraph.clear();
    if (!text.isEmpty()) {
      blocks.add(TextBlock.paragraph(text, 0));
    }
  }
}

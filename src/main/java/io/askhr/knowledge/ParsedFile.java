package io.askhr.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link DocumentReader} found in a file.
 *
 * @param title the title the format itself declares (HTML title, PDF info, DOCX core properties)
 * @param frontMatter YAML metadata embedded in the file (Markdown front matter)
 */
record ParsedFile(List<TextBlock> blocks, Optional<String> title, Optional<String> frontMatter) {

  ParsedFile {
    blocks = List.copyOf(blocks);
  }

  static ParsedFile of(List<TextBlock> blocks, Optional<String> title) {
    return new ParsedFile(blocks, title, Optional.empty());
  }
}

package io.askhr.knowledge;

/**
 * One block of a document in reading order: a heading or a paragraph.
 *
 * @param level heading level (1 = top) for headings, 0 for paragraphs
 * @param page 1-based page for paged formats (PDF), 0 when the format has no pages
 */
public record TextBlock(Kind kind, int level, String text, int page) {

  /** Whether a block is a heading or body text. */
  public enum Kind { HEADING, PARAGRAPH }

  public static TextBlock heading(int level, String text, int page) {
    return new TextBlock(Kind.HEADING, level, text, page);
  }

  public static TextBlock paragraph(String text, int page) {
    return new TextBlock(Kind.PARAGRAPH, 0, text, page);
  }

  public boolean isHeading() {
    return kind == Kind.HEADING;
  }
}

package io.askhr.retrieval;

/** Names of the Lucene fields of a passage document, in one place for the writer and the searcher. */
final class PolicyFields {
  static final String ID = "id";
  static final String SOURCE = "source";
  static final String HASH = "hash";
  static final String TITLE = "title";
  static final String HEADINGS = "headings";
  static final String TEXT = "text";
  static final String PAGE = "page";
  static final String EFFECTIVE = "effective";
  static final String AUDIENCE = "audience";
  static final String COUNTRY = "country";
  static final String URL = "url";
  static final String VECTOR = "vector";
  /** Digest of the text the vector was computed from, stored: an unchanged passage of an edited file keeps its vector. */
  static final String EMBEDDED = "embedded";
  /** ISO 639-1 code of the passage's document language, stored. */
  static final String LANGUAGE = "language";

  /** Value of {@link #COUNTRY} for passages that apply in every country. */
  static final String ALL_COUNTRIES = "*";

  /** Separates heading-path elements in the stored {@link #HEADINGS} value. */
  static final String HEADING_SEPARATOR = io.askhr.knowledge.PolicyPassage.SECTION_SEPARATOR;

  /** The text of a passage written in {@code language} (not English), analysed with that language's analyzer. */
  static String text(String language) {
    return TEXT + "_" + language;
  }

  private PolicyFields() {}
}

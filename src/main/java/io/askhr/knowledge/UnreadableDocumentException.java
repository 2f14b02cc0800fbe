package io.askhr.knowledge;

/** A file of the knowledge folder that could not be turned into a document, with a reason HR can act on. */
public final class UnreadableDocumentException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String reason;

  public UnreadableDocumentException(String source, String reason) {
    this(source, reason, null);
  }

  public UnreadableDocumentException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** Path of the file relative to the knowledge folder. */
  public String source() {
    return source;
  }

  /** Why the file could not be read, e.g. "password protected". */
  public String reason() {
    return reason;
  }
}

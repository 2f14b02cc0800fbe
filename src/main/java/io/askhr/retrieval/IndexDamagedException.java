package io.askhr.retrieval;

/** The index could not be searched because its files are damaged; it is being rebuilt in the background. */
public final class IndexDamagedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  IndexDamagedException(Throwable cause) {
    super("the search index is damaged and being rebuilt", cause);
  }
}

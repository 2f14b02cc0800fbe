package io.askhr.knowledge;

/** Thrown by readers and metadata parsing; {@link KnowledgeFolder} adds the file name. */
final class DocumentProblem extends Exception {

  private static final long serialVersionUID = 1L;

  DocumentProblem(String reason) {
    super(reason);
  }

  DocumentProblem(String reason, Throwable cause) {
    super(reason, cause);
  }

  String reason() {
    return getMessage();
  }
}

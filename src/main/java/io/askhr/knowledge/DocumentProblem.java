package io.askhr.knowledge;

/** Thrown by readers and metadata parsing; {@link KnowledgeFolder} adds the file name. */
final class DocumentProblem extends Exception {

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

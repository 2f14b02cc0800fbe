package io.askhr.knowledge;

import java.io.IOException;
import java.nio.file.Path;

/** Turns one file format into text blocks in reading order. */
interface DocumentReader {

  ParsedFile read(Path file) throws IOException, DocumentProblem;
}

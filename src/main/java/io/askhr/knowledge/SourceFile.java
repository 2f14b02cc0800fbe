package io.askhr.knowledge;

import java.nio.file.Path;

/**
 * A readable file found in the knowledge folder, identified before it is parsed.
 *
 * @param source path relative to the knowledge folder, with forward slashes
 * @param contentHash SHA-256 of the file and of its sidecar metadata, hex
 */
public record SourceFile(String source, Path path, String contentHash, long sizeBytes) {}

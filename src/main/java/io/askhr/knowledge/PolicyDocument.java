package io.askhr.knowledge;

import java.util.List;

/**
 * A document as read from the knowledge folder, before it is split into passages.
 *
 * @param source path relative to the knowledge folder, with forward slashes
 * @param contentHash hash of the file's bytes and of its sidecar, used to skip unchanged files
 */
public record PolicyDocument(String source, DocumentMetadata metadata, List<TextBlock> blocks, String contentHash) {

  public PolicyDocument {
    blocks = List.copyOf(blocks);
  }
}

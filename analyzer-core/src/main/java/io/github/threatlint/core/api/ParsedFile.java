package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One file parsed into a tree, with the index that locates its pointers and the duplicate keys it
 * had.
 */
public record ParsedFile(
    SourceFile source, JsonNode root, LocationIndex index, List<DuplicateKey> duplicateKeys) {
  public String displayPath() {
    return source.displayPath();
  }
}

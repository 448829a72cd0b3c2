package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One file parsed into a tree, with the index that locates its pointers and the duplicate keys it
 * had. {@code hasAliases}: the file uses YAML aliases, so that one node of its tree may be written
 * at several places; without them, each object or array node is at exactly one place, and its
 * identity names the place (scalar nodes may still be shared: Jackson reuses some). {@code
 * references}: where the JSON parse met the {@code $ref} strings; null for any other tree.
 */
public record ParsedFile(
    SourceFile source,
    JsonNode root,
    LocationIndex index,
    List<DuplicateKey> duplicateKeys,
    boolean hasAliases,
    ReferencePlaces references) {
  public ParsedFile(
      SourceFile source,
      JsonNode root,
      LocationIndex index,
      List<DuplicateKey> duplicateKeys,
      boolean hasAliases) {
    this(source, root, index, duplicateKeys, hasAliases, null);
  }

  public String displayPath() {
    return source.displayPath();
  }
}

package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Region;

/**
 * Something the report points at in the specification: a label ("GET /accounts", "schema
 * Customer"), the file as reports name it, the JSON pointer and the region of the text.
 */
public record Place(String label, String file, String pointer, Region region) {

  static Place of(String label, NodeRef node) {
    return new Place(
        label,
        node.file().displayPath(),
        node.pointer(),
        node.file().index().region(node.pointer()));
  }

  /** {@code file:line}. */
  public String location() {
    return file + ":" + region.startLine();
  }
}

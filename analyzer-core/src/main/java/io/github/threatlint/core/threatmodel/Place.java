package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.facts.ApiFacts;

/**
 * Something the report points at in the specification: a label ("GET /accounts", "schema
 * Customer"), the file as reports name it, the JSON pointer and the region of the text.
 */
public record Place(String label, String file, String pointer, Region region) {

  static Place at(String label, ApiFacts.Site site) {
    return new Place(label, site.file(), site.pointer(), site.region());
  }

  /** {@code file:line}. */
  public String location() {
    return file + ":" + region.startLine();
  }
}

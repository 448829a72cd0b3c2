package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Subschema;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** Property names a schema offers, through {@code $ref}, composition, items and nested objects. */
public final class SchemaProperties {
  private SchemaProperties() {}

  /**
   * Every property name reachable from the schema within {@code maxDepth} nestings; references are
   * followed once each.
   */
  public static Set<String> names(ApiDocument document, NodeRef schema, int maxDepth) {
    Set<String> names = new LinkedHashSet<>();
    collect(document, schema, maxDepth, names, new HashSet<>());
    return names;
  }

  private static void collect(
      ApiDocument document, NodeRef schema, int depth, Set<String> names, Set<NodeRef> seen) {
    NodeRef resolved = document.deref(schema);
    if (resolved == null || !resolved.isObject() || depth < 0 || !seen.add(resolved)) {
      return;
    }
    for (Subschema child : Subschema.of(resolved)) {
      if (child.name() != null) {
        names.add(child.name());
      }
      collect(document, child.schema(), child.name() != null ? depth - 1 : depth, names, seen);
    }
  }
}

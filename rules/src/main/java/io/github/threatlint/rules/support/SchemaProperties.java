package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import java.util.LinkedHashSet;
import java.util.Set;

/** Property names a schema offers, through {@code $ref}, composition, items and nested objects. */
public final class SchemaProperties {
  private SchemaProperties() {}

  /** Every property name reachable from the schema within {@code maxDepth} nestings. */
  public static Set<String> names(ApiDocument document, NodeRef schema, int maxDepth) {
    Set<String> names = new LinkedHashSet<>();
    SchemaGraph graph = SchemaGraph.of(document);
    collect(graph, graph.number(schema), maxDepth, names, new SchemaGraph.Reads(graph.size()));
    return names;
  }

  private static void collect(
      SchemaGraph graph, int schema, int depth, Set<String> names, SchemaGraph.Reads reads) {
    if (schema == SchemaGraph.NONE || depth < 0 || !reads.first(schema, depth)) {
      return;
    }
    for (SchemaGraph.Child child : graph.children(schema)) {
      if (child.name() != null) {
        names.add(child.name());
      }
      collect(graph, child.target(), child.name() != null ? depth - 1 : depth, names, reads);
    }
  }
}

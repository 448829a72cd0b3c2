package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import java.util.LinkedHashSet;
import java.util.Set;

/** Property names a schema offers, through {@code $ref}, composition, items and nested objects. */
public final class SchemaProperties {
  private SchemaProperties() {}

  /**
   * What a search has read, one per thread and cleared for each search: its marks are by schema
   * number, and a graph numbers thousands of schemas (Stripe), so marks made anew for each of
   * correlation-id-missing's 500 request bodies cost more than the searches (8 ms of a cold Stripe
   * run). Marks of an earlier search, of any document, are not this search's.
   */
  private static final ThreadLocal<SchemaGraph.Reads> READS =
      ThreadLocal.withInitial(() -> new SchemaGraph.Reads(64));

  /** Every property name reachable from the schema within {@code maxDepth} nestings. */
  public static Set<String> names(ApiDocument document, NodeRef schema, int maxDepth) {
    Set<String> names = new LinkedHashSet<>();
    SchemaGraph graph = SchemaGraph.of(document);
    SchemaGraph.Reads reads = READS.get();
    reads.clear();
    collect(graph, graph.number(schema), maxDepth, names, reads);
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

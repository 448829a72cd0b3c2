package io.github.threatlint.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Subschema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of a document as a graph, for searches that go deep through references, composition,
 * items and properties (the customer data a response returns, the property names of a body). Each
 * schema a reference leads to is read once per document (its nested schemas, and where their
 * references lead), not once per search: on Stripe, every response schema's search reaches the same
 * few hundred schemas through {@code anyOf} expansions. Schemas are numbered as they are met, so
 * that a search can remember what it has seen in a bit set.
 *
 * <p>The graph grows as searches meet schemas, and rules on several threads may search one
 * document's graph at once (one large document split over the cores): its methods hold the graph's
 * lock. While holding it, they only resolve references, which takes no other lock of a fact, so no
 * thread holding it waits for a thread that waits for it.
 */
public final class SchemaGraph {
  private static final ApiDocument.Fact<SchemaGraph> FACT = SchemaGraph::new;

  /**
   * A schema nested in another: its property name (null when it is not under {@code properties}),
   * where it is written, and the number of the schema it resolves to ({@link #NONE} when its
   * reference does not resolve or it is no object).
   */
  public record Child(String name, NodeRef written, int target) {}

  /** The number of no schema: a reference that does not resolve, or a value that is no object. */
  public static final int NONE = -1;

  private final ApiDocument document;

  /**
   * The numbers of schemas of files without YAML aliases, by node: there an object is written at
   * one place, and a look-up by identity hashes no pointer.
   */
  private final Map<JsonNode, Integer> numbersByNode = new IdentityHashMap<>();

  /** The numbers of schemas of files with aliases, by place (a node may be at several). */
  private final Map<NodeRef, Integer> numbers = new HashMap<>();

  private final List<NodeRef> schemas = new ArrayList<>();
  private final List<List<Child>> children = new ArrayList<>();

  private SchemaGraph(ApiDocument document) {
    this.document = document;
  }

  /** The document's graph, shared by the rules that search its schemas. */
  public static SchemaGraph of(ApiDocument document) {
    return document.fact(FACT);
  }

  /**
   * The number of the schema {@code schema} resolves to (following {@code $ref}), or {@link #NONE}.
   */
  public synchronized int number(NodeRef schema) {
    NodeRef resolved = schema == null ? null : document.deref(schema);
    if (resolved == null || !resolved.isObject()) {
      return NONE;
    }
    boolean byNode = !resolved.file().hasAliases();
    Integer known = byNode ? numbersByNode.get(resolved.node()) : numbers.get(resolved);
    if (known != null) {
      return known;
    }
    int number = schemas.size();
    if (byNode) {
      numbersByNode.put(resolved.node(), number);
    } else {
      numbers.put(resolved, number);
    }
    schemas.add(resolved);
    children.add(null);
    return number;
  }

  /** How many schemas have been numbered so far. */
  public synchronized int size() {
    return schemas.size();
  }

  /** The schemas nested in a numbered schema, in {@link Subschema#of} order. */
  public synchronized List<Child> children(int number) {
    List<Child> known = children.get(number);
    if (known != null) {
      return known;
    }
    List<Child> nested = new ArrayList<>();
    for (Subschema child : Subschema.of(schemas.get(number))) {
      nested.add(new Child(child.name(), child.schema(), number(child.schema())));
    }
    List<Child> computed = List.copyOf(nested);
    children.set(number, computed);
    return computed;
  }

  /**
   * Whether a numbered schema may nest others: false when {@link #children} is empty, or, before
   * they are worked out, when it has none of the keywords under which schemas nest. A search need
   * not read a schema that nests none.
   */
  public synchronized boolean mayNest(int number) {
    List<Child> known = children.get(number);
    return known != null ? !known.isEmpty() : Subschema.hasNestingKeyword(schemas.get(number));
  }

  /**
   * What one search of the graph to a limited depth has read: each schema, with the most property
   * levels the search had left there. A schema met again with more levels left is read again: one
   * first met at the end of a long path, where what it nests is out of reach, may be nested more
   * shallowly too (marked once per search, such a schema's nested names were missed). Cleared for
   * the next search in constant time; it grows with the graph, which numbers schemas as searches
   * meet them.
   */
  public static final class Reads {
    private int search = 1;
    private int[] readBy;
    private int[] levelsLeft;

    /** For a search of one of the graph's first {@code schemas} schemas, usually. */
    public Reads(int schemas) {
      readBy = new int[Math.max(16, schemas)];
      levelsLeft = new int[readBy.length];
    }

    /** Forgets what was read, for a new search. */
    public void clear() {
      search++;
    }

    /**
     * Whether the schema is to be read with {@code levels} property levels left: not when this
     * search read it with as many or more. Noted when it is.
     */
    public boolean first(int schema, int levels) {
      if (schema >= readBy.length) {
        int length = Math.max(schema + 1, readBy.length * 2);
        readBy = Arrays.copyOf(readBy, length);
        levelsLeft = Arrays.copyOf(levelsLeft, length);
      }
      if (readBy[schema] == search && levelsLeft[schema] >= levels) {
        return false;
      }
      readBy[schema] = search;
      levelsLeft[schema] = levels;
      return true;
    }
  }
}

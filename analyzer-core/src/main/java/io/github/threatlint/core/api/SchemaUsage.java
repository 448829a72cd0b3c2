package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether each schema (at the place it is written) is read from clients (an input: parameters and
 * request bodies), returned to them (an output: responses and their headers), or both. Computed
 * once per document by following every operation's schemas through {@code $ref}, composition,
 * items, properties and discriminator hierarchies (a base's {@code mapping}, and the schema
 * definitions that extend it through {@code allOf}). A schema no operation reaches (unused, or
 * reached only through a vendor extension) is no input: nothing says a client sends it, and unused
 * definitions are component-unused's business. Only in a document without any operation (a library
 * of schemas that other documents use) is the use unknown, and rules judge its schemas as inputs.
 *
 * <p>It also records which schemas are branches of an {@code allOf} (written inline or referenced):
 * such a schema is one part of a composed object, and must not be judged as if it were the whole;
 * and which schemas are the whole body of a request (not a nested property). Responses and headers
 * defined for reuse that no operation uses are outputs by their place.
 */
public final class SchemaUsage {
  public static final int INPUT = 1;
  public static final int OUTPUT = 2;

  /**
   * Read from clients as a request header's value (a cookie's too: cookies travel in the {@code
   * Cookie} header), kept apart from {@link #INPUT} (and reported as it by {@link #flags}) so that
   * a schema clients send only in headers can be told: the server's header-size limit bounds such a
   * value before the API reads it.
   */
  private static final int HEADER_INPUT = 4;

  /**
   * Read from clients as a path or query parameter's value, kept apart as {@link #HEADER_INPUT} is:
   * the server's request-line limit bounds such a value before the API reads it.
   */
  private static final int URL_INPUT = 8;

  /** The inputs that the server's own limits on the request line and headers bound. */
  private static final int LIMITED_INPUT = HEADER_INPUT | URL_INPUT;

  /**
   * What is known of each schema, by its node (identity): finding a place is then a lookup without
   * hashing its pointer, which a large document pays for every schema the walk visits. A node that
   * YAML aliases share is written at several places, each with its own entry.
   */
  private final IdentityHashMap<JsonNode, Place> places;

  /** Schema definitions by the base they extend through an {@code allOf} reference. */
  private final Map<NodeRef, List<NodeRef>> extensions = new HashMap<>();

  /** False for a document without operations or webhooks: a library of schemas used elsewhere. */
  private boolean hasOperations;

  /**
   * What a document derived from this one needs to carry this usage ({@link #carried}); null when
   * it may not: an entry needs its place to be told apart from another's (its {@link Place#schema}
   * is not null), which a carried entry would name in the last tree, or a reference led out of the
   * root file.
   */
  private DerivedEdit.Basis basis;

  /** How many entries keep their place to be told apart ({@link Place#schema} not null). */
  private int placesToldApart;

  /**
   * True once {@link #mark} met a reference with schemas beside it that it does not follow (before
   * OAS 3.1): then a schema it walked may hold schemas it did not, and {@link
   * #recordUnmarkedMembers} walks every definition.
   */
  private boolean unwalkedNestedSchemas;

  /** How a request body's whole value is nested: composition and array items, not properties. */
  private static final Set<String> ROOT_KEYWORDS =
      Set.of("allOf", "oneOf", "anyOf", "items", "prefixItems");

  private SchemaUsage(IdentityHashMap<JsonNode, Place> places) {
    this.places = places;
  }

  /** A schema where it is written, with what is known of it. */
  private static final class Place {
    /**
     * The place, to tell it apart from the other places of its node: kept for a scalar (Jackson
     * shares some) and for a node of a file with aliases; null for an object or array of a file
     * without aliases, which is written at one place only.
     */
    final NodeRef schema;

    int flags;
    boolean compositionMember;
    boolean requestRoot;

    /** Another place of the same node (shared through YAML aliases), or null. */
    Place other;

    Place(NodeRef schema) {
      this.schema = schema;
    }
  }

  /**
   * About how many places of schemas the usage records, from the root file's size: one in 290
   * characters of Stripe's JSON (14,500), 280 of GitHub's, 230 of Stripe's YAML, 510 of
   * Kubernetes'. The map of places grew from 32 entries by doubling, and each doubling read every
   * key again: on Stripe JSON 5 of the 50 ms a cold run spends in {@link #compute}. A document with
   * more grows the map further, as before.
   */
  private static int expectedPlaces(ApiDocument document) {
    // the length, not the text: a large file's String is made only when something asks for it
    int length = document.rootFile().source().length();
    return Math.max(32, Math.min(length / 256, 1 << 16));
  }

  /** The entry of the place, or null when nothing is known of it. */
  private Place find(NodeRef schema) {
    return placeAmong(places.get(schema.node()), schema);
  }

  /** The entry of the place among {@code first} and its others, or null. */
  private static Place placeAmong(Place first, NodeRef schema) {
    for (Place place = first; place != null; place = place.other) {
      if (place.schema == null || place.schema.equals(schema)) {
        return place;
      }
    }
    return null;
  }

  /** The entry of the place, made when there is none. */
  private Place place(NodeRef schema) {
    // the node looked up once, for the entry and for where a new one goes
    Place first = places.get(schema.node());
    Place known = placeAmong(first, schema);
    if (known != null) {
      return known;
    }
    boolean writtenOnce = schema.node().isContainerNode() && !schema.file().hasAliases();
    Place made = new Place(writtenOnce ? null : schema);
    placesToldApart += writtenOnce ? 0 : 1;
    if (first == null) {
      places.put(schema.node(), made);
    } else {
      made.other = first.other;
      first.other = made;
    }
    return made;
  }

  static SchemaUsage compute(ApiDocument document) {
    SchemaUsage usage = new SchemaUsage(new IdentityHashMap<>(expectedPlaces(document)));
    usage.indexExtensions(document);
    Deque<NodeRef> pending = new ArrayDeque<>();
    List<Operation> operations = new ArrayList<>(document.allOperations());
    operations.addAll(extensionWebhooks(document));
    usage.hasOperations = !operations.isEmpty();
    for (Operation operation : operations) {
      // callbacks and webhooks are requests the API sends: their bodies are outputs and their
      // responses inputs
      boolean outbound = operation.kind() != Operation.Kind.PATH;
      int request = outbound ? OUTPUT : INPUT;
      int response = outbound ? INPUT : OUTPUT;
      for (Parameter parameter : operation.parameters()) {
        int flag = request == INPUT ? inputFlag(parameter.in()) : request;
        usage.mark(document, parameter.schema(), flag, pending);
        NodeRef content = parameter.node().get("content");
        if (content != null) {
          for (MediaType type : MediaType.content(content)) {
            usage.mark(document, type.schema(), flag, pending);
          }
        }
      }
      for (MediaType type : operation.requestContent()) {
        usage.mark(document, type.schema(), request, pending);
      }
      for (Response reply : operation.responses()) {
        for (MediaType type : reply.content()) {
          usage.mark(document, type.schema(), response, pending);
        }
        for (NodeRef header : reply.headers().values()) {
          usage.mark(
              document, header.has("schema") ? header.get("schema") : header, response, pending);
        }
      }
    }
    usage.markUnreachedResponses(document, pending);
    usage.recordUnmarkedMembers(document);
    usage.markRequestRoots(document);
    usage.basis = usage.placesToldApart == 0 ? DerivedEdit.Basis.of(document) : null;
    return usage;
  }

  /**
   * Member names that the usage reads: the keywords of operations, parameters, media types,
   * responses and schemas, the sections that hold them, and the names of the HTTP methods. A member
   * renamed from or to one of them (or from or to an extension's {@code x-} name, which paths and
   * responses skip) may change the usage.
   */
  private static final Set<String> READ_NAMES = readNames();

  private static Set<String> readNames() {
    Set<String> names =
        new HashSet<>(
            List.of(
                "$ref",
                "openapi",
                "swagger",
                "paths",
                "webhooks",
                "components",
                "schemas",
                "definitions",
                "parameters",
                "requestBody",
                "responses",
                "headers",
                "callbacks",
                "content",
                "schema",
                "in",
                "name",
                "discriminator",
                "mapping"));
    names.addAll(Operation.METHODS);
    names.addAll(Subschema.keywords());
    return Set.copyOf(names);
  }

  /**
   * String members whose value the usage reads: a reference, a parameter's location and name (a
   * path item's parameter is overridden by the operation's of the same location and name).
   */
  private static final Set<String> READ_VALUES = Set.of("$ref", "in", "name");

  /**
   * The usage of {@code document}, carried from {@code last}, the usage of the document its tree
   * was derived from by one edit ({@link LocationIndex#lastEdit}: one string replaced or one key
   * renamed, the containers from the root to it copied, every other node the same object), when the
   * edit cannot change it; else null (work it out). A string value other than a reference, a
   * parameter's {@code in} or {@code name} or a discriminator mapping's is read by nothing here;
   * nor is a member's name, unless it is one the usage reads ({@link #READ_NAMES}), a schema
   * definition's (mappings name them), or a place some followed reference leads to or into (under
   * the old name or the new). The entries are the last usage's (none of them names a place), those
   * of the copied containers moved to the copies.
   */
  static SchemaUsage carried(ApiDocument document, SchemaUsage last) {
    DerivedEdit edit = DerivedEdit.since(last.basis, document.rootFile());
    if (edit == null
        || (edit.isRename()
            ? edit.renames(READ_NAMES) || edit.container.equals(document.version().schemasPointer())
            : READ_VALUES.contains(edit.member) || "mapping".equals(edit.containerName))) {
      return null;
    }
    @SuppressWarnings("unchecked")
    IdentityHashMap<JsonNode, Place> places =
        (IdentityHashMap<JsonNode, Place>) last.places.clone();
    for (Map.Entry<JsonNode, JsonNode> copy : edit.copies().entrySet()) {
      Place place = places.remove(copy.getKey());
      if (place != null) {
        places.put(copy.getValue(), place);
      }
    }
    SchemaUsage usage = new SchemaUsage(places);
    usage.hasOperations = last.hasOperations;
    usage.basis = last.basis.carriedTo(document);
    return usage;
  }

  /**
   * True when a parameter of this location ({@code in}: path, query, header, cookie) is sent in the
   * request line or the headers, whose size the server limits before the API reads them; false for
   * a request body (Swagger 2.0's {@code body} and {@code formData}).
   */
  public static boolean isServerLimited(String in) {
    return inputFlag(in) != INPUT;
  }

  /** The flag of an input read from a parameter of this location ({@code in}). */
  private static int inputFlag(String in) {
    return switch (in) {
      case "header", "cookie" -> HEADER_INPUT;
      case "path", "query" -> URL_INPUT;
      default -> INPUT;
    };
  }

  /**
   * The operations of {@code x-webhooks}, the extension OAS 3.0 documents (GitHub's, Redoc's
   * readers) use for what 3.1 calls webhooks: requests the API sends. The walk does not visit them,
   * but the schemas they refer to are returned to clients, not read from them.
   */
  private static List<Operation> extensionWebhooks(ApiDocument document) {
    List<Operation> webhooks = new ArrayList<>();
    NodeRef extension =
        document.version() == SpecVersion.OPENAPI_3_0 ? document.root().get("x-webhooks") : null;
    if (extension == null) {
      return webhooks;
    }
    for (Map.Entry<String, NodeRef> webhook : extension.members()) {
      NodeRef item = document.deref(webhook.getValue());
      if (item == null || !item.isObject()) {
        continue;
      }
      for (String method : Operation.METHODS) {
        NodeRef operation = item.get(method);
        if (operation != null && operation.isObject()) {
          webhooks.add(
              new Operation(
                  document,
                  Operation.Kind.WEBHOOK,
                  webhook.getKey(),
                  method,
                  item,
                  operation,
                  null));
        }
      }
    }
    return webhooks;
  }

  /**
   * Responses and headers defined for reuse but used by no operation are still returned to clients
   * wherever they will be used: their place says so, and they are not judged as inputs.
   */
  private void markUnreachedResponses(ApiDocument document, Deque<NodeRef> pending) {
    NodeRef root = document.root();
    NodeRef responses =
        document.isSwagger2() ? root.get("responses") : document.component("responses");
    if (responses != null) {
      for (Map.Entry<String, NodeRef> entry : responses.members()) {
        NodeRef response = entry.getValue();
        if (document.isSwagger2()) {
          markIfUnreached(document, response.get("schema"), pending);
        } else {
          for (MediaType type : MediaType.content(response.get("content"))) {
            markIfUnreached(document, type.schema(), pending);
          }
        }
        NodeRef headers = response.get("headers");
        if (headers != null) {
          for (Map.Entry<String, NodeRef> header : headers.members()) {
            NodeRef value = header.getValue();
            markIfUnreached(document, value.has("schema") ? value.get("schema") : value, pending);
          }
        }
      }
    }
    NodeRef headers = document.isSwagger2() ? null : document.component("headers");
    if (headers != null) {
      for (Map.Entry<String, NodeRef> header : headers.members()) {
        markIfUnreached(document, header.getValue().get("schema"), pending);
      }
    }
  }

  private void markIfUnreached(ApiDocument document, NodeRef schema, Deque<NodeRef> pending) {
    if (schema != null && place(schema).flags == 0) {
      mark(document, schema, OUTPUT, pending);
    }
  }

  /**
   * The schemas that are the whole body of a request to the API: each request body's schema,
   * followed through references, composition and array items (not into properties).
   */
  private void markRequestRoots(ApiDocument document) {
    Deque<NodeRef> pending = new ArrayDeque<>();
    for (Operation operation : document.operations()) {
      for (MediaType type : operation.requestContent()) {
        if (type.schema() != null) {
          pending.push(type.schema());
        }
      }
    }
    while (!pending.isEmpty()) {
      NodeRef current = pending.pop();
      if (!current.isObject()) {
        continue;
      }
      Place place = place(current);
      if (place.requestRoot) {
        continue;
      }
      place.requestRoot = true;
      if (current.isRef()) {
        Resolution step = document.step(current);
        if (step.resolved()) {
          pending.push(step.target());
        }
      }
      for (Subschema child : Subschema.of(current)) {
        if (ROOT_KEYWORDS.contains(child.keyword())) {
          pending.push(child.schema());
        }
      }
    }
  }

  /**
   * Which schema definitions (components/schemas or 2.0 definitions) extend which base through an
   * {@code allOf} reference: a discriminator's hierarchy, which {@link #mark} follows.
   */
  private void indexExtensions(ApiDocument document) {
    NodeRef definitions = document.schemaDefinitions();
    if (definitions == null || !definitions.isObject()) {
      return;
    }
    for (Map.Entry<String, NodeRef> entry : definitions.members()) {
      NodeRef definition = document.deref(entry.getValue());
      if (definition == null || !definition.isObject()) {
        continue;
      }
      NodeRef allOf = definition.get("allOf");
      if (allOf != null) {
        for (NodeRef branch : allOf.elements()) {
          NodeRef base = branch.isRef() ? document.deref(branch) : null;
          if (base != null && !base.equals(definition)) {
            extensions.computeIfAbsent(base, key -> new ArrayList<>()).add(definition);
          }
        }
      }
    }
  }

  /**
   * Records the {@code allOf} branches of the schema definitions (nested schemas included) that
   * {@link #mark} did not walk: those no operation reaches, and what lies under them. A schema that
   * {@link #mark} walked had its branches recorded there, and so had every schema nested in it
   * (unless a reference beside schemas stopped it: {@link #unwalkedNestedSchemas}), so its subtree
   * is skipped: most of the definitions of a large document, which walking again cost as much as
   * marking them.
   */
  private void recordUnmarkedMembers(ApiDocument document) {
    NodeRef definitions = document.schemaDefinitions();
    if (definitions == null || !definitions.isObject()) {
      return;
    }
    Deque<NodeRef> pending = new ArrayDeque<>();
    for (Map.Entry<String, NodeRef> entry : definitions.members()) {
      pending.push(entry.getValue());
    }
    while (!pending.isEmpty()) {
      NodeRef current = pending.pop();
      // each place is met once (the definitions are a tree: no reference is followed here)
      if (!current.isObject() || (!unwalkedNestedSchemas && markedWithNested(document, current))) {
        continue;
      }
      recordMembers(document, current);
      for (Subschema child : Subschema.of(current)) {
        pending.push(child.schema());
      }
    }
  }

  /**
   * Whether {@link #mark} walked the schema and the schemas nested in it: it has a flag, and is no
   * reference whose other keywords are not followed (only OAS 3.1 applies them).
   */
  private boolean markedWithNested(ApiDocument document, NodeRef schema) {
    Place place = find(schema);
    return place != null
        && place.flags != 0
        && (!schema.isRef()
            || (document.version() == SpecVersion.OPENAPI_3_1 && schema.node().size() > 1));
  }

  /**
   * Records the {@code allOf} branches of a schema, inline ones and the targets of referenced ones.
   */
  private void recordMembers(ApiDocument document, NodeRef schema) {
    NodeRef allOf = schema.get("allOf");
    if (allOf == null) {
      return;
    }
    for (NodeRef branch : allOf.elements()) {
      place(branch).compositionMember = true;
      if (branch.isRef()) {
        NodeRef target = document.deref(branch);
        if (target != null) {
          place(target).compositionMember = true;
        }
      }
    }
  }

  private void mark(ApiDocument document, NodeRef schema, int flag, Deque<NodeRef> pending) {
    if (schema == null) {
      return;
    }
    pending.push(schema);
    while (!pending.isEmpty()) {
      NodeRef current = pending.pop();
      Place place = place(current);
      int before = place.flags;
      if ((before & flag) != 0) {
        continue;
      }
      place.flags = before | flag;
      String ref = current.ref();
      if (ref != null) {
        Resolution step = document.step(current.file(), ref);
        if (step.resolved()) {
          pending.push(step.target());
        }
        if (document.version() != SpecVersion.OPENAPI_3_1 || current.node().size() == 1) {
          unwalkedNestedSchemas |= current.node().size() > 1 && !Subschema.of(current).isEmpty();
          continue;
        }
        // OAS 3.1: the keywords next to $ref apply too
      }
      if (before == 0) {
        recordMembers(document, current);
      }
      for (Subschema child : Subschema.of(current)) {
        pending.push(child.schema());
      }
      if (current.has("discriminator")) {
        pushHierarchy(document, current, pending);
      }
    }
  }

  /**
   * The members of a discriminator hierarchy: the targets of its mapping and the definitions
   * extending it.
   */
  private void pushHierarchy(ApiDocument document, NodeRef base, Deque<NodeRef> pending) {
    NodeRef mapping = base.get("discriminator").get("mapping");
    if (mapping != null) {
      for (Map.Entry<String, NodeRef> entry : mapping.members()) {
        if (!entry.getValue().node().isTextual()) {
          continue;
        }
        String value = entry.getValue().node().textValue();
        NodeRef target;
        if (value.contains("#")
            || value.contains("/")
            || value.endsWith(".yaml")
            || value.endsWith(".json")) {
          Resolution step = document.step(base.file(), value);
          target = step.resolved() ? step.target() : null;
        } else {
          NodeRef definitions = document.schemaDefinitions();
          target = definitions == null ? null : definitions.get(value);
        }
        if (target != null) {
          pending.push(target);
        }
      }
    }
    for (NodeRef extension : extensions.getOrDefault(base, List.of())) {
      pending.push(extension);
    }
  }

  /**
   * The place asked about last (the same instance) and its entry: the walk hands each schema to the
   * rules one after another, and many ask how it is used. One immutable pair in one field: rules on
   * several threads may ask at once, and each reads a pair whole (a final field's object is seen
   * complete by any thread), either its own or another thread's, and checks whose place it is.
   */
  private Asked last = new Asked(null, null);

  private record Asked(NodeRef schema, Place place) {}

  /**
   * The entry of the place (null when nothing is known of it), remembered for the next question.
   */
  private Place asked(NodeRef schema) {
    Asked known = last;
    if (schema != known.schema()) {
      known = new Asked(schema, find(schema));
      last = known;
    }
    return known.place();
  }

  /** The flags of the schema written at this place; 0 when no operation reaches it. */
  public int flags(NodeRef schema) {
    Place place = asked(schema);
    if (place == null) {
      return 0;
    }
    int flags = place.flags;
    return (flags & LIMITED_INPUT) == 0 ? flags : (flags & ~LIMITED_INPUT) | INPUT;
  }

  /**
   * True when clients send the schema only as the value of request headers or cookies: no request
   * body, path or query parameter reads it.
   */
  public boolean isHeaderOnlyInput(NodeRef schema) {
    return inputFlags(schema) == HEADER_INPUT;
  }

  /**
   * True when clients send the schema only in the URL (path and query parameters) or in request
   * headers (cookies included): no request body reads it, and the server's limits on the request
   * line and headers bound it before the API reads it.
   */
  public boolean isUrlOrHeaderOnlyInput(NodeRef schema) {
    int flags = inputFlags(schema);
    return flags != 0 && (flags & INPUT) == 0;
  }

  /** How clients send the schema: its {@link #INPUT} and {@link #LIMITED_INPUT} flags. */
  private int inputFlags(NodeRef schema) {
    Place place = asked(schema);
    return place == null ? 0 : place.flags & (INPUT | LIMITED_INPUT);
  }

  /**
   * An input, or a schema whose use is unknown (judged as an input): one of a document without
   * operations. In a document with operations, a schema none of them reaches is not sent by
   * clients.
   */
  public boolean isInputOrUnknown(NodeRef schema) {
    int value = flags(schema);
    return (value & INPUT) != 0 || (value == 0 && isUnknown(schema));
  }

  /** True when nothing says how the schema is used: the document has no operation at all. */
  public boolean isUnknown(NodeRef schema) {
    return !hasOperations && flags(schema) == 0;
  }

  public boolean isInput(NodeRef schema) {
    return (flags(schema) & INPUT) != 0;
  }

  public boolean isOutput(NodeRef schema) {
    return (flags(schema) & OUTPUT) != 0;
  }

  /**
   * True when the schema is a branch of an {@code allOf}: written inline in one, or the target of a
   * reference in one (a base type that other schemas extend).
   */
  public boolean isCompositionMember(NodeRef schema) {
    Place place = asked(schema);
    return place != null && place.compositionMember;
  }

  /**
   * True when the schema is the whole body of a request to the API (a request body's schema, or one
   * it refers to, composes or lists as array items), rather than a nested property.
   */
  public boolean isRequestRoot(NodeRef schema) {
    Place place = asked(schema);
    return place != null && place.requestRoot;
  }
}

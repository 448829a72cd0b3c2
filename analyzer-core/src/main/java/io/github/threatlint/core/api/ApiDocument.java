package io.github.threatlint.core.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One API description: its root file, its version, and the facts every rule shares, each computed
 * once on first use (operations, security schemes, servers, schema usage, reference targets). Views
 * read the source tree directly, so every pointer is a pointer of the file as written, in Swagger
 * 2.0 documents too.
 *
 * <p>The rules of one document may run on several threads (one large document split over the
 * cores), so every fact here is safe to ask for from several at once. A fact is computed once: the
 * first thread to ask computes it under that fact's own lock ({@link Once}) and the others wait for
 * it. A computation may ask for other facts, and so hold several locks, but always in the order in
 * which the facts need each other, which has no cycle (a cycle would recurse forever on one thread
 * too), so two threads cannot wait for each other. The caches of small answers (resolutions, steps)
 * are concurrent maps whose values are worked out outside the map: two threads may work one out
 * twice, and the answers are equal.
 */
public final class ApiDocument {
  private static final int MAX_REF_HOPS = 64;

  /**
   * How {@link #parserMessages()} starts a message about a value that swagger-parser cannot read at
   * all; the JSON pointer of the value follows, then {@code ": "} and what was expected.
   */
  public static final String UNREADABLE_VALUE = "swagger-parser cannot read the value at ";

  private final ParsedFile rootFile;
  private final SpecVersion version;
  private final ExternalFiles externalFiles;
  private final Map<NodeRef, Resolution> resolutions = new ConcurrentHashMap<>();

  /**
   * One hop of each reference within a file to a place in it, by its text: a large document names
   * the same schema from hundreds of places, and the walk, the reference users and {@link #resolve}
   * each take the hop. Steps may come from two threads, as file reads do: the root file's map is
   * concurrent, the other files' maps are made under a lock.
   */
  private final Map<String, Resolution> rootFileSteps = new ConcurrentHashMap<>();

  private final Map<ParsedFile, Map<String, Resolution>> otherFileSteps =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private final Once<List<Operation>> allOperations = new Once<>();
  private final Once<Map<String, SecurityScheme>> securitySchemes = new Once<>();
  private final Once<List<Server>> servers = new Once<>();
  private final Once<SchemaUsage> schemaUsage = new Once<>();

  /**
   * The schema usage of the document analysed before this one at its path ({@link #carryFrom}),
   * until this one's is worked out: carried over when this tree was derived from that one's by an
   * edit that cannot change it.
   */
  private final AtomicReference<SchemaUsage> lastUsage = new AtomicReference<>();

  /** The reference users of that document, as {@link #lastUsage}. */
  private final AtomicReference<ReferenceUsers> lastUsers = new AtomicReference<>();

  /** Whether a reference led out of the root file (to a file loaded or not). */
  private volatile boolean readOtherFiles;

  private final Supplier<List<String>> parserMessagesSource;
  private final Once<ReferenceUsers> referenceUsers = new Once<>();
  private final Once<List<String>> parserMessages = new Once<>();
  private final ConcurrentMap<Fact<?>, Once<Object>> facts = new ConcurrentHashMap<>();

  /**
   * The time spent working out the shared facts, by the thread that worked each out, in all and by
   * fact, each fact without the facts it asked for in turn: the engine's timings show it apart from
   * the rule that asked first. Per thread, since a rule's time is its own thread's time less the
   * facts that thread worked out meanwhile (a thread waiting for a fact another one works out
   * counts the wait as its rule's).
   */
  private final ThreadLocal<long[]> factNanos = ThreadLocal.withInitial(() -> new long[1]);

  private final Map<String, Long> factNanosByName = new ConcurrentHashMap<>();

  /**
   * The other files references led to, by name, in the order first read (reads may come from two
   * threads).
   */
  private final Map<String, ParsedFile> referencedFiles =
      Collections.synchronizedMap(new LinkedHashMap<>());

  /**
   * A document whose {@link #parserMessages()} are not available: for views and tests outside a run
   * (the engine supplies swagger-parser's messages to the documents it analyses).
   */
  public ApiDocument(ParsedFile rootFile, SpecVersion version, ExternalFiles externalFiles) {
    this(
        rootFile,
        version,
        externalFiles,
        () -> {
          throw new IllegalStateException(
              "swagger-parser's messages are supplied by the engine, for the documents it analyses");
        });
  }

  /**
   * A document whose {@link #parserMessages()} come from {@code parserMessages}, asked once, on
   * first use.
   */
  public ApiDocument(
      ParsedFile rootFile,
      SpecVersion version,
      ExternalFiles externalFiles,
      Supplier<List<String>> parserMessages) {
    this.rootFile = rootFile;
    this.version = version;
    this.externalFiles = externalFiles;
    this.parserMessagesSource = parserMessages;
  }

  public ParsedFile rootFile() {
    return rootFile;
  }

  /** The root file, then the other files its references led to so far, by name, each once. */
  public List<ParsedFile> files() {
    List<ParsedFile> others = new ArrayList<>();
    synchronized (referencedFiles) {
      for (ParsedFile file : referencedFiles.values()) {
        if (!file.displayPath().equals(rootFile.displayPath())) {
          others.add(file);
        }
      }
    }
    others.sort(java.util.Comparator.comparing(ParsedFile::displayPath));
    List<ParsedFile> files = new ArrayList<>(List.of(rootFile));
    files.addAll(others);
    return files;
  }

  public NodeRef root() {
    return NodeRef.root(rootFile);
  }

  public SpecVersion version() {
    return version;
  }

  public boolean isSwagger2() {
    return version.isSwagger2();
  }

  // ------------------------------------------------------------------ references

  /**
   * Follows {@code $ref} (repeatedly) from {@code node}. A node that is no reference resolves to
   * itself. Results are cached per place, so a reference is resolved once per document.
   */
  public Resolution resolve(NodeRef node) {
    String ref = node == null ? null : node.ref();
    return ref == null ? new Resolution(node, null, false) : resolveReference(node, ref);
  }

  /**
   * The node a reference leads to, or the node itself; null when a reference does not resolve. A
   * node that is no reference (most that rules ask about) is answered without a {@link Resolution}.
   */
  public NodeRef deref(NodeRef node) {
    String ref = node == null ? null : node.ref();
    return ref == null ? node : resolveReference(node, ref).target();
  }

  /** {@link #resolve} of a reference, {@code ref} its {@code $ref} as read. */
  private Resolution resolveReference(NodeRef node, String ref) {
    Resolution cached = resolutions.get(node);
    if (cached != null) {
      return cached;
    }
    Resolution result = follow(node, ref);
    resolutions.put(node, result);
    return result;
  }

  /** Follows the chain from a reference, each hop's {@code $ref} read once. */
  private Resolution follow(NodeRef start, String startRef) {
    NodeRef current = start;
    String ref = startRef;
    List<NodeRef> seen = new ArrayList<>();
    for (int hop = 0; hop < MAX_REF_HOPS; hop++) {
      if (ref == null) {
        return new Resolution(current, null, false);
      }
      if (seen.contains(current)) {
        return new Resolution(null, "the reference forms a cycle through " + current.key(), false);
      }
      seen.add(current);
      Resolution step = step(current.file(), ref);
      if (!step.resolved()) {
        return step;
      }
      current = step.target();
      ref = current.ref();
    }
    return new Resolution(null, "more than " + MAX_REF_HOPS + " references in a chain", false);
  }

  /** One hop: the node one {@code $ref} names, without following further references. */
  public Resolution step(NodeRef refNode) {
    return step(refNode.file(), refNode.ref());
  }

  /**
   * One hop for a reference written as a plain string in {@code from} (a discriminator mapping
   * value, for instance), without following further references.
   */
  public Resolution step(ParsedFile from, String ref) {
    if (!ref.startsWith("#")) {
      return stepFrom(from, ref);
    }
    Map<String, Resolution> known =
        from == rootFile
            ? rootFileSteps
            : otherFileSteps.computeIfAbsent(from, file -> new ConcurrentHashMap<>());
    Resolution step = known.get(ref);
    if (step == null) {
      step = stepFrom(from, ref);
      known.put(ref, step);
    }
    return step;
  }

  private Resolution stepFrom(ParsedFile from, String ref) {
    int hash = ref.indexOf('#');
    String location = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    ParsedFile file = from;
    if (!location.isEmpty()) {
      readOtherFiles = true;
      ExternalFiles.Loaded loaded = externalFiles.load(from, location);
      if (loaded.file() == null) {
        return new Resolution(null, loaded.problem(), loaded.remote());
      }
      file = loaded.file();
      referencedFiles.putIfAbsent(file.displayPath(), file);
    }
    String pointer;
    try {
      pointer = decodeFragment(fragment);
    } catch (IllegalArgumentException e) {
      return new Resolution(
          null, "the fragment '" + fragment + "' is not a valid JSON pointer", false);
    }
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      return new Resolution(
          null,
          "the fragment '#" + fragment + "' is not a JSON pointer (it must start with '/')",
          false);
    }
    NodeRef node = NodeRef.root(file);
    for (String segment : Pointers.segments(pointer)) {
      NodeRef child = node.child(segment);
      if (child == null) {
        String where = location.isEmpty() ? "this file" : file.displayPath();
        return new Resolution(
            null,
            "'" + pointer + "' does not exist in " + where + " (no '" + segment + "')",
            false);
      }
      node = child;
    }
    return new Resolution(new NodeRef(file, pointer, node.node()), null, false);
  }

  /** The pointer a fragment spells, URL-decoded ({@code +} stays itself). */
  private static String decodeFragment(String fragment) {
    return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * The places of the root file that the references followed so far within it name, as JSON
   * pointers (a fragment that is no pointer names none).
   */
  Set<String> referencedPlaces() {
    Set<String> targets = new HashSet<>();
    for (String ref : rootFileSteps.keySet()) {
      try {
        String pointer = decodeFragment(ref.substring(1));
        if (pointer.isEmpty() || pointer.startsWith("/")) {
          targets.add(pointer);
        }
      } catch (IllegalArgumentException e) {
        // names no place
      }
    }
    return targets;
  }

  /** Whether a reference led out of the root file so far (to a file loaded or not). */
  boolean readOtherFiles() {
    return readOtherFiles;
  }

  // ------------------------------------------------------------------ operations

  /** Operations under {@code paths} (not webhooks, not callbacks), in document order. */
  public List<Operation> operations() {
    List<Operation> paths = new ArrayList<>();
    for (Operation operation : allOperations()) {
      if (operation.kind() == Operation.Kind.PATH) {
        paths.add(operation);
      }
    }
    return paths;
  }

  /** Every operation: under paths, under 3.1 webhooks, and in callbacks of path operations. */
  public List<Operation> allOperations() {
    return allOperations.get(this, ApiDocument::findOperations);
  }

  private List<Operation> findOperations() {
    long started = System.nanoTime();
    long factsBefore = factNanos();
    List<Operation> operations = new ArrayList<>();
    NodeRef paths = root().get("paths");
    if (paths != null) {
      for (Map.Entry<String, NodeRef> path : paths.members()) {
        if (!path.getKey().startsWith("x-")) {
          addOperations(operations, Operation.Kind.PATH, path.getKey(), path.getValue(), null);
        }
      }
    }
    NodeRef webhooks = root().get("webhooks");
    if (webhooks != null) {
      for (Map.Entry<String, NodeRef> webhook : webhooks.members()) {
        addOperations(
            operations, Operation.Kind.WEBHOOK, webhook.getKey(), webhook.getValue(), null);
      }
    }
    for (Operation operation : List.copyOf(operations)) {
      NodeRef callbacks = operation.node().get("callbacks");
      if (callbacks == null) {
        continue;
      }
      for (Map.Entry<String, NodeRef> callback : callbacks.members()) {
        NodeRef resolvedCallback = deref(callback.getValue());
        if (resolvedCallback == null) {
          continue;
        }
        for (Map.Entry<String, NodeRef> expression : resolvedCallback.members()) {
          addOperations(
              operations,
              Operation.Kind.CALLBACK,
              expression.getKey(),
              expression.getValue(),
              operation);
        }
      }
    }
    timed("operations", started, factsBefore);
    return Collections.unmodifiableList(operations);
  }

  private void addOperations(
      List<Operation> out,
      Operation.Kind kind,
      String path,
      NodeRef pathItemRef,
      Operation parent) {
    NodeRef pathItem = deref(pathItemRef);
    if (pathItem == null || !pathItem.isObject()) {
      return;
    }
    for (String method : Operation.METHODS) {
      // an operation written as a $ref (one file per operation) is the operation it leads to
      NodeRef operation = deref(pathItem.get(method));
      if (operation != null && operation.isObject()) {
        out.add(new Operation(this, kind, path, method, pathItem, operation, parent));
      }
    }
  }

  // ------------------------------------------------------------------ security

  /**
   * Declared schemes by name: {@code components/securitySchemes} or Swagger 2.0 {@code
   * securityDefinitions}.
   */
  public Map<String, SecurityScheme> securitySchemes() {
    return securitySchemes.get(this, ApiDocument::findSecuritySchemes);
  }

  private Map<String, SecurityScheme> findSecuritySchemes() {
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    NodeRef container =
        isSwagger2() ? root().get("securityDefinitions") : component("securitySchemes");
    if (container != null) {
      for (Map.Entry<String, NodeRef> entry : container.members()) {
        NodeRef definition = deref(entry.getValue());
        if (definition != null && definition.isObject()) {
          schemes.put(
              entry.getKey(),
              new SecurityScheme(entry.getKey(), definition, entry.getValue(), version));
        }
      }
    }
    return Collections.unmodifiableMap(schemes);
  }

  /** The document-wide {@code security}, or null when the document declares none. */
  public SecurityRequirements globalSecurity() {
    NodeRef security = root().get("security");
    return security == null ? null : new SecurityRequirements(security);
  }

  // ------------------------------------------------------------------ components

  /** A components section by name ({@code schemas}, {@code parameters}, ...) of OAS 3, or null. */
  public NodeRef component(String section) {
    NodeRef components = root().get("components");
    return components == null ? null : components.get(section);
  }

  /**
   * The container of reusable schemas: {@code components/schemas} (OAS 3) or {@code definitions}
   * (Swagger 2.0); null when absent.
   */
  public NodeRef schemaDefinitions() {
    return root().at(version.schemasPointer());
  }

  // ------------------------------------------------------------------ servers

  /**
   * Servers of the document: root, path-item and operation {@code servers} of OAS 3; for Swagger
   * 2.0 one server per entry of {@code schemes} (or one for {@code host} when there are none),
   * located on that scheme or on {@code host}.
   */
  public List<Server> servers() {
    return servers.get(this, document -> Collections.unmodifiableList(Server.collect(document)));
  }

  /**
   * Where the document's base URL is written, for a finding about it as a whole: the root {@code
   * servers} (OAS 3); {@code basePath}, else {@code host} (Swagger 2.0). Null when there is none.
   */
  public NodeRef serversNode() {
    NodeRef root = root();
    if (isSwagger2()) {
      return root.has("basePath") ? root.get("basePath") : root.get("host");
    }
    return root.get("servers");
  }

  // ------------------------------------------------------------------ schemas

  /**
   * Whether schemas are read from clients, returned to them, or both; computed once per document.
   */
  public SchemaUsage schemaUsage() {
    return schemaUsage.get(this, ApiDocument::workOutSchemaUsage);
  }

  private SchemaUsage workOutSchemaUsage() {
    return timed(
        "schema-usage",
        () -> carriedOrComputed(lastUsage, SchemaUsage::carried, SchemaUsage::compute));
  }

  /**
   * The fact {@code last} holds, carried to this document when {@code carry} can (null when the
   * edit since may change it), else worked out; {@code last} is emptied either way, so that the
   * last document's fact is not kept beyond this one's first ask.
   */
  private <T> T carriedOrComputed(
      AtomicReference<T> last,
      BiFunction<ApiDocument, T, T> carry,
      Function<ApiDocument, T> compute) {
    T kept = last.getAndSet(null);
    T carried = kept == null ? null : carry.apply(this, kept);
    return carried != null ? carried : compute.apply(this);
  }

  /**
   * Takes what this document may carry over from {@code last}, the document analysed before it at
   * the same path (null: none), instead of working it out again: the schema usage, when last worked
   * it out, this tree was derived from last's ({@link LocationIndex#lastEdit}) and the edit cannot
   * change it ({@link SchemaUsage#carried} decides, when a rule first asks); the reference users
   * likewise ({@link ReferenceUsers#carried}). Only the facts are kept, not {@code last}.
   */
  public void carryFrom(ApiDocument last) {
    if (last != null && last.version == version) {
      lastUsage.set(last.schemaUsage.known());
      lastUsers.set(last.referenceUsers.known());
    }
  }

  /**
   * How to work out a fact about the whole document that several rules need (an index, a search
   * structure). The instance is the fact's key: keep one in a {@code static final} field.
   */
  public interface Fact<T> {
    T compute(ApiDocument document);
  }

  /**
   * The fact for this document, computed on first use and then kept with it, so that rules share it
   * instead of each working it out again (like {@link #schemaUsage()}). Rules on several threads
   * may ask at once: one computes it, the others wait for it. The fact itself is then read from
   * several threads: a fact that changes after it is made (a cache that grows) must be safe for
   * that.
   */
  public <T> T fact(Fact<T> fact) {
    // the map only hands out the fact's Once (computeIfAbsent cannot compute the fact itself:
    // computing one fact may ask for another, and a concurrent map does not allow that)
    Once<Object> once = facts.get(fact);
    if (once == null) {
      once = facts.computeIfAbsent(fact, key -> new Once<>());
    }
    // the lambda that works it out is made only when it is not known yet (see Once.get)
    Object known = once.known();
    if (known == null) {
      known = once.get(() -> timed(factName(fact), () -> fact.compute(this)));
    }
    @SuppressWarnings("unchecked")
    T typed = (T) known;
    return typed;
  }

  /** A fact's name in the timings: the class that defines it (a lambda's or its own). */
  private static String factName(Fact<?> fact) {
    String name = fact.getClass().getSimpleName();
    int lambda = name.indexOf("$$");
    return lambda > 0 ? name.substring(0, lambda) : name;
  }

  private <T> T timed(String name, Supplier<T> compute) {
    long started = System.nanoTime();
    long factsBefore = factNanos();
    T value = compute.get();
    timed(name, started, factsBefore);
    return value;
  }

  /**
   * Counts the fact computed since {@code started}, less the facts it asked for meanwhile (they
   * counted themselves, and raised {@link #factNanos} by their time).
   */
  private void timed(String name, long started, long factsBefore) {
    long own = System.nanoTime() - started - (factNanos() - factsBefore);
    factNanos.get()[0] += own;
    factNanosByName.merge(name, own, Long::sum);
  }

  /**
   * The time the calling thread spent so far working out the shared facts (operations, schema
   * usage, reference users, {@link #fact} facts), for the engine's timings.
   */
  public long factNanos() {
    return factNanos.get()[0];
  }

  /** {@link #factNanos()} by fact, each without the facts it asked for. */
  public Map<String, Long> factNanosByName() {
    return Collections.unmodifiableMap(factNanosByName);
  }

  /** Which operations use each referenced part of the document; computed once per document. */
  public ReferenceUsers referenceUsers() {
    return referenceUsers.get(this, ApiDocument::workOutReferenceUsers);
  }

  private ReferenceUsers workOutReferenceUsers() {
    return timed(
        "reference-users",
        () -> carriedOrComputed(lastUsers, ReferenceUsers::carried, ReferenceUsers::compute));
  }

  /**
   * The structural problems swagger-parser reports (dotted paths, as it words them). A rule that
   * reads them says so ({@link RuleInfo#readsParserMessages()}): a run without such a rule does not
   * pay for swagger-parser's model. A value that stops swagger-parser with an exception is located
   * and reported as {@link #UNREADABLE_VALUE} with its pointer; the other messages are then those
   * of the document without that value.
   */
  public List<String> parserMessages() {
    return parserMessages.get(() -> List.copyOf(parserMessagesSource.get()));
  }
}

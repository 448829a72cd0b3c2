package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Resolution;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.api.Subschema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one walk over a document. It visits every structural node where it is written, carrying its
 * pointer, and hands each to the rules subscribed to its kind. It does not follow {@code $ref}: a
 * reference is reported to reference checks, and a target in another file is queued and visited
 * once, at its own place (its file, its pointer), with the kind the reference expects. A schema
 * reached through several files and names is thus one schema, visited once per document.
 */
final class Walker {
  private final ApiDocument document;
  private final Dispatcher dispatch;
  private final Map<NodeRef, List<Operation>> operationsByNode = new HashMap<>();

  /** Targets to visit, shallowest first, so that a target inside another one is met within it. */
  private final PriorityQueue<Pending> pending = new PriorityQueue<>();

  private final Set<NodeRef> queued = new HashSet<>();

  /**
   * What was visited outside the root file (operations anywhere), so that a node reached twice is
   * visited once.
   */
  private final Set<Visit> visited = new HashSet<>();

  private record Pending(NodeRef node, NodeKind kind, int depth, long order)
      implements Comparable<Pending> {
    /** Shallowest first, then in the order queued. */
    @Override
    public int compareTo(Pending other) {
      return depth != other.depth
          ? Integer.compare(depth, other.depth)
          : Long.compare(order, other.order);
    }
  }

  private record Visit(NodeRef node, NodeKind kind) {
    // what a record's own equals and hashCode compute, written out: those are linked through method
    // handles at their first call, which a class-data archive does not hold (docs/performance.md)
    @Override
    public boolean equals(Object other) {
      return other instanceof Visit that
          && Objects.equals(node, that.node)
          && Objects.equals(kind, that.kind);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(node) * 31 + Objects.hashCode(kind);
    }
  }

  /**
   * Visits each member of a container as one kind, leaving out extensions ({@code x-} names) where
   * they stand among the members (paths, callback expressions, status codes). Made once per walk,
   * one per kind of container: a lambda calling the walker's methods captures the walker, and
   * written at each call it would be made anew at every visit.
   */
  private final class Members implements BiConsumer<String, NodeRef> {
    private final NodeKind kind;
    private final boolean skipsExtensions;

    Members(NodeKind kind, boolean skipsExtensions) {
      this.kind = kind;
      this.skipsExtensions = skipsExtensions;
    }

    @Override
    public void accept(String name, NodeRef member) {
      if (!skipsExtensions || !name.startsWith("x-")) {
        visitAs(member, kind);
      }
    }
  }

  /** Paths and callback expressions, with extensions beside them. */
  private final Members paths = new Members(NodeKind.PATH_ITEM, true);

  /** An operation's responses by status, with extensions beside them. */
  private final Members statusResponses = new Members(NodeKind.RESPONSE, true);

  private final Members pathItems = new Members(NodeKind.PATH_ITEM, false);
  private final Members responses = new Members(NodeKind.RESPONSE, false);
  private final Members callbacks = new Members(NodeKind.CALLBACK, false);
  private final Members schemas = new Members(NodeKind.SCHEMA, false);
  private final Members parameters = new Members(NodeKind.PARAMETER, false);
  private final Members requestBodies = new Members(NodeKind.REQUEST_BODY, false);
  private final Members headers = new Members(NodeKind.HEADER, false);
  private final Members examples = new Members(NodeKind.EXAMPLE, false);
  private final Members links = new Members(NodeKind.LINK, false);
  private final Members mediaTypes = new Members(NodeKind.MEDIA_TYPE, false);

  Walker(ApiDocument document, Dispatcher dispatch) {
    this.document = document;
    this.dispatch = dispatch;
  }

  void walk() {
    for (Operation operation : document.allOperations()) {
      List<Operation> atNode = operationsByNode.get(operation.node());
      if (atNode == null) {
        atNode = new ArrayList<>();
        operationsByNode.put(operation.node(), atNode);
      }
      atNode.add(operation);
    }
    NodeRef root = document.root();
    dispatch.document(document);
    dispatch.node(root, NodeKind.DOCUMENT);
    NodeRef info = root.get("info");
    if (info != null && info.isObject()) {
      dispatch.node(info, NodeKind.INFO);
      visitIfObject(info.get("contact"), NodeKind.CONTACT);
      visitIfObject(info.get("license"), NodeKind.LICENSE);
    }
    visitIfObject(root.get("externalDocs"), NodeKind.EXTERNAL_DOCS);
    NodeRef tags = root.get("tags");
    if (tags != null) {
      for (NodeRef tag : tags.elements()) {
        visitIfObject(tag, NodeKind.TAG);
        if (tag.isObject()) {
          visitIfObject(tag.get("externalDocs"), NodeKind.EXTERNAL_DOCS);
        }
      }
    }
    for (Server server : document.servers()) {
      if (document.version().isOpenApi3()) {
        dispatch.node(server.node(), NodeKind.SERVER);
      }
      dispatch.server(server);
    }
    forEachMember(root.get("paths"), paths);
    forEachMember(root.get("webhooks"), pathItems);
    // every entry, not only the declared schemes: a reference that resolves to no scheme is
    // reported too
    NodeRef schemes =
        document.isSwagger2()
            ? root.get("securityDefinitions")
            : document.component("securitySchemes");
    if (schemes != null) {
      for (Map.Entry<String, NodeRef> entry : schemes.members()) {
        if (entry.getValue().isRef()) {
          visitReference(entry.getValue(), NodeKind.SECURITY_SCHEME);
        }
        SecurityScheme scheme = document.securitySchemes().get(entry.getKey());
        if (scheme != null) {
          dispatch.node(scheme.node(), NodeKind.SECURITY_SCHEME);
          dispatch.securityScheme(scheme);
        }
      }
    }
    if (document.isSwagger2()) {
      forEachMember(root.get("definitions"), schemas);
      forEachMember(root.get("parameters"), parameters);
      forEachMember(root.get("responses"), responses);
    } else {
      NodeRef components = root.get("components");
      if (components != null) {
        forEachMember(components.get("schemas"), schemas);
        forEachMember(components.get("parameters"), parameters);
        forEachMember(components.get("responses"), responses);
        forEachMember(components.get("requestBodies"), requestBodies);
        forEachMember(components.get("headers"), headers);
        forEachMember(components.get("examples"), examples);
        forEachMember(components.get("links"), links);
        forEachMember(components.get("callbacks"), callbacks);
        forEachMember(components.get("pathItems"), pathItems);
      }
    }
    while (!pending.isEmpty()) {
      Pending next = pending.poll();
      visitAs(next.node(), next.kind());
    }
    dispatch.documentEnd(document);
  }

  private void visitAs(NodeRef node, NodeKind kind) {
    switch (kind) {
      case PATH_ITEM -> visitPathItem(node);
      case PARAMETER -> visitParameter(node);
      case REQUEST_BODY -> visitRequestBody(node);
      case RESPONSE -> visitResponse(node);
      case HEADER -> visitHeader(node);
      case SCHEMA -> visitSchema(node, null, null, null);
      case CALLBACK -> visitCallback(node);
      case OPERATION -> visitOperation(node);
      case MEDIA_TYPE -> visitMediaType(node);
      default -> visitSimple(node, kind);
    }
  }

  /**
   * Reports a reference and, when its target lies outside the root file, queues the target to be
   * visited there once (targets in the root file are visited at their own place). Operations are
   * never visited at a place of their own, so their targets are always queued.
   */
  private void visitReference(NodeRef reference, NodeKind expected) {
    dispatch.reference(reference);
    Resolution step = document.step(reference);
    if (!step.resolved()) {
      return;
    }
    boolean elsewhere =
        step.target().file() != document.rootFile() || expected == NodeKind.OPERATION;
    if (elsewhere && queued.add(step.target())) {
      String pointer = step.target().pointer();
      int depth = 0;
      for (int i = 0; i < pointer.length(); i++) {
        if (pointer.charAt(i) == '/') {
          depth++;
        }
      }
      pending.add(new Pending(step.target(), expected, depth, queued.size()));
    }
  }

  private void visitPathItem(NodeRef item) {
    if (item == null || !item.isObject()) {
      return;
    }
    if (!firstVisit(item, NodeKind.PATH_ITEM)) {
      return;
    }
    if (item.isRef()) {
      visitReference(item, NodeKind.PATH_ITEM);
      return;
    }
    dispatch.node(item, NodeKind.PATH_ITEM);
    visitParameters(item.get("parameters"));
    for (String method : Operation.METHODS) {
      NodeRef operationNode = item.get(method);
      if (operationNode != null) {
        visitOperation(operationNode);
      }
    }
  }

  private void visitOperation(NodeRef operationNode) {
    if (!operationNode.isObject()) {
      return;
    }
    if (!firstVisit(operationNode, NodeKind.OPERATION)) {
      return;
    }
    if (operationNode.isRef()) {
      // not in the specification, but written in practice (one file per operation): followed like
      // the others
      visitReference(operationNode, NodeKind.OPERATION);
      return;
    }
    dispatch.node(operationNode, NodeKind.OPERATION);
    for (Operation operation : operationsByNode.getOrDefault(operationNode, List.of())) {
      dispatch.operation(operation);
    }
    visitIfObject(operationNode.get("externalDocs"), NodeKind.EXTERNAL_DOCS);
    visitParameters(operationNode.get("parameters"));
    NodeRef body = operationNode.get("requestBody");
    if (body != null) {
      visitRequestBody(body);
    }
    forEachMember(operationNode.get("responses"), statusResponses);
    forEachMember(operationNode.get("callbacks"), callbacks);
  }

  private void visitCallback(NodeRef callback) {
    if (callback == null || !callback.isObject()) {
      return;
    }
    if (!firstVisit(callback, NodeKind.CALLBACK)) {
      return;
    }
    if (callback.isRef()) {
      visitReference(callback, NodeKind.CALLBACK);
      return;
    }
    dispatch.node(callback, NodeKind.CALLBACK);
    forEachMember(callback, paths);
  }

  private void visitParameters(NodeRef list) {
    if (list != null) {
      for (NodeRef parameter : list.elements()) {
        visitParameter(parameter);
      }
    }
  }

  private void visitParameter(NodeRef parameter) {
    if (parameter == null || !parameter.isObject()) {
      return;
    }
    if (!firstVisit(parameter, NodeKind.PARAMETER)) {
      return;
    }
    if (parameter.isRef()) {
      visitReference(parameter, NodeKind.PARAMETER);
      return;
    }
    dispatch.node(parameter, NodeKind.PARAMETER);
    Parameter view = new Parameter(parameter, parameter, document.version());
    dispatch.parameter(view);
    if (document.isSwagger2()) {
      NodeRef schema = parameter.get("schema");
      // a 2.0 non-body parameter carries its schema keywords inline: it is checked as a schema
      visitSchema(schema != null ? schema : parameter, null, null, null);
      return;
    }
    NodeRef schema = parameter.get("schema");
    if (schema != null) {
      visitSchema(schema, null, null, null);
    }
    visitContent(parameter.get("content"));
    visitExamples(parameter.get("examples"));
  }

  private void visitRequestBody(NodeRef body) {
    if (body == null || !body.isObject()) {
      return;
    }
    if (!firstVisit(body, NodeKind.REQUEST_BODY)) {
      return;
    }
    if (body.isRef()) {
      visitReference(body, NodeKind.REQUEST_BODY);
      return;
    }
    dispatch.node(body, NodeKind.REQUEST_BODY);
    visitContent(body.get("content"));
  }

  private void visitResponse(NodeRef response) {
    if (response == null || !response.isObject()) {
      return;
    }
    if (!firstVisit(response, NodeKind.RESPONSE)) {
      return;
    }
    if (response.isRef()) {
      visitReference(response, NodeKind.RESPONSE);
      return;
    }
    dispatch.node(response, NodeKind.RESPONSE);
    forEachMember(response.get("headers"), headers);
    if (document.isSwagger2()) {
      NodeRef schema = response.get("schema");
      if (schema != null) {
        visitSchema(schema, null, null, null);
      }
      return;
    }
    visitContent(response.get("content"));
    forEachMember(response.get("links"), links);
  }

  private void visitHeader(NodeRef header) {
    if (header == null || !header.isObject()) {
      return;
    }
    if (!firstVisit(header, NodeKind.HEADER)) {
      return;
    }
    if (header.isRef()) {
      visitReference(header, NodeKind.HEADER);
      return;
    }
    dispatch.node(header, NodeKind.HEADER);
    if (document.isSwagger2()) {
      visitSchema(header, null, null, null);
      return;
    }
    NodeRef schema = header.get("schema");
    if (schema != null) {
      visitSchema(schema, null, null, null);
    }
    visitContent(header.get("content"));
  }

  private void visitContent(NodeRef content) {
    forEachMember(content, mediaTypes);
  }

  private void visitMediaType(NodeRef media) {
    if (!media.isObject()) {
      return;
    }
    dispatch.node(media, NodeKind.MEDIA_TYPE);
    NodeRef schema = media.get("schema");
    if (schema != null) {
      visitSchema(schema, null, null, null);
    }
    visitExamples(media.get("examples"));
    NodeRef encodings = media.get("encoding");
    if (encodings != null) {
      for (Map.Entry<String, NodeRef> encoding : encodings.members()) {
        forEachMember(encoding.getValue().get("headers"), headers);
      }
    }
  }

  private void visitExamples(NodeRef container) {
    forEachMember(container, examples);
  }

  private void visitSchema(
      NodeRef schema, String propertyName, SchemaVisit parent, String keyword) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (!firstVisit(schema, NodeKind.SCHEMA)) {
      return;
    }
    if (schema.isRef()) {
      visitReference(schema, NodeKind.SCHEMA);
      if (document.version() != io.github.threatlint.core.api.SpecVersion.OPENAPI_3_1
          || schema.node().size() == 1) {
        return;
      }
    }
    dispatch.node(schema, NodeKind.SCHEMA);
    SchemaVisit visit = new SchemaVisit(schema, propertyName, parent, keyword, document);
    dispatch.schema(visit);
    List<Subschema> children = Subschema.of(schema);
    for (int i = 0; i < children.size(); i++) {
      Subschema child = children.get(i);
      visitSchema(child.schema(), child.name(), visit, child.keyword());
    }
  }

  private void visitSimple(NodeRef node, NodeKind kind) {
    if (node == null || !node.isObject()) {
      return;
    }
    if (!firstVisit(node, kind)) {
      return;
    }
    if (node.isRef()) {
      visitReference(node, kind);
      return;
    }
    dispatch.node(node, kind);
  }

  /**
   * True the first time a node is visited as this kind. Nodes of the root file are visited once by
   * construction; targets in other files may be reached again (a file and a node inside it), and
   * operations written as references may sit anywhere.
   */
  private boolean firstVisit(NodeRef node, NodeKind kind) {
    if (node.file() == document.rootFile() && kind != NodeKind.OPERATION) {
      return true;
    }
    return visited.add(new Visit(node, kind));
  }

  private void visitIfObject(NodeRef node, NodeKind kind) {
    if (node != null && node.isObject()) {
      dispatch.node(node, kind);
    }
  }

  private static void forEachMember(NodeRef container, BiConsumer<String, NodeRef> visitor) {
    if (container != null) {
      container.forEachMember(visitor);
    }
  }
}

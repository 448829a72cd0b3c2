package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.MediaTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@RuleInfo(
    id = "content-type-wildcard",
    title = "Wildcard or undeclared content type",
    description =
        "A request or response media type */* or application/*, or a Swagger 2.0 operation whose body or "
            + "responses have no consumes/produces anywhere: gateways cannot check the Content-Type, and content that is "
            + "parsed as something else than intended (HTML, XML with entities) slips through. Several Swagger 2.0 "
            + "operations without a list, or several OAS 3 operations whose own bodies name a wildcard, are one finding "
            + "for the document, naming the first of them.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 4.5,
    precision = "very-high",
    section = "data")
public final class ContentTypeWildcard
    implements Checks.NodeCheck, Checks.OperationCheck, Checks.DocumentCheck {

  /**
   * OAS 3: every media type where it is written, in request bodies, responses, parameters and
   * headers.
   */
  @Override
  public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
    if (kind != NodeKind.MEDIA_TYPE) {
      return;
    }
    String name = node.name();
    if (MediaTypes.isWildcard(name)
        && !(shared(context.document()) && operationWildcards.containsKey(node))) {
      context.report(
          node,
          "The media type '"
              + name
              + "' accepts or returns any content: name the concrete types "
              + "(application/json, ...) so that gateways can refuse anything else.");
    }
  }

  /**
   * The wildcard media types written in the path operations' own request bodies and responses (not
   * in shared components), each with its operation: computed once per document (a fresh rule
   * instance checks each document).
   */
  private Map<NodeRef, Operation> operationWildcards;

  private Map<NodeRef, Operation> operationWildcards(ApiDocument document) {
    if (operationWildcards == null) {
      operationWildcards = new LinkedHashMap<>();
      for (Operation operation :
          document.isSwagger2() ? List.<Operation>of() : document.operations()) {
        if (operation.kind() != Operation.Kind.PATH) {
          continue;
        }
        List<NodeRef> bodies = new ArrayList<>();
        bodies.add(operation.node().get("requestBody"));
        NodeRef responses = operation.node().get("responses");
        if (responses != null) {
          responses.members().forEach(response -> bodies.add(response.getValue()));
        }
        for (NodeRef body : bodies) {
          NodeRef content = body == null || body.isRef() ? null : body.get("content");
          for (Map.Entry<String, NodeRef> type :
              content == null ? List.<Map.Entry<String, NodeRef>>of() : content.members()) {
            if (MediaTypes.isWildcard(type.getKey())) {
              operationWildcards.put(type.getValue(), operation);
            }
          }
        }
      }
    }
    return operationWildcards;
  }

  /** Several operations name a wildcard in their own bodies: one gap of the document. */
  private boolean shared(ApiDocument document) {
    return operationWildcards(document).values().stream().distinct().count() > 1;
  }

  /**
   * OAS 3: the wildcard media types of several operations' own request bodies and responses (as a
   * converter writes for every response of a Swagger 2.0 document without produces) are one gap of
   * the document: one finding on the paths.
   */
  private void reportOperationWildcards(ApiDocument document, RuleContext context) {
    if (!shared(document)) {
      return;
    }
    Map<NodeRef, Operation> wildcards = operationWildcards;
    Set<String> names = new TreeSet<>();
    wildcards.keySet().forEach(type -> names.add(type.name()));
    List<Operation> operations = wildcards.values().stream().distinct().toList();
    context.report(
        DocumentWide.place(document),
        (names.size() == 1 ? "The media type '" : "The media types '")
            + String.join("', '", names)
            + (names.size() == 1 ? "' accepts or returns" : "' accept or return")
            + " any content in "
            + wildcards.size()
            + " request bodies and responses of "
            + operations.size()
            + " operations ("
            + DocumentWide.firstOf(operations)
            + "): name the concrete types (application/json, ...) so that gateways can refuse anything "
            + "else.");
  }

  /**
   * OAS 3: the wildcards of the operations' own bodies, together. Swagger 2.0: the document's
   * consumes and produces, and the operations with content that no list applies to: one finding for
   * the document when several have none.
   */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // consumes and produces lists are Swagger 2.0 fields (OAS 3 names the media types in content)
    if (!document.isSwagger2()) {
      reportOperationWildcards(document, context);
      return;
    }
    reportWildcards(document.root(), "consumes", context, "the document");
    reportWildcards(document.root(), "produces", context, "the document");
    List<Operation> open = new ArrayList<>();
    Set<String> missing = new TreeSet<>();
    for (Operation operation : document.operations()) {
      List<String> fields = undeclared(operation);
      if (!fields.isEmpty()) {
        open.add(operation);
        missing.addAll(fields);
      }
    }
    if (open.size() == 1) {
      Operation operation = open.get(0);
      List<String> fields = undeclared(operation);
      context.report(
          operation.node(),
          operation.label()
              + " declares no "
              + String.join(" and no ", fields)
              + " (neither the operation nor the document lists a media type), so its content types are left open: list "
              + "the media types (application/json, ...) it "
              + (fields.size() == 2
                  ? "reads and returns"
                  : fields.contains("consumes") ? "reads" : "returns")
              + ".");
    } else if (open.size() > 1) {
      // one gap of the document (it lists no media types), not one finding per operation
      context.report(
          DocumentWide.place(document),
          open.size()
              + " operations declare no "
              + String.join(" or ", missing)
              + " ("
              + DocumentWide.firstOf(open)
              + "), and the document lists none, so their content types are left open: list the media types "
              + "(application/json, ...) once in the document's "
              + String.join(" and ", missing)
              + ".");
    }
  }

  /**
   * The lists that apply to content the operation has but name no media type: consumes, produces.
   */
  private static List<String> undeclared(Operation operation) {
    // the lists before the content: most operations (or their documents) list media types, and
    // whether an operation has a body is read from its parameters (Kubernetes: a third of the
    // rule's 12-18 samples of a cold run, with the same question in checkOperation)
    List<String> missing = new ArrayList<>();
    if (!declared(operation, "consumes") && operation.hasRequestBody()) {
      missing.add("consumes");
    }
    if (!declared(operation, "produces") && returnsContent(operation)) {
      missing.add("produces");
    }
    return missing;
  }

  /** Swagger 2.0: the operation's consumes and produces. */
  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    ApiDocument document = operation.document();
    // consumes and produces lists are Swagger 2.0 fields (OAS 3 names the media types in content)
    if (!document.isSwagger2()) {
      return;
    }
    // a list for content the operation does not have is never applied: a wildcard there opens
    // nothing (whether it has content is asked only when its list names a wildcard)
    if (namesWildcard(operation.node(), "consumes") && operation.hasRequestBody()) {
      reportWildcards(operation.node(), "consumes", context, operation.label());
    }
    if (namesWildcard(operation.node(), "produces") && returnsContent(operation)) {
      reportWildcards(operation.node(), "produces", context, operation.label());
    }
  }

  /** The owner's list (consumes or produces) names a wildcard media type. */
  private static boolean namesWildcard(NodeRef owner, String field) {
    NodeRef list = owner.get(field);
    if (list == null) {
      return false;
    }
    for (NodeRef entry : list.elements()) {
      if (isWildcard(entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWildcard(NodeRef entry) {
    return entry.node().isTextual() && MediaTypes.isWildcard(entry.node().textValue());
  }

  /**
   * The operation's list (which overrides the document's), else the document's, names at least one
   * type.
   */
  private static boolean declared(Operation operation, String field) {
    NodeRef own = operation.node().get(field);
    NodeRef list = own != null ? own : operation.document().root().get(field);
    return list != null && !list.elements().isEmpty();
  }

  private static boolean returnsContent(Operation operation) {
    for (Response response : operation.responses()) {
      if (response.node().has("schema")) {
        return true;
      }
    }
    return false;
  }

  private static void reportWildcards(
      NodeRef owner, String field, RuleContext context, String where) {
    NodeRef list = owner.get(field);
    if (list == null) {
      return;
    }
    for (NodeRef entry : list.elements()) {
      if (isWildcard(entry)) {
        context.report(
            entry,
            "'"
                + entry.node().textValue()
                + "' in the "
                + field
                + " of "
                + where
                + " accepts any "
                + "content: name the concrete media types so that gateways can refuse anything else.");
      }
    }
  }
}

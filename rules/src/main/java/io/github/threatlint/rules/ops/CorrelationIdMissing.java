package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.SchemaGraph;
import io.github.threatlint.rules.support.SchemaProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "correlation-id-missing",
    title = "Operation without correlation id",
    description =
        "An operation that neither accepts nor returns a correlation header (X-Correlation-ID, X-Request-ID, "
            + "Request-Id, traceparent, ...). Without one, a call cannot be followed through client, gateway and backend "
            + "logs, so nobody can tell afterwards which client used which API on behalf of whom, and when.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.HIGH,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API10"},
    sftiAreas = {"AAA", "APIM"},
    sftiScenarios = {
      "Missing traceability on incident investigations",
      "Lack of logging/monitoring"
    },
    mitigations = {"correlation-id"},
    securitySeverity = 3.5,
    precision = "high",
    section = "ops")
public final class CorrelationIdMissing implements Checks.DocumentCheck {
  @RuleOption(
      description =
          "Header names that carry a correlation or trace id, compared ignoring case and separators; "
              + "a request header parameter or a response header of that name, or ending with it after a vendor prefix "
              + "(X-Bunq-Client-Request-Id ends with Request-Id), satisfies the rule. FAPI's x-fapi-interaction-id (UK Open "
              + "Banking, Australia's CDR, Open Finance Brasil) and its webhook twin x-webhook-interaction-id end with "
              + "Interaction-ID.")
  public List<String> headers =
      List.of(
          "X-Correlation-ID",
          "Correlation-ID",
          "X-Request-ID",
          "Request-Id",
          "X-Trace-ID",
          "traceparent",
          "X-B3-TraceId",
          "b3",
          "X-Amzn-Trace-Id",
          "X-Cloud-Trace-Context",
          "X-Transaction-ID",
          "X-FAPI-Interaction-ID",
          "X-Interaction-ID");

  @RuleOption(
      description =
          "Property names of a response body that carry a request id; when every response with a "
              + "body returns one, the operation is traceable and the finding is only a note asking for the header.")
  public List<String> bodyProperties =
      List.of(
          "request_id",
          "requestId",
          "correlation_id",
          "correlationId",
          "trace_id",
          "traceId",
          "interaction_id",
          "interactionId");

  /** The request id property of each body schema asked about, by its number in the schema graph. */
  private final Map<Integer, String> requestIds = new HashMap<>();

  /**
   * One finding per operation without a correlation id, or one for the document when none of its
   * operations has one (a document-wide convention is missing, not an operation's header) or when
   * several authenticated operations lack the header the others have. Operations that authenticate
   * nobody and those that return a request id in every body are notes.
   */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Operation> without = new ArrayList<>();
    List<String> bodyIds = new ArrayList<>();
    int operations = 0;
    for (Operation operation : document.operations()) {
      if (operation.kind() == Operation.Kind.PATH) {
        operations++;
        String header = correlationHeader(operation);
        if (header != null) {
          context.mitigated(operation.node(), "correlation-id", operation.label() + header);
          continue;
        }
        without.add(operation);
        String bodyId = requestIdInEveryBody(operation);
        bodyIds.add(bodyId);
        if (bodyId != null) {
          context.mitigated(
              operation.node(),
              "correlation-id",
              operation.label() + " returns " + bodyId + " in every body");
        } else {
          context.unmitigated(operation.node(), "correlation-id", operation.label());
        }
      }
    }
    if (without.size() > 1 && without.size() == operations) {
      Operation first = without.get(0);
      // a document whose operations all authenticate nobody has no caller to trace: the same
      // advice, as a note
      boolean anyAuthenticated = without.stream().anyMatch(CorrelationIdMissing::authenticates);
      context.report(
          first.node(),
          "None of the document's "
              + operations
              + " operations accepts or returns a "
              + "correlation header ("
              + DocumentWide.firstOf(without)
              + ")"
              + (anyAuthenticated ? "" : ", and none " + "authenticates its caller")
              + ": declare a header parameter such as X-Correlation-ID once in the "
              + "components, reference it from every operation and echo it in the responses, so that each call can be "
              + "traced through all logs.",
          anyAuthenticated ? Level.WARNING : Level.NOTE);
      return;
    }
    List<Operation> untraced = new ArrayList<>();
    for (int i = 0; i < without.size(); i++) {
      Operation operation = without.get(i);
      if (bodyIds.get(i) == null && authenticates(operation)) {
        untraced.add(operation);
      } else {
        checkOperation(operation, bodyIds.get(i), context);
      }
    }
    if (untraced.size() > 1) {
      // the document has the convention and these operations forgot it: one gap, one finding
      int traced = operations - without.size();
      context.report(
          DocumentWide.place(document),
          untraced.size()
              + " of the document's "
              + operations
              + " operations accept no correlation header and return none ("
              + DocumentWide.firstOf(untraced)
              + "), although "
              + traced
              + (traced == 1 ? " does" : " do")
              + ": reference the same header parameter (such as X-Correlation-ID, declared once in the "
              + "components) from each and echo it in the responses, so that each call can be traced through all "
              + "logs.");
    } else {
      for (Operation operation : untraced) {
        checkOperation(operation, null, context);
      }
    }
  }

  /** {@code bodyId}: the request id every response body returns, or null. */
  private void checkOperation(Operation operation, String bodyId, RuleContext context) {
    if (bodyId != null) {
      context.report(
          operation.node(),
          operation.label()
              + " accepts no correlation header and returns none, but every "
              + "response body carries the request id '"
              + bodyId
              + "': calls can be traced, though gateways and proxies "
              + "log headers, not bodies. Consider also returning it in a header such as X-Request-ID.",
          Level.NOTE);
      return;
    }
    if (!authenticates(operation)) {
      context.report(
          operation.node(),
          operation.label()
              + " accepts no correlation header and returns none; it "
              + "authenticates nobody (public reference data, discovery), so there is no caller to trace, but a correlation "
              + "id still helps support: consider a header such as X-Correlation-ID.",
          Level.NOTE);
      return;
    }
    context.report(
        operation.node(),
        operation.label()
            + " accepts no correlation header and returns none: add a "
            + "header parameter such as X-Correlation-ID (declared once in the components and referenced by every "
            + "operation) and echo it in the responses, so that each call can be traced through all logs.");
  }

  /** True when every way to call the operation needs credentials. */
  private static boolean authenticates(Operation operation) {
    SecurityRequirements security = operation.security();
    return security != null && !security.allowsAnonymous();
  }

  /**
   * How the operation carries a correlation id in a header (" takes X-Request-ID"), or null when it
   * does not.
   */
  private String correlationHeader(Operation operation) {
    for (Parameter parameter : operation.parameters("header")) {
      if (isCorrelationHeader(parameter.name())) {
        return " takes " + parameter.name();
      }
    }
    for (Response response : operation.responses()) {
      for (String name : response.headers().keySet()) {
        if (isCorrelationHeader(name)) {
          return " returns " + name;
        }
      }
    }
    return null;
  }

  /**
   * The body property that carries a request id in every response with a JSON body (at the top
   * level or one level down, as in {@code meta.request_id}), or null when a response lacks one or
   * no response has a body. The bodies of the responses other than success are read first: they are
   * mostly one error schema that all operations share, read once, and when it lacks a request id
   * the operation's own success body need not be read (Stripe: every operation's default response
   * is the error schema, and reading the 417 success bodies' properties was 14 of the rule's 19
   * samples of a cold run).
   */
  private String requestIdInEveryBody(Operation operation) {
    List<NodeRef> successBodies = new ArrayList<>();
    List<NodeRef> otherBodies = new ArrayList<>();
    NodeRef last = null;
    for (Response response : operation.responses()) {
      for (MediaType content : response.content()) {
        if (content.schema() != null) {
          (response.isSuccess() ? successBodies : otherBodies).add(content.schema());
          last = content.schema();
        }
      }
    }
    for (List<NodeRef> bodies : List.of(otherBodies, successBodies)) {
      for (NodeRef body : bodies) {
        if (requestId(operation.document(), body) == null) {
          return null;
        }
      }
    }
    return last == null ? null : requestId(operation.document(), last);
  }

  /**
   * The request id property of a body schema (the last of its property names, one level deep, that
   * is one), or null; worked out once per schema, since most operations return the same few (an
   * error schema in every response).
   */
  private String requestId(ApiDocument document, NodeRef schema) {
    int number = SchemaGraph.of(document).number(schema);
    if (requestIds.containsKey(number)) {
      return requestIds.get(number);
    }
    String name = null;
    for (String property : SchemaProperties.names(document, schema, 1)) {
      if (Words.isAny(property, bodyProperties)) {
        name = property;
      }
    }
    requestIds.put(number, name);
    return name;
  }

  /** The name is a configured header, or ends with one (without its "X-") after a vendor prefix. */
  private boolean isCorrelationHeader(String name) {
    return Words.isAny(name, headers) || Words.endsWithAny(name, headers, 1);
  }
}

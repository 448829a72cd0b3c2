package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RelatedLocation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaUsage;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.InlineParameters;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.Regexes;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

@RuleInfo(
    id = "string-max-length",
    title = "Input string without a maximum length",
    description =
        "A string that clients send (parameter or request body) with no maxLength, enum, const, fixed-size "
            + "format, bounded value type (x-cds-type DateString, AmountString, ...) or length-bounding pattern: the API "
            + "accepts values of any size, which costs memory, storage and "
            + "processing and lets oversized payloads through to the back end. A parameter written inline the same way "
            + "in several operations is one finding, on its first copy, naming them.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.HIGH,
    readsProse = false,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    mitigations = {"input-validation"},
    securitySeverity = 5.0,
    precision = "high",
    section = "data")
public final class StringMaxLength implements Checks.SchemaCheck {
  @RuleOption(
      description = "Formats whose values have a bounded size, so that they need no maxLength.")
  public List<String> boundedFormats = List.of("date", "date-time", "time", "uuid", "ipv4", "ipv6");

  @RuleOption(description = "Also check strings of responses, not only inputs.")
  public boolean includeResponses = false;

  /** Files and encoded payloads: upload-unbounded judges them. */
  private static final List<String> UPLOAD_FORMATS = List.of("binary", "byte");

  /**
   * Signed or encrypted tokens in compact form (CDR's registration request is {@code format: JWT}):
   * the receiver verifies the signature and validates the claims by the payload's own schema.
   */
  private static final List<String> TOKEN_FORMATS = List.of("jwt", "jws", "jwe");

  /**
   * The string schemas that are the whole body of a request sent only as a document of a media type
   * other than JSON, forms or multipart (an XML pain.001, a text file): such a document's size is
   * the body-size limit's to cap, and its own schema (an XSD) checks its content. A string that is
   * also a JSON body, or an element of an array body, is a value like any other.
   */
  private static final ApiDocument.Fact<Set<NodeRef>> DOCUMENT_BODIES =
      StringMaxLength::documentBodies;

  private static Set<NodeRef> documentBodies(ApiDocument document) {
    Set<NodeRef> documents = new HashSet<>();
    Set<NodeRef> values = new HashSet<>();
    for (Operation operation : document.operations()) {
      for (MediaType type : operation.requestContent()) {
        String name = type.name();
        boolean value =
            MediaTypes.isJson(name)
                || MediaTypes.isForm(name)
                || MediaTypes.isMultipart(name)
                || MediaTypes.isWildcard(name);
        wholeBody(document, type.schema(), value ? values : documents);
      }
    }
    documents.removeAll(values);
    return documents;
  }

  /** The schema and those it is through references and compositions (not array items). */
  private static void wholeBody(ApiDocument document, NodeRef schema, Set<NodeRef> into) {
    Deque<NodeRef> pending = new ArrayDeque<>();
    if (schema != null) {
      pending.push(schema);
    }
    while (!pending.isEmpty()) {
      NodeRef current = pending.pop();
      if (!current.isObject() || !into.add(current)) {
        continue;
      }
      if (current.isRef()) {
        NodeRef target = document.deref(current);
        if (target != null) {
          pending.push(target);
        }
        continue;
      }
      for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
        NodeRef alternatives = current.get(keyword);
        if (alternatives != null) {
          alternatives.elements().forEach(pending::push);
        }
      }
    }
  }

  /**
   * {@link #boundsLength(NodeRef)} as the test {@link Schemas#declares} takes, made once: a lambda
   * that reads the rule's options is made anew at each evaluation, and in C1's code through method
   * handles into the VM (0.9 samples of a cold Stripe run, for every string schema).
   */
  private final Predicate<NodeRef> boundsLength = this::boundsLength;

  /** A constraint that bounds the string's length, in the schema itself. */
  private boolean boundsLength(NodeRef node) {
    return node.has("maxLength")
        || Schemas.isEnumerated(node)
        || Schemas.formatIn(node, boundedFormats)
        || Regexes.boundsLength(node.text("pattern"));
  }

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (schema.isRef() || !Schemas.isString(schema) || !Schemas.judged(visit, includeResponses)) {
      return;
    }
    if (Schemas.formatIn(schema, UPLOAD_FORMATS)
        || schema.has("contentEncoding")
        || schema.has("contentMediaType")) {
      return;
    }
    boolean bounded = Schemas.declares(visit, boundsLength) || Schemas.hasBoundedValueType(schema);
    if (bounded) {
      context.mitigated(
          schema,
          "input-validation",
          visit,
          judged -> SchemaLabels.of(judged.document(), judged.node()) + " (bounded string)");
    } else if (!isSignedToken(schema)) {
      String label = SchemaLabels.of(visit.document(), schema);
      context.unmitigated(schema, "input-validation", label + " (string without maxLength)");
      if (InlineParameters.isRepeat(visit.document(), schema)) {
        return; // the first copy's finding names this operation too
      }
      String pattern = schema.text("pattern");
      String note =
          pattern != null
                  && !Regexes.isAnchored(pattern)
                  && Regexes.boundsLength("^(?:" + pattern + ")$")
              ? " (its pattern would bound the length if it were anchored with ^ and $)"
              : "";
      String message =
          InlineParameters.label(visit.document(), schema, label)
              + " is a string "
              + Schemas.usageLabel(visit)
              + " without maxLength"
              + note
              + ": add maxLength (or an enum, or a fixed-size format such as uuid or date) so that oversized values "
              + "are refused before they reach the back end.";
      List<RelatedLocation> copies = InlineParameters.laterCopies(visit.document(), schema);
      String serverLimit = serverLimit(schema, visit.document().schemaUsage());
      if (serverLimit != null) {
        context.report(schema, message + serverLimit, Level.NOTE, copies);
      } else if (visit.document().fact(DOCUMENT_BODIES).contains(schema)) {
        context.report(
            schema,
            message
                + " (The whole request body, a document of its media type: the server's body-size limit caps it,"
                + " and the document's own schema, such as an XSD, checks it.)",
            Level.NOTE,
            copies);
      } else {
        context.report(schema, message, null, copies);
      }
    }
  }

  /**
   * Why the server's own limits bound the value before the API reads it, as the parenthesis of the
   * note, or null: the HTTP server caps the size of all headers (8 KB by default; cookies travel in
   * the Cookie header) and that of the request line (path and query, 8 KB in common servers and
   * gateways). A parameter's own schema is judged by its location, a shared one by how clients send
   * it ({@link SchemaUsage}).
   */
  private static String serverLimit(NodeRef schema, SchemaUsage usage) {
    JsonNode parameter = Schemas.parameterOf(schema);
    if (parameter != null) {
      String in = parameter.path("in").asText();
      return switch (in) {
        case "header" -> " (A header: the server's header-size limit bounds it already.)";
        case "cookie" ->
            " (A cookie: it travels in the Cookie header, which the server's header-size limit bounds"
                + " already.)";
        case "path", "query" ->
            " (A " + in + " parameter: the server's request-line limit bounds it already.)";
        default -> null;
      };
    }
    if (usage.isHeaderOnlyInput(schema)) {
      return " (Clients send it only in headers: the server's header-size limit bounds it already.)";
    }
    if (usage.isUrlOrHeaderOnlyInput(schema)) {
      return " (Clients send it only in the URL or headers: the server's limits on the request line"
          + " and headers bound it already.)";
    }
    return null;
  }

  /**
   * A JWT or JWS: a token format, or the whole content of a signed-token media type ({@code
   * application/jwt}, as FAPI event notifications and registration requests are sent).
   */
  private static boolean isSignedToken(NodeRef schema) {
    String format = Schemas.format(schema);
    if (format != null && TOKEN_FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (!"schema".equals(schema.name())) {
      return false;
    }
    List<String> segments = schema.segments();
    int size = segments.size();
    return size >= 3
        && segments.get(size - 3).equals("content")
        && MediaTypes.isSignedToken(segments.get(size - 2));
  }
}

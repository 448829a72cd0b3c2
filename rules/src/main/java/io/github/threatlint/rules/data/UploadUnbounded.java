package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "upload-unbounded",
    title = "Upload without a size limit",
    description =
        "A binary or multipart upload (format binary or byte, application/octet-stream, multipart/*) whose "
            + "file field has no maxLength: nothing tells clients, gateways and servers how large a file may be, so one "
            + "request can fill memory or storage.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Exfiltrating large amount of data", "Malicious code or data injection"},
    securitySeverity = 5.5,
    precision = "high",
    section = "data")
public final class UploadUnbounded implements Checks.SchemaCheck, Checks.PathOperationCheck {
  private static final List<String> FILE_FORMATS = List.of("binary", "byte");

  private final Set<NodeRef> reported = new HashSet<>();

  /**
   * File fields wherever they are written: binary or base64 strings, 3.1 encoded content, 2.0 file
   * parameters.
   */
  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    // the schema's own keywords first, then how clients use it; a header (a certificate in
    // TPP-Signature-Certificate) is bounded by the server's header-size limit
    if (schema.isRef()
        || !isFile(schema)
        || !visit.isInput()
        || Schemas.isReadOnly(visit)
        || isHeader(Schemas.parameterOf(schema))) {
      return;
    }
    if (!Schemas.declares(visit, node -> node.has("maxLength")) && reported.add(schema)) {
      String what =
          "byte".equals(Schemas.format(schema)) || schema.has("contentEncoding")
              ? "is base64-encoded content"
              : "is an uploaded file";
      context.report(
          schema,
          SchemaLabels.of(visit.document(), schema)
              + " "
              + what
              + " without maxLength: declare the largest size the "
              + "API accepts (maxLength), so that gateways and servers can refuse larger uploads early.");
    }
  }

  /** Binary request bodies with no schema, or a schema that is a string without a size. */
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    for (MediaType type : operation.requestContent()) {
      boolean multipart = MediaTypes.isMultipart(type.name());
      if (!multipart && !MediaTypes.isBinary(type.name())) {
        continue;
      }
      if (type.schema() == null) {
        if (reported.add(type.node())) {
          context.report(
              type.node(),
              "The "
                  + type.name()
                  + " request body of "
                  + operation.label()
                  + " has no schema, "
                  + "so no size limit: add a schema "
                  + (multipart
                      ? "whose file fields declare maxLength"
                      : "of type string, " + "format binary, with maxLength")
                  + " (the largest size in bytes the API accepts).");
        }
        continue;
      }
      NodeRef body = operation.document().deref(type.schema());
      if (!multipart
          && body != null
          && Schemas.isString(body)
          && !isFile(body)
          && !body.has("maxLength")
          && reported.add(body)) {
        context.report(
            body,
            "The "
                + type.name()
                + " request body of "
                + operation.label()
                + " is a string without "
                + "maxLength: declare the largest size in bytes the API accepts.");
      }
    }
  }

  private static boolean isHeader(JsonNode parameter) {
    return parameter != null && "header".equals(parameter.path("in").asText());
  }

  private static boolean isFile(NodeRef schema) {
    if (Schemas.hasType(schema, "file")) {
      return true;
    }
    return Schemas.isString(schema)
        && (Schemas.formatIn(schema, FILE_FORMATS)
            || schema.has("contentMediaType")
            || schema.has("contentEncoding"));
  }
}

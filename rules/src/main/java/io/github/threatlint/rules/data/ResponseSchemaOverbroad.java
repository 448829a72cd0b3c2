package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "response-schema-overbroad",
    title = "Success response without a precise schema",
    description =
        "A 2xx response with content but no schema, an untyped schema, or a free-form object (no properties, "
            + "or additionalProperties: true): nothing bounds what the API returns, so back ends can leak more data than the "
            + "client, or the customer who consented, should see. An empty object that is a placeholder (a 202 "
            + "Accepted, or a description that says the data is not available yet) is a note.",
    level = Level.WARNING,
    owasp2023 = {"API3"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {
      "TPP gets more information than the user wants to give",
      "Inadequate data filtering"
    },
    mitigations = {"explicit-response-schemas"},
    securitySeverity = 5.0,
    precision = "high",
    section = "data")
public final class ResponseSchemaOverbroad implements Checks.PathOperationCheck {
  /** Words of a response description that say the body carries no data yet. */
  private static final List<String> PLACEHOLDER_PHRASES =
      List.of("not available yet", "not yet available", "placeholder", "no data yet");

  private static final String NO_PROPERTIES =
      "is an object that lists no properties, so any field may be returned";

  private final Set<NodeRef> reported = new HashSet<>();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    for (Response response : operation.responses()) {
      // a 204 has no body by definition (RFC 9110): whatever schema it declares is never sent
      if (!response.isSuccess() || response.status().equals("204")) {
        continue;
      }
      for (MediaType type : response.content()) {
        // a response defined once in components is judged there, not in the words of one of its
        // operations
        String where =
            response.entry().isRef()
                ? "Response '"
                    + SchemaLabels.definitionName(response.node())
                    + "' ("
                    + type.name()
                    + ")"
                : "Response "
                    + response.status()
                    + " of "
                    + operation.label()
                    + " ("
                    + type.name()
                    + ")";
        if (type.schema() == null) {
          if (MediaTypes.isStructured(type.name())) {
            context.unmitigated(type.node(), "explicit-response-schemas", where + " (no schema)");
          }
          if (MediaTypes.isStructured(type.name()) && reported.add(type.node())) {
            context.report(
                type.node(),
                where
                    + " has no schema: describe exactly the fields it returns, so that "
                    + "nothing more than the documented data can leave the API.");
          }
          continue;
        }
        check(operation.document(), type.schema(), where, placeholder(response), context);
      }
    }
  }

  /**
   * Why the response is a placeholder whose body carries no data yet, or null: its description says
   * the data is not available yet, or it is a 202 Accepted, whose body only acknowledges the
   * request.
   */
  private static String placeholder(Response response) {
    String description = Words.lower(response.node().text("description"));
    for (String phrase : PLACEHOLDER_PHRASES) {
      if (description.contains(phrase)) {
        return "its description says '" + phrase + "'";
      }
    }
    return response.status().equals("202")
        ? "a 202 Accepted, whose body only acknowledges the request"
        : null;
  }

  private void check(
      ApiDocument document,
      NodeRef written,
      String where,
      String placeholder,
      RuleContext context) {
    NodeRef schema = document.deref(written);
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (Schemas.isArray(schema) && schema.get("items") != null) {
      NodeRef items = document.deref(schema.get("items"));
      String problem = items == null || !items.isObject() ? null : problem(items);
      evidence(items == null ? schema : items, where, problem, context);
      if (problem != null && reported.add(items)) {
        context.report(
            items,
            where
                + " returns an array whose items ("
                + SchemaLabels.of(document, items)
                + ") "
                + problem
                + ": list the properties each element returns.");
      }
      return;
    }
    String problem = problem(schema);
    evidence(schema, where, problem, context);
    if (NO_PROPERTIES.equals(problem) && placeholder != null && reported.add(schema)) {
      context.report(
          schema,
          where
              + " is an object without properties, a placeholder ("
              + placeholder
              + "): it returns no data today. List its properties once it does; if it stays empty, say so "
              + "with maxProperties: 0.",
          Level.NOTE);
      return;
    }
    if (problem != null && reported.add(schema)) {
      boolean inline =
          schema.equals(written) && !SchemaLabels.of(document, schema).startsWith("schema ");
      NodeRef at =
          schema.has("additionalProperties") && schema.has("properties")
              ? schema.get("additionalProperties")
              : schema;
      context.report(
          at,
          where
              + (inline ? " " : " returns " + SchemaLabels.of(document, schema) + ", which ")
              + problem
              + ": list the properties it returns and set additionalProperties: false (maxProperties: 0 if it is always empty).");
    }
  }

  private static void evidence(NodeRef schema, String where, String problem, RuleContext context) {
    if (problem == null) {
      context.mitigated(schema, "explicit-response-schemas", where);
    } else {
      context.unmitigated(schema, "explicit-response-schemas", where + " (" + problem + ")");
    }
  }

  /** Why the schema lets anything be returned, or null. */
  private static String problem(NodeRef schema) {
    if (!Schemas.isShaped(schema)) {
      return "is untyped";
    }
    if (schema.has("allOf")
        || schema.has("oneOf")
        || schema.has("anyOf")
        || schema.has("$ref")
        || !Schemas.isObject(schema)) {
      return null;
    }
    JsonNode additional = schema.node().get("additionalProperties");
    JsonNode maxProperties = schema.node().get("maxProperties");
    if (maxProperties != null
        && maxProperties.isNumber()
        && maxProperties.decimalValue().signum() == 0) {
      // compared exactly: intValue() wraps 4294967296 (and 1e100) around to 0
      return null;
    }
    boolean openAdditional =
        additional != null
            && ((additional.isBoolean() && additional.booleanValue())
                || (additional.isObject() && additional.isEmpty()));
    boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
    boolean listsProperties =
        schema.has("properties") && !schema.node().get("properties").isEmpty();
    boolean mapOfSchemas = additional != null && additional.isObject() && !additional.isEmpty();
    if (openAdditional) {
      return "accepts any additional property (additionalProperties: "
          + (additional.isBoolean() ? "true" : "{}")
          + ")";
    }
    if (!listsProperties && !mapOfSchemas && !closed && !schema.has("patternProperties")) {
      return NO_PROPERTIES;
    }
    return null;
  }
}

package io.github.threatlint.core.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spectral's {@code schema} function: the target validated against a JSON Schema (drafts 4, 6, 7,
 * 2019-09 and 2020-12) with networknt's validator. Options: {@code schema} (required), {@code
 * dialect} ({@code auto}, the default, reads the schema's {@code $schema}; else draft4, draft6,
 * draft7, draft2019-09, draft2020-12) and {@code allErrors} (default false: only the first problem,
 * as Spectral reports). The schema is compiled once, when the ruleset is read, with its {@code
 * $ref}s: as Spectral's ajv, a {@code $ref} resolves inside the schema or to a JSON Schema
 * meta-schema (the validator's own copies: no file or network is read). Any other {@code $ref} (a
 * pointer outside the schema, such as {@code #/components/schemas/Error}, a file, a URL) is refused
 * then: Spectral fails to compile such a schema and, for a rule on the resolved document, silently
 * reports nothing.
 */
final class SchemaFunction {
  private static final Map<String, SpecificationVersion> DIALECTS =
      Map.of(
          "draft4", SpecificationVersion.DRAFT_4,
          "draft6", SpecificationVersion.DRAFT_6,
          "draft7", SpecificationVersion.DRAFT_7,
          "draft2019-09", SpecificationVersion.DRAFT_2019_09,
          "draft2020-12", SpecificationVersion.DRAFT_2020_12);

  /** JSON Schema's meta-schemas, which the validator has copies of. */
  private static final Pattern META_SCHEMAS = Pattern.compile("https?://json-schema\\.org/.*");

  private SchemaFunction() {}

  static RuleFunction create(JsonNode options) {
    String example =
        "{ \"schema\": { \"type\": \"object\" } }, { \"schema\": { \"type\": \"object\" }, \"dialect\": \"draft7\" }";
    if (options == null || !options.isObject()) {
      throw new IllegalArgumentException(
          "\"schema\" function has invalid options specified. Example valid options: " + example);
    }
    for (Iterator<String> keys = options.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!List.of("schema", "dialect", "allErrors", "prepareResults").contains(key)) {
        throw new IllegalArgumentException(
            "\"schema\" function does not support \"" + key + "\" option");
      }
    }
    JsonNode schemaNode = options.get("schema");
    if (schemaNode == null || !(schemaNode.isObject() || schemaNode.isBoolean())) {
      throw new IllegalArgumentException(
          "\"schema\" function and its \"schema\" option must be an object or a boolean. Example valid options: "
              + example);
    }
    JsonNode dialectNode = options.get("dialect");
    String dialect = dialectNode == null ? "auto" : dialectNode.asText();
    if (dialectNode != null && !dialectNode.isTextual()
        || !(dialect.equals("auto") || DIALECTS.containsKey(dialect))) {
      throw new IllegalArgumentException(
          "\"schema\" function and its \"dialect\" option accept only the following values: auto, "
              + String.join(
                  ", ", List.of("draft4", "draft6", "draft7", "draft2019-09", "draft2020-12")));
    }
    JsonNode allErrorsNode = options.get("allErrors");
    if (allErrorsNode != null && !allErrorsNode.isBoolean()) {
      throw new IllegalArgumentException(
          "\"schema\" function and its \"allErrors\" option must be a boolean");
    }
    boolean allErrors = allErrorsNode != null && allErrorsNode.booleanValue();
    SpecificationVersion version =
        dialect.equals("auto") ? detect(schemaNode) : DIALECTS.get(dialect);
    Schema schema;
    try {
      schema =
          SchemaRegistry.withDefaultDialect(
                  version,
                  registry ->
                      registry.schemaLoader(
                          loader ->
                              loader
                                  .fetchRemoteResources(false)
                                  .allow(iri -> META_SCHEMAS.matcher(iri.toString()).matches())))
              .getSchema(schemaNode);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the schema cannot be read: " + e.getMessage());
    }
    try {
      // resolves every $ref now, so that one that cannot be resolved is refused with the ruleset
      schema.initializeValidators();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "a $ref of the schema cannot be resolved ("
              + e.getMessage()
              + "); as in Spectral, a $ref points inside functionOptions.schema or to a JSON Schema"
              + " meta-schema");
    }
    return target -> {
      if (target.value() == FilterExpression.UNDEFINED) {
        return CoreFunctions.one(CoreFunctions.PROPERTY + "must exist");
      }
      JsonNode value = target.view().materialize(target.place());
      List<Error> errors = schema.validate(value);
      List<RuleFunction.Result> results = new ArrayList<>();
      for (Error error : errors) {
        results.add(new RuleFunction.Result(message(error), below(error.getInstanceLocation())));
        if (!allErrors) {
          break;
        }
      }
      return results;
    };
  }

  /** The draft a schema names in {@code $schema}; draft 7 when it names none, as Spectral does. */
  private static SpecificationVersion detect(JsonNode schema) {
    JsonNode id = schema.isObject() ? schema.get("$schema") : null;
    String uri = id != null && id.isTextual() ? id.textValue() : "";
    if (uri.contains("draft-04")) {
      return SpecificationVersion.DRAFT_4;
    }
    if (uri.contains("draft-06")) {
      return SpecificationVersion.DRAFT_6;
    }
    if (uri.contains("2019-09")) {
      return SpecificationVersion.DRAFT_2019_09;
    }
    if (uri.contains("2020-12")) {
      return SpecificationVersion.DRAFT_2020_12;
    }
    return SpecificationVersion.DRAFT_7;
  }

  /** The validator's message without the place it starts with (the finding shows the place). */
  private static String message(Error error) {
    String text = error.getMessage();
    String location = error.getInstanceLocation().toString();
    if (text.startsWith(location + ": ")) {
      text = text.substring(location.length() + 2);
    }
    return CoreFunctions.PROPERTY + text;
  }

  private static List<Object> below(NodePath path) {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      keys.add(element instanceof Integer index ? index : String.valueOf(element));
    }
    return keys;
  }
}

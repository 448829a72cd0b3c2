package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether swagger-parser's OpenAPI 3.0 deserializer (2.1.48, run as {@link ParserMessages} runs it:
 * references not resolved, empty strings allowed, schema types inferred) certainly reports nothing
 * about a tree, so that its model need not be built for spec-invalid (on Stripe's JSON 0.13 s of a
 * cold run's 0.72 s of wall and 0.24 s of its CPU, for no message).
 *
 * <p>The answer is one-sided: true only when every object holds nothing but the fields the
 * deserializer reads for its type (or {@code x-} extensions), each of the JSON type it expects
 * (stricter where it would convert silently: a boolean written as a string, a number as a string),
 * the required fields are there, and none of the conditions it warns about holds (duplicate
 * operation ids, tags or parameters, undeclared path parameters, {@code example} beside {@code
 * examples}, component names outside its pattern, schema references to components that are not
 * there, dates it cannot decode, ...). Anything else, and every OpenAPI 3.1 or Swagger 2.0
 * document, is false: "don't know", the model is built as before. Each object type's fields are a
 * table ({@link Fields}, named as the deserializer names its lists) of what each is read as ({@link
 * Read}, naming the deserializer's method); the method of an object type adds what the table cannot
 * say (required fields, conditions between fields). docs/swagger-parser-messages.md lists the
 * conditions it was written for (on an upgrade of swagger-parser, read the new deserializer against
 * it). {@code ParserMessagesPrecheckTest} holds the field lists against the deserializer's own and
 * conditions against its messages; {@code ParserMessagesPrecheckMutationTest} a few thousand
 * mutants.
 *
 * <p>The tables are read by one loop ({@link #fields}) and one switch ({@link #reads}), not by a
 * method per object type that tests each field in turn: written that way, the class was the largest
 * of ours that C1 compiled in a cold run on Stripe's JSON (up to 70 KB of code; now 45 KB), and its
 * many methods ran interpreted for longer (a third of its samples; now a fifth).
 */
final class ParserMessagesPrecheck {
  /**
   * What the deserializer reads a field as: a JSON type it takes as it is (stricter here where it
   * would convert silently), or an object, map or list it reads with a method of its own.
   */
  enum Read {
    /** Read by the object type's own method (a {@code $ref}, a style, a field others depend on). */
    APART,
    /** getString. */
    TEXT,
    /** getBoolean. */
    BOOLEAN,
    /** getBigDecimal, getInteger: a finite number. */
    NUMBER,
    /** getBigDecimal of a schema's multipleOf, which must be positive. */
    POSITIVE_NUMBER,
    /** getAnyType of an example or a value: anything, but a number must be finite. */
    ANY,
    /** getObject. */
    OBJECT,
    /** getArray. */
    ARRAY,
    /** getString of a contact's or license's url, which java.net.URL must accept. */
    URL,
    /** getArray of strings (a schema's required). */
    TEXTS,
    /** getServerVariable's enum: an array of strings, numbers, booleans or nulls. */
    VALUES,
    /** getInfo. */
    INFO,
    /** getContact. */
    CONTACT,
    /** getLicense. */
    LICENSE,
    /** getExternalDocs. */
    EXTERNAL_DOCS,
    /** getTagList, getTag. */
    TAGS,
    /** getServersList. */
    SERVERS,
    /** getServer. */
    SERVER,
    /** getServerVariables (its members, x- ones too, are variables). */
    SERVER_VARIABLES,
    /** getServerVariable. */
    SERVER_VARIABLE,
    /** getPathItem. */
    PATH_ITEM,
    /** getOperation. */
    OPERATION,
    /** getParameterList. */
    PARAMETERS,
    /** getParameter. */
    PARAMETER,
    /** getRequestBody. */
    REQUEST_BODY,
    /** getResponses. */
    RESPONSES,
    /** getResponse. */
    RESPONSE,
    /** getHeaders. */
    HEADERS,
    /** getHeader. */
    HEADER,
    /** getContent. */
    CONTENT,
    /** getMediaType. */
    MEDIA_TYPE,
    /** getExamples. */
    EXAMPLES,
    /** getExample (an object or a string). */
    EXAMPLE,
    /** getLinks. */
    LINKS,
    /** getLink. */
    LINK,
    /** getCallbacks. */
    CALLBACKS,
    /** getCallback. */
    CALLBACK,
    /** getSecurityScheme. */
    SECURITY_SCHEME,
    /** getOAuthFlows. */
    FLOWS,
    /** getSchema. */
    SCHEMA,
    /** getSchema of each element of allOf, anyOf or oneOf. */
    SCHEMAS,
    /** getSchema of each member of properties. */
    PROPERTIES,
    /** additionalProperties: a boolean or a schema. */
    ADDITIONAL_PROPERTIES,
    /** getDiscriminator. */
    DISCRIMINATOR,
    /** getXml. */
    XML
  }

  /** One of the deserializer's lists of an object type's field names, with what each is read as. */
  static final class Fields {
    private final Map<String, Read> reads = new HashMap<>();

    /** {@code names}, space-separated, are read as {@code read}. */
    Fields read(Read read, String names) {
      for (String name : names.split(" ")) {
        reads.put(name, read);
      }
      return this;
    }

    Set<String> keys() {
      return Collections.unmodifiableSet(reads.keySet());
    }
  }

  static final Fields ROOT_KEYS =
      new Fields()
          .read(Read.APART, "openapi paths components")
          .read(Read.INFO, "info")
          .read(Read.SERVERS, "servers")
          .read(Read.ARRAY, "security")
          .read(Read.TAGS, "tags")
          .read(Read.EXTERNAL_DOCS, "externalDocs");
  static final Fields INFO_KEYS =
      new Fields()
          .read(Read.TEXT, "title description termsOfService version")
          .read(Read.CONTACT, "contact")
          .read(Read.LICENSE, "license");
  static final Fields CONTACT_KEYS =
      new Fields().read(Read.TEXT, "name email").read(Read.URL, "url");
  static final Fields LICENSE_KEYS = new Fields().read(Read.TEXT, "name").read(Read.URL, "url");
  static final Fields TAG_KEYS =
      new Fields().read(Read.TEXT, "description name").read(Read.EXTERNAL_DOCS, "externalDocs");
  static final Fields RESPONSE_KEYS =
      new Fields()
          .read(Read.APART, "$ref")
          .read(Read.TEXT, "description")
          .read(Read.HEADERS, "headers")
          .read(Read.CONTENT, "content")
          .read(Read.LINKS, "links");
  static final Fields SERVER_KEYS =
      new Fields().read(Read.TEXT, "url description").read(Read.SERVER_VARIABLES, "variables");
  static final Fields SERVER_VARIABLE_KEYS =
      new Fields().read(Read.VALUES, "enum").read(Read.TEXT, "default description");
  static final Fields PATHITEM_KEYS =
      new Fields()
          .read(Read.APART, "$ref")
          .read(Read.TEXT, "summary description")
          .read(Read.OPERATION, "get put post delete head patch options trace")
          .read(Read.SERVERS, "servers")
          .read(Read.PARAMETERS, "parameters");
  static final Fields OPERATION_KEYS =
      new Fields()
          .read(Read.ARRAY, "tags security")
          .read(Read.TEXT, "summary description operationId")
          .read(Read.EXTERNAL_DOCS, "externalDocs")
          .read(Read.PARAMETERS, "parameters")
          .read(Read.REQUEST_BODY, "requestBody")
          .read(Read.RESPONSES, "responses")
          .read(Read.CALLBACKS, "callbacks")
          .read(Read.BOOLEAN, "deprecated")
          .read(Read.SERVERS, "servers");
  static final Fields PARAMETER_KEYS =
      new Fields()
          .read(Read.APART, "$ref in style")
          .read(Read.TEXT, "name description")
          .read(Read.BOOLEAN, "required deprecated allowEmptyValue explode allowReserved")
          .read(Read.SCHEMA, "schema")
          .read(Read.ANY, "example")
          .read(Read.EXAMPLES, "examples")
          .read(Read.CONTENT, "content");
  static final Fields REQUEST_BODY_KEYS =
      new Fields()
          .read(Read.APART, "$ref")
          .read(Read.TEXT, "description")
          .read(Read.CONTENT, "content")
          .read(Read.BOOLEAN, "required");
  static final Fields SECURITY_SCHEME_KEYS =
      new Fields()
          .read(Read.APART, "$ref in")
          .read(Read.TEXT, "type name description scheme bearerFormat openIdConnectUrl")
          .read(Read.FLOWS, "flows");
  static final Fields EXTERNAL_DOCS_KEYS = new Fields().read(Read.TEXT, "description url");

  /** Here, what each entry of the component map is read as. */
  static final Fields COMPONENTS_KEYS =
      new Fields()
          .read(Read.SCHEMA, "schemas")
          // (an x- response is an extension to the deserializer; held to a response's shape here)
          .read(Read.RESPONSE, "responses")
          .read(Read.PARAMETER, "parameters")
          .read(Read.EXAMPLE, "examples")
          .read(Read.REQUEST_BODY, "requestBodies")
          .read(Read.HEADER, "headers")
          .read(Read.SECURITY_SCHEME, "securitySchemes")
          .read(Read.LINK, "links")
          .read(Read.CALLBACK, "callbacks");

  /** getSchema, getCommonSchemaFields (OpenAPI 3.0). */
  static final Fields SCHEMA_KEYS =
      new Fields()
          .read(Read.APART, "$ref enum default")
          .read(Read.TEXT, "title pattern description format type")
          .read(
              Read.BOOLEAN,
              "exclusiveMaximum exclusiveMinimum uniqueItems nullable readOnly writeOnly deprecated")
          .read(
              Read.NUMBER,
              "maximum minimum maxLength minLength maxItems minItems maxProperties minProperties")
          .read(Read.POSITIVE_NUMBER, "multipleOf")
          .read(Read.ANY, "example")
          .read(Read.TEXTS, "required")
          .read(Read.SCHEMAS, "allOf oneOf anyOf")
          .read(Read.SCHEMA, "items not")
          .read(Read.PROPERTIES, "properties")
          .read(Read.ADDITIONAL_PROPERTIES, "additionalProperties")
          .read(Read.DISCRIMINATOR, "discriminator")
          .read(Read.XML, "xml")
          .read(Read.EXTERNAL_DOCS, "externalDocs");

  static final Fields EXAMPLE_KEYS =
      new Fields()
          .read(Read.APART, "$ref")
          .read(Read.TEXT, "summary description externalValue")
          .read(Read.ANY, "value");

  /** The deserializer's list is PARAMETER_KEYS; a header's name and in are not read. */
  static final Fields HEADER_KEYS =
      new Fields()
          .read(Read.APART, "$ref name in allowEmptyValue allowReserved style")
          .read(Read.TEXT, "description")
          .read(Read.BOOLEAN, "required deprecated explode")
          .read(Read.SCHEMA, "schema")
          .read(Read.ANY, "example")
          .read(Read.EXAMPLES, "examples")
          .read(Read.CONTENT, "content");

  static final Fields LINK_KEYS =
      new Fields()
          .read(Read.APART, "$ref")
          .read(Read.TEXT, "operationRef operationId requestBody description")
          .read(Read.OBJECT, "parameters")
          .read(Read.SERVER, "server");
  static final Fields MEDIATYPE_KEYS =
      new Fields()
          .read(Read.APART, "encoding")
          .read(Read.SCHEMA, "schema")
          .read(Read.ANY, "example")
          .read(Read.EXAMPLES, "examples");
  static final Fields XML_KEYS =
      new Fields().read(Read.TEXT, "name namespace prefix").read(Read.BOOLEAN, "attribute wrapped");
  static final Fields OAUTHFLOW_KEYS =
      new Fields()
          .read(Read.TEXT, "authorizationUrl tokenUrl refreshUrl")
          .read(Read.OBJECT, "scopes");
  static final Fields OAUTHFLOWS_KEYS =
      new Fields().read(Read.APART, "implicit password clientCredentials authorizationCode");
  static final Fields ENCODING_KEYS =
      new Fields()
          .read(Read.APART, "style")
          .read(Read.TEXT, "contentType")
          .read(Read.BOOLEAN, "explode allowReserved")
          .read(Read.HEADERS, "headers");

  private static final Set<String> OPERATION_METHODS =
      Set.of("get", "put", "post", "delete", "head", "patch", "options", "trace");
  private static final Set<String> PARAMETER_LOCATIONS =
      Set.of("query", "header", "path", "cookie");
  private static final Set<String> PARAMETER_STYLES =
      Set.of("matrix", "label", "form", "simple", "spaceDelimited", "pipeDelimited", "deepObject");
  private static final Set<String> ENCODING_STYLES =
      Set.of("form", "spaceDelimited", "pipeDelimited", "deepObject");
  private static final Set<String> API_KEY_LOCATIONS = Set.of("cookie", "header", "query");
  private static final Set<String> OAUTH_FLOWS_NEEDING_AUTHORIZATION_URL =
      Set.of("implicit", "authorizationCode");
  private static final Set<String> OAUTH_FLOWS_NEEDING_TOKEN_URL =
      Set.of("password", "clientCredentials", "authorizationCode");

  private final ObjectNode components;

  /** The components' schemas, which schema references name. */
  private final JsonNode schemas;

  /**
   * The deserializer looks up referenced parameters in the components only once it has read them
   * all: parameter lists inside the components' callbacks see none.
   */
  private boolean componentsRead;

  private final Set<String> operationIds = new HashSet<>();

  private ParserMessagesPrecheck(ObjectNode components) {
    this.components = components;
    this.schemas = components == null ? null : components.get("schemas");
  }

  /**
   * True only when the deserializer certainly reports no message and throws nothing for {@code
   * root}; false when it might, or when the document is no OpenAPI 3.0 document.
   */
  static boolean certainlyNone(JsonNode root) {
    if (!(root instanceof ObjectNode object)) {
      return false;
    }
    JsonNode components = object.get("components");
    try {
      return new ParserMessagesPrecheck(components instanceof ObjectNode c ? c : null).root(object);
    } catch (RuntimeException | StackOverflowError e) {
      return false; // what the check cannot read, the deserializer is asked about
    }
  }

  /** parseRoot: the components first, as the deserializer reads them before the paths. */
  private boolean root(ObjectNode root) {
    JsonNode version = root.get("openapi");
    if (version == null || !version.isTextual() || !version.textValue().startsWith("3.0.")) {
      return false;
    }
    if (!fields(root, ROOT_KEYS) || !root.has("info")) {
      return false;
    }
    JsonNode componentsNode = root.get("components");
    if (componentsNode != null && !components(componentsNode)) {
      return false;
    }
    componentsRead = true;
    return paths(root.get("paths"));
  }

  /**
   * Whether {@code object} is an object whose every field is one of {@code keys} (or an {@code x-}
   * extension) and reads as the deserializer reads it.
   */
  private boolean fields(JsonNode object, Fields keys) {
    if (object == null || !object.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      Read read = keys.reads.get(field.getKey());
      if (read == null ? !field.getKey().startsWith("x-") : !reads(read, field.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} reads as {@code read} without a message. */
  private boolean reads(Read read, JsonNode value) {
    return switch (read) {
      case APART -> true;
      case TEXT -> value.isTextual();
      case BOOLEAN -> value.isBoolean();
      case NUMBER -> value.isNumber() && finiteIfNumber(value);
      case POSITIVE_NUMBER ->
          value.isNumber() && finiteIfNumber(value) && value.decimalValue().signum() > 0;
      case ANY -> finiteIfNumber(value);
      case OBJECT -> value.isObject();
      case ARRAY -> value.isArray();
      case URL -> url(value);
      case TEXTS -> value.isArray() && each(value, Read.TEXT);
      case VALUES -> value.isArray() && eachValueNode(value);
      case INFO -> fields(value, INFO_KEYS) && value.has("title") && value.has("version");
      case CONTACT -> fields(value, CONTACT_KEYS);
      case LICENSE -> fields(value, LICENSE_KEYS) && value.has("name");
      case EXTERNAL_DOCS -> fields(value, EXTERNAL_DOCS_KEYS) && value.has("url");
      case TAGS -> tags(value);
      case SERVERS -> value.isArray() && each(value, Read.SERVER);
      case SERVER -> server(value);
      case SERVER_VARIABLES -> value.isObject() && each(value, Read.SERVER_VARIABLE);
      case SERVER_VARIABLE -> fields(value, SERVER_VARIABLE_KEYS) && value.has("default");
      case PATH_ITEM -> pathItem(value);
      case OPERATION -> operation(value);
      case PARAMETERS -> parameterList(value);
      case PARAMETER -> parameter(value);
      case REQUEST_BODY -> requestBody(value);
      case RESPONSES -> responses(value);
      case RESPONSE -> response(value);
      case HEADERS -> value.isObject() && each(value, Read.HEADER);
      case HEADER -> header(value);
      case CONTENT -> value.isObject() && each(value, Read.MEDIA_TYPE);
      case MEDIA_TYPE -> mediaType(value);
      case EXAMPLES -> value.isObject() && each(value, Read.EXAMPLE);
      case EXAMPLE -> example(value);
      case LINKS -> value.isObject() && each(value, Read.LINK);
      case LINK -> link(value);
      case CALLBACKS -> value.isObject() && each(value, Read.CALLBACK);
      case CALLBACK -> callback(value);
      case SECURITY_SCHEME -> securityScheme(value);
      case FLOWS -> flows(value);
      case SCHEMA -> schema(value);
      case SCHEMAS -> value.isArray() && each(value, Read.SCHEMA);
      case PROPERTIES -> value.isObject() && each(value, Read.SCHEMA);
      case ADDITIONAL_PROPERTIES -> value.isBoolean() || schema(value);
      case DISCRIMINATOR -> discriminator(value);
      case XML -> fields(value, XML_KEYS);
    };
  }

  /** Whether every member or element of {@code container} reads as {@code read}. */
  private boolean each(JsonNode container, Read read) {
    for (JsonNode member : container) {
      if (!reads(read, member)) {
        return false;
      }
    }
    return true;
  }

  /** getComponents: each map's entries named by the deserializer's pattern. */
  private boolean components(JsonNode components) {
    if (!components.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> member : components.properties()) {
      Read entries = COMPONENTS_KEYS.reads.get(member.getKey());
      if (entries == null) {
        if (member.getKey().startsWith("x-")) {
          continue;
        }
        return false;
      }
      JsonNode map = member.getValue();
      if (!map.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> entry : map.properties()) {
        if (!componentName(entry.getKey()) || !reads(entries, entry.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  /** getPathItems (paths). */
  private boolean paths(JsonNode paths) {
    if (paths == null || !paths.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : paths.properties()) {
      String path = entry.getKey();
      if (path.startsWith("x-")) {
        continue;
      }
      JsonNode item = entry.getValue();
      if (!path.startsWith("/") || !pathItem(item) || !templateVariablesDeclared(path, item)) {
        return false;
      }
    }
    return true;
  }

  /**
   * getPathItems' check that each template variable of {@code path} is a path parameter of the path
   * item or of each of its operations (a referenced parameter counts as any).
   */
  private static boolean templateVariablesDeclared(String path, JsonNode item) {
    if (item.has("$ref")) {
      return true; // a referenced path item has neither parameters nor operations in the model
    }
    for (String variable : templateVariables(path)) {
      if (declares(item.get("parameters"), variable)) {
        continue;
      }
      for (String method : OPERATION_METHODS) {
        JsonNode operation = item.get(method);
        if (operation != null && !declares(operation.get("parameters"), variable)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The variables getPathItems' pattern {@code \{(.+?)\}} finds in {@code path}: from each '{' not
   * inside an earlier variable, up to the first '}' after at least one character, where no line
   * terminator comes first.
   */
  static List<String> templateVariables(String path) {
    List<String> variables = new ArrayList<>();
    int from = 0;
    int open;
    while ((open = path.indexOf('{', from)) >= 0) {
      int close = templateEnd(path, open);
      if (close < 0) {
        from = open + 1;
      } else {
        variables.add(path.substring(open + 1, close));
        from = close + 1;
      }
    }
    return variables;
  }

  private static int templateEnd(String path, int open) {
    for (int end = open + 1; end < path.length(); end++) {
      char c = path.charAt(end);
      if (c == '}' && end > open + 1) {
        return end;
      }
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean declares(JsonNode parameters, String variable) {
    if (parameters == null) {
      return false;
    }
    for (JsonNode parameter : parameters) {
      if (parameter.has("$ref")
          || (variable.equals(parameter.path("name").textValue())
              && "path".equals(parameter.path("in").textValue()))) {
        return true;
      }
    }
    return false;
  }

  /** getPathItem. */
  private boolean pathItem(JsonNode item) {
    if (!item.isObject()) {
      return false;
    }
    JsonNode ref = item.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/pathItems");
    }
    return fields(item, PATHITEM_KEYS);
  }

  /** getOperation: its operationId not one of an earlier operation. */
  private boolean operation(JsonNode operation) {
    if (!fields(operation, OPERATION_KEYS) || !operation.has("responses")) {
      return false;
    }
    JsonNode operationId = operation.get("operationId");
    return operationId == null || operationIds.add(operationId.textValue());
  }

  /** getResponses. */
  private boolean responses(JsonNode responses) {
    if (!responses.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : responses.properties()) {
      if (!entry.getKey().startsWith("x-") && !response(entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * getParameterList: each parameter readable, and no two of a list with the same name and
   * location. A reference counts as the component parameter its last segment names once the
   * components are read; a reference left unresolved, or resolved to a component that is itself a
   * reference, has neither name nor location, and two of them draw the warning when the second's
   * reference is local ("#/...").
   */
  private boolean parameterList(JsonNode parameters) {
    if (!parameters.isArray()) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode parameter : parameters) {
      if (!parameter(parameter)) {
        return false;
      }
      JsonNode definition = parameter;
      String ref = modelRef(parameter);
      if (ref != null && componentsRead && components != null) {
        JsonNode component = components.path("parameters").get(simpleName(ref));
        if (component instanceof ObjectNode) {
          definition = component;
          ref = modelRef(component);
        }
      }
      String key =
          ref != null
              ? "null#null"
              : definition.get("name").textValue() + "#" + definition.get("in").textValue();
      if (!seen.add(key) && (ref == null || ref.startsWith("#/"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A parameter's reference as its model holds it: mungedRef's "./" before a relative file name,
   * then Parameter.set$ref's "#/components/parameters/" before a bare name.
   */
  private static String modelRef(JsonNode parameter) {
    JsonNode ref = parameter.get("$ref");
    if (ref == null) {
      return null;
    }
    String munged = munged(ref.textValue());
    return !munged.startsWith("#/components/parameters/")
            && munged.indexOf('.') < 0
            && munged.indexOf('/') < 0
        ? "#/components/parameters/" + munged
        : munged;
  }

  /** RefUtils.extractSimpleName: the last segment, or the whole reference. */
  private static String simpleName(String ref) {
    int slash = ref.lastIndexOf('/');
    return slash > 0 && !ref.substring(slash + 1).isBlank() ? ref.substring(slash + 1) : ref;
  }

  /** mungedRef: a relative file name gets "./" in front. */
  private static String munged(String ref) {
    return !ref.contains(":")
            && !ref.startsWith("#")
            && !ref.startsWith("/")
            && ref.indexOf('.') > 0
        ? "./" + ref
        : ref;
  }

  /**
   * getParameter: a location it knows, a path parameter required (getParameters and getPathItems
   * warn when it is not), and either a schema or content of one media type.
   */
  private boolean parameter(JsonNode parameter) {
    if (!parameter.isObject()) {
      return false;
    }
    JsonNode ref = parameter.get("$ref");
    if (ref != null) {
      return ref.isTextual()
          && expectedComponent(ref.textValue(), "#/components/parameters", "#/components/headers");
    }
    JsonNode in = parameter.get("in");
    if (in == null
        || !in.isTextual()
        || !PARAMETER_LOCATIONS.contains(in.textValue())
        || !fields(parameter, PARAMETER_KEYS)
        || !parameter.has("name")
        || !style(parameter, PARAMETER_STYLES)
        || !exampleOrExamples(parameter)) {
      return false;
    }
    if (in.textValue().equals("path") && !parameter.path("required").booleanValue()) {
      return false;
    }
    JsonNode content = parameter.get("content");
    if (parameter.has("schema")) {
      return content == null;
    }
    return content != null && content.size() == 1;
  }

  /** getHeader: its style, if any, is simple. */
  private boolean header(JsonNode header) {
    if (!header.isObject()) {
      return false;
    }
    JsonNode ref = header.get("$ref");
    if (ref != null) {
      return ref.isTextual()
          && expectedComponent(ref.textValue(), "#/components/parameters", "#/components/headers");
    }
    JsonNode style = header.get("style");
    return fields(header, HEADER_KEYS)
        && (style == null || (style.isTextual() && style.textValue().equals("simple")))
        && exampleOrExamples(header);
  }

  /** getRequestBody: with content of at least one media type. */
  private boolean requestBody(JsonNode body) {
    if (!body.isObject()) {
      return false;
    }
    JsonNode ref = body.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/requestBodies");
    }
    JsonNode content = body.get("content");
    return fields(body, REQUEST_BODY_KEYS) && content != null && content.size() > 0;
  }

  /** getResponse. */
  private boolean response(JsonNode response) {
    if (!response.isObject()) {
      return false;
    }
    JsonNode ref = response.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/responses");
    }
    return fields(response, RESPONSE_KEYS) && response.has("description");
  }

  /** getMediaType. */
  private boolean mediaType(JsonNode mediaType) {
    return fields(mediaType, MEDIATYPE_KEYS) && exampleOrExamples(mediaType) && encoding(mediaType);
  }

  /**
   * getEncoding, of a media type's encodings: each readable, and each the name of a property of the
   * media type's schema unless that schema is a reference.
   */
  private boolean encoding(JsonNode mediaType) {
    JsonNode encoding = mediaType.get("encoding");
    if (encoding == null) {
      return true;
    }
    if (!encoding.isObject()) {
      return false;
    }
    JsonNode schema = mediaType.get("schema");
    boolean referenced = schema != null && schema.has("$ref");
    JsonNode properties = schema == null ? null : schema.get("properties");
    for (Map.Entry<String, JsonNode> entry : encoding.properties()) {
      JsonNode value = entry.getValue();
      if (!referenced && (properties == null || !properties.has(entry.getKey()))) {
        return false;
      }
      if (!fields(value, ENCODING_KEYS) || !style(value, ENCODING_STYLES)) {
        return false;
      }
    }
    return true;
  }

  /** A parameter's, header's or media type's {@code example} and {@code examples}: not both. */
  private static boolean exampleOrExamples(JsonNode owner) {
    return !(owner.has("examples") && owner.has("example"));
  }

  /** getExample: an object or a string; not both a value and an external value. */
  private boolean example(JsonNode example) {
    if (example.isTextual()) {
      return true;
    }
    if (!example.isObject()) {
      return false;
    }
    JsonNode ref = example.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/examples");
    }
    return fields(example, EXAMPLE_KEYS) && !(example.has("value") && example.has("externalValue"));
  }

  /** getLink. */
  private boolean link(JsonNode link) {
    if (!link.isObject()) {
      return false;
    }
    JsonNode ref = link.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/links");
    }
    return fields(link, LINK_KEYS);
  }

  /** getCallback: each member a path item, unless the callback is a reference. */
  private boolean callback(JsonNode callback) {
    if (!callback.isObject()) {
      return false;
    }
    JsonNode ref = callback.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/callbacks");
    }
    return each(callback, Read.PATH_ITEM);
  }

  /** getSecurityScheme: the fields its type requires. */
  private boolean securityScheme(JsonNode scheme) {
    if (!scheme.isObject()) {
      return false;
    }
    JsonNode ref = scheme.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/securitySchemes");
    }
    JsonNode type = scheme.get("type");
    if (type == null || !fields(scheme, SECURITY_SCHEME_KEYS)) {
      return false;
    }
    JsonNode in = scheme.get("in");
    if (in != null && !(in.isTextual() && API_KEY_LOCATIONS.contains(in.textValue()))) {
      return false;
    }
    return switch (type.textValue()) {
      case "apiKey" -> scheme.has("name") && in != null;
      case "http" -> scheme.has("scheme");
      case "oauth2" -> scheme.has("flows");
      case "openIdConnect" -> scheme.has("openIdConnectUrl");
      default -> false;
    };
  }

  /** getOAuthFlows, getOAuthFlow: the URLs each flow requires. */
  private boolean flows(JsonNode flows) {
    if (!fields(flows, OAUTHFLOWS_KEYS)) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : flows.properties()) {
      String name = entry.getKey();
      JsonNode flow = entry.getValue();
      if (name.startsWith("x-")) {
        continue;
      }
      if (!fields(flow, OAUTHFLOW_KEYS)
          || !flow.has("scopes")
          || (OAUTH_FLOWS_NEEDING_AUTHORIZATION_URL.contains(name) && !flow.has("authorizationUrl"))
          || (OAUTH_FLOWS_NEEDING_TOKEN_URL.contains(name) && !flow.has("tokenUrl"))) {
        return false;
      }
    }
    return true;
  }

  /** getServer: a URL's first {variable} one of its variables, if the server has any. */
  private boolean server(JsonNode server) {
    if (!fields(server, SERVER_KEYS) || !server.has("url")) {
      return false;
    }
    JsonNode variables = server.get("variables");
    // a URL that is no valid URI has its first {variable} looked up in the variables (and a '}'
    // before the first '{' makes the deserializer throw)
    String url = server.get("url").textValue();
    int open = url.indexOf('{');
    int close = url.indexOf('}');
    if (open < 0 || close < 0) {
      return true;
    }
    return close > open
        && (variables == null
            || variables.size() == 0
            || variables.has(url.substring(open + 1, close)));
  }

  /** getTagList, getTag: readable, with distinct names. */
  private boolean tags(JsonNode tags) {
    if (!tags.isArray()) {
      return false;
    }
    Set<String> names = new HashSet<>();
    for (JsonNode tag : tags) {
      if (!fields(tag, TAG_KEYS) || !tag.has("name") || !names.add(tag.get("name").textValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * getSchema, getCommonSchemaFields (OpenAPI 3.0). Schemas are most of a large document's objects:
   * their fields are read in the one pass of {@link #fields}, the conditions between them after.
   */
  private boolean schema(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      // the composition, items and additionalProperties are read before the reference is looked
      // at, and nothing else is
      return optional(schema, "allOf", Read.SCHEMAS)
          && optional(schema, "anyOf", Read.SCHEMAS)
          && optional(schema, "oneOf", Read.SCHEMAS)
          && optional(schema, "items", Read.SCHEMA)
          && optional(schema, "additionalProperties", Read.ADDITIONAL_PROPERTIES)
          && ref.isTextual()
          && schemaReference(ref.textValue());
    }
    if (!fields(schema, SCHEMA_KEYS)) {
      return false;
    }
    String type = schema.path("type").textValue();
    return !(schema.path("readOnly").booleanValue() && schema.path("writeOnly").booleanValue())
        && !("array".equals(type) && !schema.has("items"))
        && enumValues(schema, type)
        && defaultValue(schema, type);
  }

  /** Whether {@code owner}'s {@code key}, if it has one, reads as {@code read}. */
  private boolean optional(JsonNode owner, String key, Read read) {
    JsonNode value = owner.get(key);
    return value == null || reads(read, value);
  }

  /** getDiscriminator: a property name, and a mapping if any (other fields are not read). */
  private static boolean discriminator(JsonNode discriminator) {
    if (!discriminator.isObject()) {
      return false;
    }
    JsonNode propertyName = discriminator.get("propertyName");
    JsonNode mapping = discriminator.get("mapping");
    return propertyName != null
        && propertyName.isTextual()
        && (mapping == null || mapping.isObject());
  }

  /**
   * A schema's reference: one into the components must name a schema there (under paths the
   * deserializer looks it up; elsewhere it warns about other kinds of component).
   */
  private boolean schemaReference(String ref) {
    if (!ref.startsWith("#/components")) {
      return true;
    }
    String prefix = "#/components/schemas/";
    if (!ref.startsWith(prefix) || ref.indexOf("#/components", 1) >= 0) {
      return false;
    }
    int end = ref.indexOf('/', prefix.length());
    String name = ref.substring(prefix.length(), end < 0 ? ref.length() : end);
    return !name.isEmpty() && schemas != null && schemas.has(name);
  }

  /**
   * A schema's enum: an array whose strings the schema's type decodes (a date, a date-time, base64
   * bytes).
   */
  private static boolean enumValues(JsonNode schema, String type) {
    JsonNode values = schema.get("enum");
    if (values == null) {
      return true;
    }
    if (!values.isArray()) {
      return false;
    }
    String format = decodedFormat(schema, type);
    if (format == null) {
      return true;
    }
    for (JsonNode value : values) {
      if (value.isTextual() && !decodes(format, value.textValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A schema's default, read as the type the deserializer gives the schema: an array's when it has
   * items, an object's when it has additionalProperties (and no composition), else the written type
   * or the one inferred from its enum.
   */
  private static boolean defaultValue(JsonNode schema, String writtenType) {
    JsonNode value = schema.get("default");
    if (value == null) {
      return true;
    }
    boolean composed = schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf");
    String type;
    if (schema.has("items")) {
      type = "array";
    } else if (schema.has("additionalProperties") && !composed) {
      type = "object";
    } else if (writtenType != null) {
      type = writtenType;
    } else if (schema.path("enum").isArray()) {
      type = inferredType(schema.get("enum"));
    } else {
      return finiteIfNumber(value);
    }
    if (value.isNull()) {
      return !schema.has("nullable") || schema.get("nullable").booleanValue();
    }
    return switch (type) {
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      case "string" ->
          value.isValueNode() && decodes(decodedFormat(schema, writtenType), value.asText());
      case "integer" -> value.isValueNode();
      case "number" -> value.isValueNode() && finiteIfNumber(value);
      default -> true;
    };
  }

  /** inferTypeFromArray, which looks at the first element only. */
  private static String inferredType(JsonNode values) {
    if (values.size() == 0) {
      return "string";
    }
    JsonNode first = values.get(0);
    return first.isBoolean() ? "boolean" : first.isNumber() ? "number" : "string";
  }

  /**
   * getDecodedObject: a string schema of format date, date-time or byte (and no composition, items
   * or additionalProperties) decodes its enum strings and default; null for any other schema.
   */
  private static String decodedFormat(JsonNode schema, String type) {
    if (!"string".equals(type)) {
      return null;
    }
    String format = schema.path("format").textValue();
    return "date".equals(format) || "date-time".equals(format) || "byte".equals(format)
        ? format
        : null;
  }

  /** Whether {@code text} decodes as {@code format} (see {@link #decodedFormat}), if any. */
  private static boolean decodes(String format, String text) {
    if (format == null) {
      return true;
    }
    try {
      switch (format) {
        case "date":
          return fullDate(text);
        case "date-time":
          OffsetDateTime.parse(text);
          return true;
        case "byte":
          Base64.getDecoder().decode(text);
          return true;
        default:
          return true;
      }
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** getDecodedObject's full-date pattern (RFC 3339), {@code ^(\d{4})-(\d{2})-(\d{2})$}. */
  static boolean fullDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** A style the deserializer knows, if any. */
  private static boolean style(JsonNode owner, Set<String> styles) {
    JsonNode style = owner.get("style");
    return style == null || (style.isTextual() && styles.contains(style.textValue()));
  }

  /**
   * A {@code $ref} of this object's kind: one into the components elsewhere than {@code expected}
   * draws a warning.
   */
  private static boolean expectedComponent(String ref, String... expected) {
    if (!ref.startsWith("#/components")) {
      return true;
    }
    for (String prefix : expected) {
      if (ref.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The deserializer's pattern of a component's name, ^[a-zA-Z0-9\.\-_]+$. */
  private static boolean componentName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** Whether every element of {@code values} is a string, number, boolean or null. */
  private static boolean eachValueNode(JsonNode values) {
    for (JsonNode value : values) {
      if (!value.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  /** A number the deserializer turns into a BigDecimal from its text: not NaN or infinite. */
  private static boolean finiteIfNumber(JsonNode value) {
    return value == null
        || !value.isNumber()
        || value.isIntegralNumber()
        || value.isBigDecimal()
        || Double.isFinite(value.doubleValue());
  }

  /** A URL java.net.URL accepts (getContact and getLicense warn about others). */
  private static boolean url(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      new URL(value.textValue());
      return true;
    } catch (java.net.MalformedURLException e) {
      return false;
    }
  }
}

package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * document, is false: "don't know", the model is built as before. Each check names the
 * deserializer's method it stands for; docs/swagger-parser-messages.md lists the conditions it was
 * written for (on an upgrade of swagger-parser, read the new deserializer against it). {@code
 * ParserMessagesPrecheckTest} holds the field lists against the deserializer's own and conditions
 * against its messages; {@code ParserMessagesPrecheckMutationTest} a few thousand mutants.
 */
final class ParserMessagesPrecheck {
  static final Set<String> ROOT_KEYS =
      fields("openapi info servers paths components security tags externalDocs");
  static final Set<String> INFO_KEYS =
      fields("title description termsOfService contact license version");
  static final Set<String> CONTACT_KEYS = fields("name url email");
  static final Set<String> LICENSE_KEYS = fields("name url");
  static final Set<String> TAG_KEYS = fields("description name externalDocs");
  static final Set<String> RESPONSE_KEYS = fields("$ref description headers content links");
  static final Set<String> SERVER_KEYS = fields("url description variables");
  static final Set<String> SERVER_VARIABLE_KEYS = fields("enum default description");
  static final Set<String> PATHITEM_KEYS =
      fields(
          "$ref summary description get put post delete head patch options trace "
              + "servers parameters");
  static final Set<String> OPERATION_KEYS =
      fields(
          "tags summary description externalDocs operationId parameters requestBody "
              + "responses callbacks deprecated security servers");
  static final Set<String> PARAMETER_KEYS =
      fields(
          "$ref name in description required deprecated allowEmptyValue style "
              + "explode allowReserved schema example examples content");
  static final Set<String> REQUEST_BODY_KEYS = fields("$ref description content required");
  static final Set<String> SECURITY_SCHEME_KEYS =
      fields("$ref type name in description flows scheme bearerFormat openIdConnectUrl");
  static final Set<String> EXTERNAL_DOCS_KEYS = fields("description url");
  static final Set<String> COMPONENTS_KEYS =
      fields(
          "schemas responses parameters examples requestBodies headers "
              + "securitySchemes links callbacks");
  static final Set<String> SCHEMA_KEYS =
      fields(
          "$ref title multipleOf maximum format exclusiveMaximum minimum "
              + "exclusiveMinimum maxLength minLength pattern maxItems minItems "
              + "uniqueItems maxProperties minProperties required enum type allOf oneOf "
              + "anyOf not items properties additionalProperties description default "
              + "nullable discriminator readOnly writeOnly xml externalDocs example "
              + "deprecated");
  static final Set<String> EXAMPLE_KEYS = fields("$ref summary description value externalValue");
  static final Set<String> HEADER_KEYS = PARAMETER_KEYS; // the deserializer's lists are equal
  static final Set<String> LINK_KEYS =
      fields("$ref operationRef operationId parameters requestBody description server");
  static final Set<String> MEDIATYPE_KEYS = fields("schema example examples encoding");
  static final Set<String> XML_KEYS = fields("name namespace prefix attribute wrapped");
  static final Set<String> OAUTHFLOW_KEYS = fields("authorizationUrl tokenUrl refreshUrl scopes");
  static final Set<String> OAUTHFLOWS_KEYS =
      fields("implicit password clientCredentials authorizationCode");
  static final Set<String> ENCODING_KEYS =
      fields("contentType headers style explode allowReserved");

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

  /** The deserializer's list of an object's field names, written space-separated. */
  private static Set<String> fields(String names) {
    return Set.of(names.split(" "));
  }

  /** getPathItems' pattern of a path's template variables, with its exact semantics. */
  private static final Pattern PATH_TEMPLATE = Pattern.compile("\\{(.+?)\\}");

  /** getDecodedObject's full-date pattern (RFC 3339). */
  private static final Pattern FULL_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");

  private final ObjectNode components;

  /**
   * The deserializer looks up referenced parameters in the components only once it has read them
   * all: parameter lists inside the components' callbacks see none.
   */
  private boolean componentsRead;

  private final Set<String> operationIds = new HashSet<>();

  private ParserMessagesPrecheck(ObjectNode components) {
    this.components = components;
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

  /** parseRoot. */
  private boolean root(ObjectNode root) {
    JsonNode version = root.get("openapi");
    if (version == null || !version.isTextual() || !version.textValue().startsWith("3.0.")) {
      return false;
    }
    if (!onlyKeys(root, ROOT_KEYS) || !isObject(root.get("info")) || !info(root.get("info"))) {
      return false;
    }
    JsonNode componentsNode = root.get("components");
    if (componentsNode != null && !(isObject(componentsNode) && components(componentsNode))) {
      return false;
    }
    componentsRead = true;
    return isObject(root.get("paths"))
        && paths(root.get("paths"))
        && optionalList(root, "servers", ParserMessagesPrecheck::server)
        && externalDocsIfAny(root)
        && optionalArray(root, "tags")
        && tags(root.get("tags"))
        && optionalArray(root, "security");
  }

  /** getInfo, getContact, getLicense. */
  private boolean info(JsonNode info) {
    if (!onlyKeys(info, INFO_KEYS)
        || !requiredText(info, "title")
        || !optionalText(info, "description")
        || !optionalText(info, "termsOfService")
        || !requiredText(info, "version")) {
      return false;
    }
    JsonNode contact = info.get("contact");
    if (contact != null
        && !(isObject(contact)
            && onlyKeys(contact, CONTACT_KEYS)
            && optionalText(contact, "name")
            && optionalText(contact, "email")
            && optionalUrl(contact, "url"))) {
      return false;
    }
    JsonNode license = info.get("license");
    return license == null
        || (isObject(license)
            && onlyKeys(license, LICENSE_KEYS)
            && requiredText(license, "name")
            && optionalUrl(license, "url"));
  }

  /** getComponents. */
  private boolean components(JsonNode components) {
    if (!onlyKeys(components, COMPONENTS_KEYS)) {
      return false;
    }
    for (Map.Entry<String, JsonNode> member : components.properties()) {
      JsonNode map = member.getValue();
      if (member.getKey().startsWith("x-")) {
        continue;
      }
      if (!isObject(map)) {
        return false;
      }
      for (Map.Entry<String, JsonNode> entry : map.properties()) {
        if (!componentName(entry.getKey()) || !component(member.getKey(), entry.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean component(String kind, JsonNode value) {
    return switch (kind) {
      case "schemas" -> schema(value);
        // (an x- response is an extension to the deserializer; held to a response's shape here)
      case "responses" -> response(value);
      case "parameters" -> isObject(value) && parameter(value);
      case "examples" -> example(value);
      case "requestBodies" -> requestBody(value);
      case "headers" -> header(value);
      case "securitySchemes" -> securityScheme(value);
      case "links" -> link(value);
      case "callbacks" -> callback(value);
      default -> false;
    };
  }

  /** getPathItems (paths). */
  private boolean paths(JsonNode paths) {
    for (Map.Entry<String, JsonNode> entry : paths.properties()) {
      String path = entry.getKey();
      if (path.startsWith("x-")) {
        continue;
      }
      JsonNode item = entry.getValue();
      if (!path.startsWith("/") || !isObject(item) || !pathItem(item)) {
        return false;
      }
      if (!templateVariablesDeclared(path, item)) {
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
    Matcher variables = PATH_TEMPLATE.matcher(path);
    while (variables.find()) {
      String variable = path.substring(variables.start() + 1, variables.end() - 1);
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
    JsonNode ref = item.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/pathItems");
    }
    if (!onlyKeys(item, PATHITEM_KEYS)
        || !optionalText(item, "summary")
        || !optionalText(item, "description")
        || !optionalArray(item, "parameters")
        || !parameterList(item.get("parameters"))
        || !optionalList(item, "servers", ParserMessagesPrecheck::server)) {
      return false;
    }
    for (String method : OPERATION_METHODS) {
      JsonNode operation = item.get(method);
      if (operation != null && !(isObject(operation) && operation(operation))) {
        return false;
      }
    }
    return true;
  }

  /** getOperation. */
  private boolean operation(JsonNode operation) {
    if (!onlyKeys(operation, OPERATION_KEYS)
        || !optionalArray(operation, "tags")
        || !optionalText(operation, "summary")
        || !optionalText(operation, "description")
        || !externalDocsIfAny(operation)
        || !optionalText(operation, "operationId")
        || !optionalArray(operation, "parameters")
        || !parameterList(operation.get("parameters"))
        || !optionalBoolean(operation, "deprecated")
        || !optionalList(operation, "servers", ParserMessagesPrecheck::server)
        || !optionalArray(operation, "security")) {
      return false;
    }
    JsonNode operationId = operation.get("operationId");
    if (operationId != null && !operationIds.add(operationId.textValue())) {
      return false;
    }
    JsonNode requestBody = operation.get("requestBody");
    if (requestBody != null && !requestBody(requestBody)) {
      return false;
    }
    JsonNode responses = operation.get("responses");
    if (!isObject(responses)) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : responses.properties()) {
      if (!entry.getKey().startsWith("x-") && !response(entry.getValue())) {
        return false;
      }
    }
    return optionalMap(operation, "callbacks", this::callback);
  }

  /**
   * getParameterList: each parameter readable, and no two of a list with the same name and
   * location. A reference counts as the component parameter its last segment names once the
   * components are read; a reference left unresolved, or resolved to a component that is itself a
   * reference, has neither name nor location, and two of them draw the warning when the second's
   * reference is local ("#/...").
   */
  private boolean parameterList(JsonNode parameters) {
    if (parameters == null) {
      return true;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode parameter : parameters) {
      if (!isObject(parameter) || !parameter(parameter)) {
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

  /** getParameter. */
  private boolean parameter(JsonNode parameter) {
    JsonNode ref = parameter.get("$ref");
    if (ref != null) {
      return ref.isTextual()
          && expectedComponent(ref.textValue(), "#/components/parameters", "#/components/headers");
    }
    JsonNode in = parameter.get("in");
    if (in == null || !in.isTextual() || !PARAMETER_LOCATIONS.contains(in.textValue())) {
      return false;
    }
    if (!onlyKeys(parameter, PARAMETER_KEYS)
        || !requiredText(parameter, "name")
        || !optionalText(parameter, "description")
        || !optionalBoolean(parameter, "required")
        || !optionalBoolean(parameter, "deprecated")
        || !optionalBoolean(parameter, "allowEmptyValue")
        || !optionalBoolean(parameter, "allowReserved")
        || !optionalBoolean(parameter, "explode")
        || !style(parameter, PARAMETER_STYLES)
        || !examples(parameter)) {
      return false;
    }
    // a path parameter must be required (getParameters and getPathItems warn when it is not)
    if (in.textValue().equals("path") && !parameter.path("required").booleanValue()) {
      return false;
    }
    JsonNode schema = parameter.get("schema");
    JsonNode content = parameter.get("content");
    if (schema != null) {
      return content == null && schema(schema);
    }
    return isObject(content) && content.size() == 1 && content(content);
  }

  /** getHeaders' entries, getHeader. */
  private boolean header(JsonNode header) {
    if (!isObject(header)) {
      return false;
    }
    JsonNode ref = header.get("$ref");
    if (ref != null) {
      return ref.isTextual()
          && expectedComponent(ref.textValue(), "#/components/parameters", "#/components/headers");
    }
    JsonNode style = header.get("style");
    return onlyKeys(header, HEADER_KEYS)
        && optionalText(header, "description")
        && optionalBoolean(header, "required")
        && optionalBoolean(header, "deprecated")
        && optionalBoolean(header, "explode")
        && (style == null || (style.isTextual() && style.textValue().equals("simple")))
        && optionalObject(header, "schema")
        && (!header.has("schema") || schema(header.get("schema")))
        && examples(header)
        && optionalObject(header, "content")
        && (!header.has("content") || content(header.get("content")));
  }

  /** getRequestBody. */
  private boolean requestBody(JsonNode body) {
    if (!isObject(body)) {
      return false;
    }
    JsonNode ref = body.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/requestBodies");
    }
    JsonNode content = body.get("content");
    return onlyKeys(body, REQUEST_BODY_KEYS)
        && optionalText(body, "description")
        && optionalBoolean(body, "required")
        && isObject(content)
        && content.size() > 0
        && content(content);
  }

  /** getResponse. */
  private boolean response(JsonNode response) {
    if (!isObject(response)) {
      return false;
    }
    JsonNode ref = response.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/responses");
    }
    return onlyKeys(response, RESPONSE_KEYS)
        && requiredText(response, "description")
        && optionalMap(response, "headers", this::header)
        && optionalObject(response, "content")
        && (!response.has("content") || content(response.get("content")))
        && optionalMap(response, "links", this::link);
  }

  /** getContent, getMediaType, getEncoding. */
  private boolean content(JsonNode content) {
    for (JsonNode mediaType : content) {
      if (!isObject(mediaType)
          || !onlyKeys(mediaType, MEDIATYPE_KEYS)
          || !optionalObject(mediaType, "schema")
          || (mediaType.has("schema") && !schema(mediaType.get("schema")))
          || !examples(mediaType)
          || !encoding(mediaType)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A media type's encodings: each readable, and each the name of a property of the media type's
   * schema unless that schema is a reference.
   */
  private boolean encoding(JsonNode mediaType) {
    JsonNode encoding = mediaType.get("encoding");
    if (encoding == null) {
      return true;
    }
    if (!isObject(encoding)) {
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
      if (!isObject(value)
          || !onlyKeys(value, ENCODING_KEYS)
          || !optionalText(value, "contentType")
          || !style(value, ENCODING_STYLES)
          || !optionalBoolean(value, "explode")
          || !optionalBoolean(value, "allowReserved")
          || !optionalMap(value, "headers", this::header)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A parameter's, header's or media type's {@code example} and {@code examples}: not both, and
   * each example readable.
   */
  private boolean examples(JsonNode owner) {
    JsonNode examples = owner.get("examples");
    if (examples == null) {
      return finiteIfNumber(owner.get("example"));
    }
    return isObject(examples) && !owner.has("example") && every(examples, this::example);
  }

  /** getExamples' entries (an object or a string), getExample. */
  private boolean example(JsonNode example) {
    if (example.isTextual()) {
      return true;
    }
    if (!isObject(example)) {
      return false;
    }
    JsonNode ref = example.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/examples");
    }
    return onlyKeys(example, EXAMPLE_KEYS)
        && optionalText(example, "summary")
        && optionalText(example, "description")
        && optionalText(example, "externalValue")
        && !(example.has("value") && example.has("externalValue"))
        && finiteIfNumber(example.get("value"));
  }

  /** getLink. */
  private boolean link(JsonNode link) {
    if (!isObject(link)) {
      return false;
    }
    JsonNode ref = link.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/links");
    }
    JsonNode server = link.get("server");
    return onlyKeys(link, LINK_KEYS)
        && optionalText(link, "operationRef")
        && optionalText(link, "operationId")
        && optionalText(link, "requestBody")
        && optionalText(link, "description")
        && optionalObject(link, "parameters")
        && (server == null || server(server));
  }

  /** getCallback: each member a path item, unless the callback is a reference. */
  private boolean callback(JsonNode callback) {
    if (!isObject(callback)) {
      return false;
    }
    JsonNode ref = callback.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/callbacks");
    }
    return every(callback, item -> isObject(item) && pathItem(item));
  }

  /** getSecurityScheme, getOAuthFlows, getOAuthFlow. */
  private boolean securityScheme(JsonNode scheme) {
    if (!isObject(scheme)) {
      return false;
    }
    JsonNode ref = scheme.get("$ref");
    if (ref != null) {
      return ref.isTextual() && expectedComponent(ref.textValue(), "#/components/securitySchemes");
    }
    JsonNode type = scheme.get("type");
    if (type == null || !type.isTextual()) {
      return false;
    }
    if (!onlyKeys(scheme, SECURITY_SCHEME_KEYS)
        || !optionalText(scheme, "description")
        || !optionalText(scheme, "name")
        || !optionalText(scheme, "scheme")
        || !optionalText(scheme, "bearerFormat")
        || !optionalText(scheme, "openIdConnectUrl")
        || !optionalObject(scheme, "flows")) {
      return false;
    }
    JsonNode in = scheme.get("in");
    if (in != null && !(in.isTextual() && API_KEY_LOCATIONS.contains(in.textValue()))) {
      return false;
    }
    switch (type.textValue()) {
      case "apiKey":
        return scheme.has("name") && in != null && flows(scheme.get("flows"));
      case "http":
        return scheme.has("scheme") && flows(scheme.get("flows"));
      case "oauth2":
        return scheme.has("flows") && flows(scheme.get("flows"));
      case "openIdConnect":
        return scheme.has("openIdConnectUrl") && flows(scheme.get("flows"));
      default:
        return false;
    }
  }

  private static boolean flows(JsonNode flows) {
    if (flows == null) {
      return true;
    }
    if (!onlyKeys(flows, OAUTHFLOWS_KEYS)) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : flows.properties()) {
      String name = entry.getKey();
      JsonNode flow = entry.getValue();
      if (name.startsWith("x-")) {
        continue;
      }
      if (!isObject(flow)
          || !onlyKeys(flow, OAUTHFLOW_KEYS)
          || !optionalText(flow, "authorizationUrl")
          || !optionalText(flow, "tokenUrl")
          || !optionalText(flow, "refreshUrl")
          || !isObject(flow.get("scopes"))
          || (OAUTH_FLOWS_NEEDING_AUTHORIZATION_URL.contains(name) && !flow.has("authorizationUrl"))
          || (OAUTH_FLOWS_NEEDING_TOKEN_URL.contains(name) && !flow.has("tokenUrl"))) {
        return false;
      }
    }
    return true;
  }

  /** getServer, getServerVariables (its members, x- ones too, are variables). */
  private static boolean server(JsonNode server) {
    if (!isObject(server)
        || !onlyKeys(server, SERVER_KEYS)
        || !requiredText(server, "url")
        || !optionalText(server, "description")
        || !optionalMap(server, "variables", ParserMessagesPrecheck::serverVariable)) {
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

  /** getServerVariable. */
  private static boolean serverVariable(JsonNode variable) {
    return isObject(variable)
        && onlyKeys(variable, SERVER_VARIABLE_KEYS)
        && requiredText(variable, "default")
        && optionalText(variable, "description")
        && (!variable.has("enum")
            || (variable.get("enum").isArray()
                && every(variable.get("enum"), JsonNode::isValueNode)));
  }

  /** getTagList, getTag: readable, with distinct names. */
  private static boolean tags(JsonNode tags) {
    if (tags == null) {
      return true;
    }
    Set<String> names = new HashSet<>();
    for (JsonNode tag : tags) {
      if (!isObject(tag)
          || !onlyKeys(tag, TAG_KEYS)
          || !requiredText(tag, "name")
          || !optionalText(tag, "description")
          || !externalDocsIfAny(tag)
          || !names.add(tag.get("name").textValue())) {
        return false;
      }
    }
    return true;
  }

  /** getExternalDocs of an {@code externalDocs} member. */
  private static boolean externalDocsIfAny(JsonNode owner) {
    JsonNode docs = owner.get("externalDocs");
    return docs == null || externalDocs(docs);
  }

  private static boolean externalDocs(JsonNode docs) {
    return isObject(docs)
        && onlyKeys(docs, EXTERNAL_DOCS_KEYS)
        && optionalText(docs, "description")
        && requiredText(docs, "url");
  }

  /**
   * getSchema, getCommonSchemaFields (OpenAPI 3.0). Schemas are most of a large document's objects,
   * so their fields are read in one pass (Stripe: 12 ms compiled, against 0.5 s for the
   * deserializer).
   */
  private boolean schema(JsonNode schema) {
    if (!isObject(schema)) {
      return false;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      // the composition, items and additionalProperties are read before the reference is looked
      // at, and nothing else is
      return composition(schema.get("allOf"))
          && composition(schema.get("anyOf"))
          && composition(schema.get("oneOf"))
          && (!schema.has("items") || schema(schema.get("items")))
          && additionalProperties(schema.get("additionalProperties"))
          && ref.isTextual()
          && schemaReference(ref.textValue());
    }
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String key = field.getKey();
      if (!SCHEMA_KEYS.contains(key)) {
        if (key.startsWith("x-")) {
          continue;
        }
        return false;
      }
      JsonNode value = field.getValue();
      boolean readable =
          switch (key) {
            case "title", "pattern", "description", "format", "type" -> value.isTextual();
            case "exclusiveMaximum",
                    "exclusiveMinimum",
                    "uniqueItems",
                    "nullable",
                    "readOnly",
                    "writeOnly",
                    "deprecated" ->
                value.isBoolean();
            case "maximum",
                    "minimum",
                    "maxLength",
                    "minLength",
                    "maxItems",
                    "minItems",
                    "maxProperties",
                    "minProperties" ->
                value.isNumber() && finiteIfNumber(value);
            case "multipleOf" ->
                value.isNumber() && finiteIfNumber(value) && value.decimalValue().signum() > 0;
            case "example" -> finiteIfNumber(value);
            case "enum", "default" -> true; // read below, with the schema's type
            case "required" -> textArray(value);
            case "allOf", "anyOf", "oneOf" -> composition(value);
            case "items", "not" -> schema(value);
            case "additionalProperties" -> additionalProperties(value);
            case "properties" -> properties(value);
            case "discriminator" ->
                isObject(value)
                    && requiredText(value, "propertyName")
                    && optionalObject(value, "mapping");
            case "xml" ->
                isObject(value)
                    && onlyKeys(value, XML_KEYS)
                    && optionalText(value, "name")
                    && optionalText(value, "namespace")
                    && optionalText(value, "prefix")
                    && optionalBoolean(value, "attribute")
                    && optionalBoolean(value, "wrapped");
            case "externalDocs" -> externalDocs(value);
              // a field the deserializer reads that this check does not (after an upgrade):
              // certainlyNone answers "don't know"
            default -> throw new IllegalStateException("unchecked schema field " + key);
          };
      if (!readable) {
        return false;
      }
    }
    String type = schema.path("type").textValue();
    JsonNode items = schema.get("items");
    return !(schema.path("readOnly").booleanValue() && schema.path("writeOnly").booleanValue())
        && !("array".equals(type) && items == null)
        && enumValues(schema, type)
        && defaultValue(schema, type, items, schema.get("additionalProperties"));
  }

  private boolean composition(JsonNode members) {
    return members == null || (members.isArray() && every(members, this::schema));
  }

  private boolean additionalProperties(JsonNode value) {
    return value == null || value.isBoolean() || schema(value);
  }

  private boolean properties(JsonNode properties) {
    if (!isObject(properties)) {
      return false;
    }
    // written out: a method reference made for each of a large document's schemas cost 2 ms
    for (JsonNode property : properties) {
      if (!schema(property)) {
        return false;
      }
    }
    return true;
  }

  private static boolean textArray(JsonNode values) {
    return values.isArray() && every(values, JsonNode::isTextual);
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
    return !name.isEmpty() && components != null && components.path("schemas").has(name);
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
    return values.isArray()
        && every(values, value -> !value.isTextual() || decodes(schema, type, value.textValue()));
  }

  /**
   * A schema's default, read as the type the deserializer gives the schema: an array's when it has
   * items, an object's when it has additionalProperties (and no composition), else the written type
   * or the one inferred from its enum.
   */
  private static boolean defaultValue(
      JsonNode schema, String writtenType, JsonNode items, JsonNode additionalProperties) {
    JsonNode value = schema.get("default");
    if (value == null) {
      return true;
    }
    boolean composed = schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf");
    String type;
    if (items != null) {
      type = "array";
    } else if (additionalProperties != null && !composed) {
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
      case "string" -> value.isValueNode() && decodes(schema, writtenType, value.asText());
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
   * or additionalProperties) decodes its enum strings and default.
   */
  private static boolean decodes(JsonNode schema, String type, String text) {
    if (!"string".equals(type)) {
      return true;
    }
    String format = schema.path("format").textValue();
    if (format == null) {
      return true;
    }
    try {
      switch (format) {
        case "date":
          return FULL_DATE.matcher(text).matches();
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

  /** Whether every member or element of {@code container} passes {@code check}. */
  private static boolean every(JsonNode container, Predicate<JsonNode> check) {
    for (JsonNode member : container) {
      if (!check.test(member)) {
        return false;
      }
    }
    return true;
  }

  /** An optional map: absent, or an object whose every value passes {@code check}. */
  private static boolean optionalMap(JsonNode owner, String key, Predicate<JsonNode> check) {
    JsonNode map = owner.get(key);
    return map == null || (map.isObject() && every(map, check));
  }

  /** An optional list: absent, or an array whose every element passes {@code check}. */
  private static boolean optionalList(JsonNode owner, String key, Predicate<JsonNode> check) {
    JsonNode list = owner.get(key);
    return list == null || (list.isArray() && every(list, check));
  }

  private static boolean onlyKeys(JsonNode object, Set<String> keys) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!keys.contains(name) && !name.startsWith("x-")) {
        return false;
      }
    }
    return true;
  }

  private static boolean isObject(JsonNode node) {
    return node != null && node.isObject();
  }

  private static boolean requiredText(JsonNode owner, String key) {
    JsonNode value = owner.get(key);
    return value != null && value.isTextual();
  }

  private static boolean optionalText(JsonNode owner, String key) {
    JsonNode value = owner.get(key);
    return value == null || value.isTextual();
  }

  private static boolean optionalBoolean(JsonNode owner, String key) {
    JsonNode value = owner.get(key);
    return value == null || value.isBoolean();
  }

  private static boolean optionalNumber(JsonNode owner, String key) {
    JsonNode value = owner.get(key);
    return value == null || (value.isNumber() && finiteIfNumber(value));
  }

  private static boolean optionalObject(JsonNode owner, String key) {
    JsonNode value = owner.get(key);
    return value == null || value.isObject();
  }

  private static boolean optionalArray(JsonNode owner, String key) {
    JsonNode value = owner.get(key);
    return value == null || value.isArray();
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
  private static boolean optionalUrl(JsonNode owner, String key) {
    JsonNode value = owner.get(key);
    if (value == null) {
      return true;
    }
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

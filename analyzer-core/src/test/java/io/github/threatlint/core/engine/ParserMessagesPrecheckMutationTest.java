package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.TreeParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The precheck's one obligation, tried on mutants: whenever {@link
 * ParserMessagesPrecheck#certainlyNone} says true, swagger-parser's deserializer (run as {@link
 * ParserMessages} runs it) reports nothing. Three clean documents of our own, which between them
 * hold every object type the deserializer reads, are mutated a few thousand times with fixed seeds:
 * a value of another JSON type, a key added, removed or renamed, a string emptied, an operation id
 * or tag name repeated, {@code example} beside {@code examples}, unusual {@code in}, {@code style},
 * {@code type} or {@code format} values, broken URLs and references, enum values and defaults its
 * conversions refuse, parts of the document grafted elsewhere, and two or three of these at once.
 * The operators follow the conditions under which OpenAPIDeserializer 2.1.48 reports or throws, as
 * round 15 enumerated them (docs/performance.md). A mutant the precheck accepts is parsed; any
 * message (or failure) fails the test with the mutation that caused it.
 *
 * <p>The display path holds a space, so it is not a URI: then swagger-parser also checks the
 * templates of root server URLs (and can fail on them), which a precheck that sees only the tree
 * must allow for.
 */
class ParserMessagesPrecheckMutationTest {
  private static final String DISPLAY_PATH = "mutation harness/api.yaml";
  private static final List<String> BASES =
      List.of("every-object.yaml", "extensions-and-forms.json", "edges.yaml");
  private static final int MUTANTS_PER_BASE = 1000;

  /** Every {@code SAMPLE}th mutant is parsed even when the precheck refuses it, for the counts. */
  private static final int SAMPLE = 5;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void swaggerParserReportsNothingForTheBases() {
    for (String base : BASES) {
      assertThat(messages(base(base).root())).as(base).isEmpty();
    }
  }

  @Test
  void thePrecheckAcceptsTheBases() {
    for (String base : BASES) {
      assertThat(ParserMessagesPrecheck.certainlyNone(base(base).root())).as(base).isTrue();
    }
  }

  @Test
  void swaggerParserReportsNothingForWhatThePrecheckAccepts() {
    List<String> disagreements = new ArrayList<>();
    int mutants = 0;
    int accepted = 0;
    int parsedSample = 0;
    int reportedInSample = 0;
    for (int b = 0; b < BASES.size(); b++) {
      ParsedFile base = base(BASES.get(b));
      Random random = new Random(1000L + b);
      for (int i = 0; i < MUTANTS_PER_BASE; i++) {
        JsonNode mutant = base.root().deepCopy();
        String mutation = Mutator.mutate(mutant, random);
        mutants++;
        boolean certainlyNone;
        try {
          certainlyNone = ParserMessagesPrecheck.certainlyNone(mutant);
        } catch (RuntimeException e) {
          disagreements.add(BASES.get(b) + " #" + i + " " + mutation + ": the precheck threw " + e);
          continue;
        }
        boolean sampled = i % SAMPLE == 0;
        if (!certainlyNone && !sampled) {
          continue; // parsing every mutant would take the test past a few seconds
        }
        List<String> messages = messages(mutant);
        boolean reports = !messages.isEmpty();
        if (sampled) {
          parsedSample++;
          reportedInSample += reports ? 1 : 0;
        }
        if (certainlyNone) {
          accepted++;
          if (reports) {
            disagreements.add(BASES.get(b) + " #" + i + " " + mutation + " -> " + messages);
          }
        }
      }
    }
    System.out.printf(
        "precheck mutants: %d, precheck accepts %d, disagreements %d; swagger-parser reports on %d"
            + " of a sample of %d%n",
        mutants, accepted, disagreements.size(), reportedInSample, parsedSample);
    assertThat(disagreements)
        .as("mutants the precheck accepts but swagger-parser reports")
        .isEmpty();
    // the operators must mostly break something, and the precheck must not refuse everything
    assertThat(reportedInSample).isGreaterThan(parsedSample / 3);
    assertThat(accepted).isPositive();
  }

  /**
   * The mutants that found the precheck's first misses, kept as they were found: in a parameter
   * list, references that swagger-parser keys differently from what is written beside them.
   */
  @Test
  void thePrecheckRefusesParameterReferencesSwaggerParserCountsAsRepeated() throws Exception {
    String head =
        """
        openapi: 3.0.3
        info: {title: repeated references, version: '1'}
        components:
          parameters:
            Size: {$ref: '#/definitions/Size', name: size, in: query}
        paths:
          /items:
            get:
              responses: {}
              parameters:
                - $ref: './parameters.yaml#/Sort'
        """;
    List<String> repeats =
        List.of(
            // swagger-models stores a reference with neither '.' nor '/' under
            // #/components/parameters/
            "        - $ref: ''\n",
            "        - $ref: Missing\n",
            // a referenced component that is itself a reference has no name nor location
            "        - $ref: '#/components/parameters/Size'\n",
            // nor has a reference with a name and a location beside it
            "        - {$ref: '#/components/parameters/Missing', name: sort, in: query}\n");
    for (String repeat : repeats) {
      String text = head + repeat;
      JsonNode root =
          TreeParser.parse(new SourceFile(Path.of("x.yaml"), DISPLAY_PATH, text)).root();
      assertThat(messages(root))
          .as(repeat)
          .anyMatch(message -> message.endsWith("There are duplicate parameter values"));
      assertThat(ParserMessagesPrecheck.certainlyNone(root)).as(repeat).isFalse();
    }
  }

  /**
   * swagger-parser's messages about {@code root}, its deserializer run as {@link ParserMessages}
   * runs it (not through {@link ParserMessages#of}, which asks the precheck first); a failure is
   * one message, as the deserializer itself reports it.
   */
  static List<String> messages(JsonNode root) {
    try {
      SwaggerParseResult result =
          new MessagesOnlyDeserializer()
              .deserialize(root, DISPLAY_PATH, ParserMessages.options(), false);
      return result.getMessages() == null ? List.of() : result.getMessages();
    } catch (RuntimeException | StackOverflowError e) {
      return List.of("the deserializer throws " + e);
    }
  }

  private static ParsedFile base(String name) {
    try (InputStream in =
        ParserMessagesPrecheckMutationTest.class.getResourceAsStream("precheck/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TreeParser.parse(new SourceFile(Path.of(name), DISPLAY_PATH, text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(name, e);
    }
  }

  /**
   * Mutation operators over a tree. Each changes the tree in place and says what it did (with the
   * pointer), or returns null when the tree offers it no place; {@link #mutate} tries operators
   * until one applies, and sometimes applies two or three.
   */
  static final class Mutator {
    private static final List<Function<Context, String>> OPERATORS =
        List.of(
            Mutator::retype,
            Mutator::retype,
            Mutator::addKey,
            Mutator::addKey,
            Mutator::removeKey,
            Mutator::removeKey,
            Mutator::emptyString,
            Mutator::setByKey,
            Mutator::setByKey,
            Mutator::setByKey,
            Mutator::renameKey,
            Mutator::graft,
            Mutator::arrayElement,
            Mutator::repeatOperationId,
            Mutator::repeatTagName,
            Mutator::exampleBesideExamples,
            Mutator::enumValue,
            Mutator::defaultValue,
            Mutator::schemaConflict,
            Mutator::pathTemplate,
            Mutator::reference,
            Mutator::referenceSibling);

    /** Values of every JSON type, for keys without a pool of their own. */
    private static final List<JsonNode> VALUES =
        List.of(
            NODES.nullNode(),
            NODES.booleanNode(true),
            NODES.booleanNode(false),
            NODES.numberNode(0),
            NODES.numberNode(-1),
            NODES.numberNode(1),
            NODES.numberNode(1.5),
            NODES.numberNode(2147483648L),
            NODES.textNode(""),
            NODES.textNode("x"),
            NODES.textNode("true"),
            NODES.textNode("2021-02-30"),
            NODES.objectNode(),
            object("a", NODES.numberNode(1)),
            NODES.arrayNode(),
            NODES.arrayNode().add("x"),
            object("type", NODES.textNode("string")),
            object("$ref", NODES.textNode("#/components/schemas/Pet")));

    private static final List<String> URLS =
        List.of(
            "https://ok.example.com/x",
            "not a url",
            "/relative",
            "https://{missing}.example.com",
            "https://{region}.shop.example.com",
            "http://a b.example.com",
            "}{",
            "https://x.example.com/}{",
            "{x}",
            "",
            "mailto:team@example.com",
            "ftp://files.example.com",
            "urn:isbn:123");

    private static final List<String> REFERENCES =
        List.of(
            "#/components/schemas/Pet",
            "#/components/schemas/Missing",
            "#/components/schemas/Account",
            "#/components/schemas",
            "#/components/schemas/",
            "#/components/schemas/Pet/properties/name",
            "#/components/schemas/a~1b",
            "#/components/responses/Error",
            "#/components/parameters/PetId",
            "#/components/parameters/Page",
            "#/components/parameters/Missing",
            "#/components/headers/Expires",
            "#/components/examples/Rex",
            "#/components/links/PetOwner",
            "#/components/callbacks/Events",
            "#/components/requestBodies/PetBody",
            "#/components/securitySchemes/oauth",
            "#/components/pathItems/shared",
            "#/components/unknown/X",
            "#/definitions/Pet",
            "#/paths/~1pets",
            "other.yaml#/Pet",
            "Pet.yaml",
            "./parameters.yaml#/Sort",
            "PetId",
            "Page",
            "Missing",
            "");

    /** Values worth trying per key, beside those of {@link #VALUES}. */
    private static final Map<String, List<JsonNode>> POOLS = new LinkedHashMap<>();

    static {
      pool("in", "query", "header", "path", "cookie", "body", "formData", "Query", "", " ");
      pool(
          "style",
          "matrix",
          "label",
          "form",
          "simple",
          "spaceDelimited",
          "pipeDelimited",
          "deepObject",
          "Form",
          "comma",
          "",
          " ");
      pool(
          "type",
          "string",
          "integer",
          "number",
          "boolean",
          "object",
          "array",
          "null",
          "file",
          "String",
          "",
          "apiKey",
          "http",
          "oauth2",
          "openIdConnect",
          "mutualTLS");
      pool(
          "format",
          "date",
          "date-time",
          "byte",
          "binary",
          "int32",
          "int64",
          "uuid",
          "email",
          "password",
          "float",
          "double",
          "uri",
          "");
      for (String key :
          List.of(
              "url",
              "termsOfService",
              "authorizationUrl",
              "tokenUrl",
              "refreshUrl",
              "openIdConnectUrl",
              "externalValue",
              "operationRef",
              "namespace")) {
        pool(key, URLS.toArray(String[]::new));
      }
      pool("openapi", "3.0.3", "3.0", "3.0.x", "3.1.0", "2.0", "");
      POOLS.get("openapi").add(NODES.numberNode(3.0));
      pool("$ref", REFERENCES.toArray(String[]::new));
      pool("version", "1.0", "");
      POOLS.get("version").add(NODES.nullNode());
      pool("required", "true", "yes", "TRUE");
      POOLS
          .get("required")
          .addAll(
              List.of(
                  NODES.booleanNode(true),
                  NODES.booleanNode(false),
                  NODES.arrayNode().add("id"),
                  NODES.arrayNode().add("id").add(1),
                  NODES.arrayNode().add(NODES.nullNode())));
      pool("nullable", "false", "true");
      POOLS.get("nullable").addAll(List.of(NODES.booleanNode(false), NODES.booleanNode(true)));
      for (String key : List.of("readOnly", "writeOnly")) {
        pool(key, "true", "false");
        POOLS.get(key).add(NODES.booleanNode(true));
      }
      for (String key : List.of("multipleOf", "minimum", "maximum")) {
        pool(key, "2");
        POOLS
            .get(key)
            .addAll(
                List.of(
                    NODES.numberNode(0),
                    NODES.numberNode(-1),
                    NODES.numberNode(0.5),
                    NODES.numberNode(new java.math.BigDecimal("1E+400"))));
      }
      for (String key :
          List.of(
              "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")) {
        pool(key, "3");
        POOLS
            .get(key)
            .addAll(
                List.of(
                    NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(2147483648L)));
      }
      pool("additionalProperties", "yes", "false");
      POOLS
          .get("additionalProperties")
          .addAll(
              List.of(
                  NODES.booleanNode(true),
                  NODES.booleanNode(false),
                  NODES.objectNode(),
                  object("type", NODES.textNode("string"))));
      pool("items", "string");
      POOLS
          .get("items")
          .addAll(
              List.of(
                  NODES.objectNode(),
                  NODES.arrayNode().add(object("type", NODES.textNode("string")))));
      pool("examples", "text");
      POOLS
          .get("examples")
          .addAll(
              List.of(
                  NODES.objectNode(),
                  object("a", object("value", NODES.numberNode(1))),
                  object("a", NODES.textNode("text")),
                  object("a", NODES.numberNode(1)),
                  object(
                      "a", object("value", NODES.numberNode(1)).put("externalValue", "x.json"))));
      pool("content", "text");
      POOLS
          .get("content")
          .addAll(
              List.of(
                  NODES.objectNode(),
                  object("a/b", NODES.objectNode()).set("c/d", NODES.objectNode()),
                  object("x-media", NODES.objectNode()),
                  object("a/b", NODES.textNode("text")),
                  object("a/b", object("schema", object("type", NODES.textNode("string"))))));
      pool("variables");
      POOLS
          .get("variables")
          .addAll(
              List.of(
                  NODES.objectNode(),
                  object("x", object("default", NODES.textNode("a"))),
                  object("region", object("default", NODES.textNode("eu"))),
                  object("x-v", NODES.objectNode()),
                  object("x", NODES.numberNode(1))));
      pool("scopes");
      POOLS.get("scopes").addAll(List.of(NODES.objectNode(), object("a", NODES.objectNode())));
      pool("encoding");
      POOLS
          .get("encoding")
          .addAll(
              List.of(
                  object("nowhere", NODES.objectNode()),
                  object("pet", NODES.textNode("form")),
                  object("pet", object("style", NODES.textNode("simple")))));
      pool("callbacks");
      POOLS
          .get("callbacks")
          .addAll(List.of(object("cb", NODES.textNode("x")), object("cb", NODES.objectNode())));
      pool("operationId", "getPet", "listAccounts", "listItems", " ");
      POOLS.get("operationId").add(NODES.numberNode(1));
      pool("name", "pets", "petId", "accountId", "itemId", "bad name");
      pool("scheme", "basic", "", "Digest");
      pool("description", "");
      POOLS.get("description").add(NODES.nullNode());
      pool("propertyName", "kind", "");
    }

    /** Every key the deserializer reads somewhere, for adding one where it does not belong. */
    private static final List<String> KEYS =
        List.of(
            "openapi",
            "info",
            "servers",
            "paths",
            "components",
            "security",
            "tags",
            "externalDocs",
            "title",
            "description",
            "termsOfService",
            "contact",
            "license",
            "version",
            "name",
            "url",
            "email",
            "variables",
            "enum",
            "default",
            "summary",
            "get",
            "put",
            "post",
            "delete",
            "head",
            "patch",
            "options",
            "trace",
            "parameters",
            "operationId",
            "requestBody",
            "responses",
            "callbacks",
            "deprecated",
            "in",
            "required",
            "allowEmptyValue",
            "style",
            "explode",
            "allowReserved",
            "schema",
            "example",
            "examples",
            "content",
            "headers",
            "links",
            "encoding",
            "contentType",
            "schemas",
            "requestBodies",
            "securitySchemes",
            "type",
            "flows",
            "scheme",
            "bearerFormat",
            "openIdConnectUrl",
            "implicit",
            "password",
            "clientCredentials",
            "authorizationCode",
            "authorizationUrl",
            "tokenUrl",
            "refreshUrl",
            "scopes",
            "$ref",
            "value",
            "externalValue",
            "operationRef",
            "server",
            "multipleOf",
            "maximum",
            "format",
            "exclusiveMaximum",
            "minimum",
            "exclusiveMinimum",
            "maxLength",
            "minLength",
            "pattern",
            "maxItems",
            "minItems",
            "uniqueItems",
            "maxProperties",
            "minProperties",
            "allOf",
            "oneOf",
            "anyOf",
            "not",
            "items",
            "properties",
            "additionalProperties",
            "nullable",
            "discriminator",
            "readOnly",
            "writeOnly",
            "xml",
            "propertyName",
            "mapping",
            "namespace",
            "prefix",
            "attribute",
            "wrapped",
            "webhooks",
            "const",
            "$schema",
            "pathItems",
            "identifier",
            "x-extension",
            "x-",
            "extensions",
            "bogus");

    private static final List<String> RENAMES =
        List.of("bad name", "x-renamed", "{x}", "a/b", "ÄÖ", "", "x-oai-reserved");

    private Mutator() {}

    /** A tree, where its nodes are, and the random source. */
    record Context(JsonNode root, List<Site> sites, Random random) {
      Site any() {
        return sites.get(random.nextInt(sites.size()));
      }

      <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
      }

      List<Site> where(java.util.function.Predicate<Site> test) {
        return sites.stream().filter(test).toList();
      }
    }

    /** A node below the root: its container, its key (or index) there, and the container's site. */
    record Site(JsonNode parent, String key, int index, JsonNode value, Site up) {
      String pointer() {
        String segment = key != null ? key.replace("~", "~0").replace("/", "~1") : "" + index;
        return (up == null ? "" : up.pointer()) + "/" + segment;
      }

      void set(JsonNode replacement) {
        if (parent instanceof ObjectNode object) {
          object.set(key, replacement);
        } else {
          ((ArrayNode) parent).set(index, replacement);
        }
      }

      boolean inObject() {
        return parent instanceof ObjectNode;
      }
    }

    static String mutate(JsonNode root, Random random) {
      int count = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
      List<String> done = new ArrayList<>();
      while (done.size() < count) {
        Context context = new Context(root, sites(root), random);
        String mutation = context.pick(OPERATORS).apply(context);
        if (mutation != null) {
          done.add(mutation);
        }
      }
      return String.join(" + ", done);
    }

    static List<Site> sites(JsonNode root) {
      List<Site> sites = new ArrayList<>();
      collect(root, null, sites);
      return sites;
    }

    private static void collect(JsonNode node, Site up, List<Site> sites) {
      if (node instanceof ObjectNode object) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
          Site site = new Site(object, member.getKey(), -1, member.getValue(), up);
          sites.add(site);
          collect(member.getValue(), site, sites);
        }
      } else if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          Site site = new Site(array, null, i, array.get(i), up);
          sites.add(site);
          collect(array.get(i), site, sites);
        }
      }
    }

    private static String retype(Context context) {
      Site site = context.any();
      JsonNode value = context.pick(VALUES);
      if (value.getNodeType() == site.value().getNodeType()) {
        return null;
      }
      site.set(value.deepCopy());
      return "retype " + site.pointer() + " := " + value;
    }

    private static String addKey(Context context) {
      List<Site> objects = context.where(site -> site.value() instanceof ObjectNode);
      ObjectNode object =
          context.random().nextInt(20) == 0 || objects.isEmpty()
              ? (ObjectNode) context.root()
              : (ObjectNode) context.pick(objects).value();
      String key = context.pick(KEYS);
      if (object.has(key)) {
        return null;
      }
      JsonNode value = valueFor(context, key);
      object.set(key, value);
      return "add " + pointerOf(context, object) + "/" + key + " := " + value;
    }

    private static String removeKey(Context context) {
      Site site = context.any();
      if (!site.inObject()) {
        return null;
      }
      ((ObjectNode) site.parent()).remove(site.key());
      return "remove " + site.pointer();
    }

    private static String emptyString(Context context) {
      List<Site> strings = context.where(site -> site.value().isTextual());
      if (strings.isEmpty()) {
        return null;
      }
      Site site = context.pick(strings);
      site.set(NODES.textNode(""));
      return "empty " + site.pointer();
    }

    private static String setByKey(Context context) {
      List<Site> keyed = context.where(site -> site.key() != null && POOLS.containsKey(site.key()));
      if (keyed.isEmpty()) {
        return null;
      }
      Site site = context.pick(keyed);
      JsonNode value = context.pick(POOLS.get(site.key())).deepCopy();
      site.set(value);
      return "set " + site.pointer() + " := " + value;
    }

    private static String renameKey(Context context) {
      List<Site> members = context.where(Site::inObject);
      Site site = context.pick(members);
      String key = site.key();
      String renamed =
          switch (context.random().nextInt(4)) {
            case 0 -> context.pick(RENAMES);
            case 1 -> key.length() > 1 ? key.substring(1) : "";
            case 2 -> key + "{id}";
            default -> "x-" + key;
          };
      ObjectNode parent = (ObjectNode) site.parent();
      if (parent.has(renamed)) {
        return null;
      }
      List<Map.Entry<String, JsonNode>> members2 = new ArrayList<>();
      parent.properties().forEach(members2::add);
      parent.removeAll();
      for (Map.Entry<String, JsonNode> member : members2) {
        parent.set(member.getKey().equals(key) ? renamed : member.getKey(), member.getValue());
      }
      return "rename " + site.pointer() + " -> " + renamed;
    }

    private static String graft(Context context) {
      Site target = context.any();
      Site source = context.any();
      if (source == target) {
        return null;
      }
      target.set(source.value().deepCopy());
      return "graft " + target.pointer() + " := copy of " + source.pointer();
    }

    private static String arrayElement(Context context) {
      List<Site> arrays =
          context.where(site -> site.value() instanceof ArrayNode array && !array.isEmpty());
      if (arrays.isEmpty()) {
        return null;
      }
      Site site = context.pick(arrays);
      ArrayNode array = (ArrayNode) site.value();
      int index = context.random().nextInt(array.size());
      return switch (context.random().nextInt(3)) {
        case 0 -> {
          array.add(array.get(index).deepCopy());
          yield "repeat " + site.pointer() + "/" + index + " at the end";
        }
        case 1 -> {
          array.remove(index);
          yield "remove " + site.pointer() + "/" + index;
        }
        default -> {
          JsonNode value = context.pick(VALUES);
          array.insert(index, value.deepCopy());
          yield "insert " + site.pointer() + "/" + index + " := " + value;
        }
      };
    }

    private static String repeatOperationId(Context context) {
      List<Site> ids = context.where(site -> "operationId".equals(site.key()));
      List<Site> operations =
          context.where(
              site ->
                  site.value() instanceof ObjectNode o && o.has("responses") && site.inObject());
      if (ids.isEmpty() || operations.isEmpty()) {
        return null;
      }
      Site id = context.pick(ids);
      Site operation = context.pick(operations);
      ((ObjectNode) operation.value()).set("operationId", id.value().deepCopy());
      return "operationId "
          + operation.pointer()
          + " := "
          + id.value()
          + " (as "
          + id.pointer()
          + ")";
    }

    private static String repeatTagName(Context context) {
      JsonNode tags = context.root().path("tags");
      if (!(tags instanceof ArrayNode array) || array.size() < 2) {
        return null;
      }
      int from = context.random().nextInt(array.size());
      int to = context.random().nextInt(array.size());
      if (from == to || !(array.get(to) instanceof ObjectNode tag)) {
        return null;
      }
      tag.set("name", array.get(from).path("name").deepCopy());
      return "tag /tags/" + to + "/name := /tags/" + from + "/name";
    }

    private static String exampleBesideExamples(Context context) {
      List<Site> owners =
          context.where(
              site ->
                  site.value() instanceof ObjectNode o && (o.has("examples") || o.has("example")));
      if (owners.isEmpty()) {
        return null;
      }
      ObjectNode owner = (ObjectNode) context.pick(owners).value();
      if (!owner.has("examples")) {
        JsonNode examples = context.pick(POOLS.get("examples")).deepCopy();
        owner.set("examples", examples);
        return "add " + pointerOf(context, owner) + "/examples := " + examples;
      }
      JsonNode example = context.pick(VALUES).deepCopy();
      owner.set("example", example);
      return "add " + pointerOf(context, owner) + "/example := " + example;
    }

    private static String enumValue(Context context) {
      List<Site> enums = context.where(site -> "enum".equals(site.key()) && site.value().isArray());
      if (enums.isEmpty()) {
        return null;
      }
      Site site = context.pick(enums);
      JsonNode value =
          context.pick(
              List.of(
                  NODES.textNode("not-a-date"),
                  NODES.textNode("2021-02-30"),
                  NODES.textNode("2021-13-45"),
                  NODES.textNode("2021-02-30T00:00:00Z"),
                  NODES.textNode("2021-01-01T00:00:00"),
                  NODES.textNode("2021-01-01T00:00Z"),
                  NODES.textNode("%%%"),
                  NODES.textNode("QUJ"),
                  NODES.textNode(""),
                  NODES.numberNode(20200101),
                  NODES.booleanNode(true),
                  NODES.nullNode(),
                  NODES.objectNode(),
                  NODES.arrayNode()));
      ((ArrayNode) site.value()).add(value);
      return "enum " + site.pointer() + " += " + value;
    }

    private static String defaultValue(Context context) {
      List<Site> schemas = context.where(site -> isSchemaLike(site.value()));
      if (schemas.isEmpty()) {
        return null;
      }
      Site site = context.pick(schemas);
      JsonNode value =
          context.pick(
              List.of(
                  NODES.nullNode(),
                  NODES.textNode("2021-01-01"),
                  NODES.textNode("2021-01-01T00:00:00Z"),
                  NODES.textNode("bad"),
                  NODES.textNode(""),
                  NODES.textNode("UmV4"),
                  NODES.numberNode(20200101),
                  NODES.numberNode(1.5),
                  NODES.booleanNode(true),
                  NODES.objectNode(),
                  NODES.arrayNode()));
      ((ObjectNode) site.value()).set("default", value);
      return "default " + site.pointer() + " := " + value;
    }

    /** Combinations the deserializer warns about inside one schema. */
    private static String schemaConflict(Context context) {
      List<Site> schemas = context.where(site -> isSchemaLike(site.value()));
      if (schemas.isEmpty()) {
        return null;
      }
      Site site = context.pick(schemas);
      ObjectNode schema = (ObjectNode) site.value();
      switch (context.random().nextInt(5)) {
        case 0 -> {
          schema.put("readOnly", true).put("writeOnly", true);
          return "readOnly and writeOnly " + site.pointer();
        }
        case 1 -> {
          schema.put("nullable", false).set("default", NODES.nullNode());
          return "not nullable, default null " + site.pointer();
        }
        case 2 -> {
          schema.put("type", "array").remove("items");
          return "type array without items " + site.pointer();
        }
        case 3 -> {
          schema.set("items", object("type", NODES.textNode("string")));
          return "items added " + site.pointer();
        }
        default -> {
          schema.set("additionalProperties", NODES.booleanNode(context.random().nextBoolean()));
          return "additionalProperties added " + site.pointer();
        }
      }
    }

    /** A path template variable added or renamed (declared path parameters). */
    private static String pathTemplate(Context context) {
      JsonNode paths = context.root().path("paths");
      if (!(paths instanceof ObjectNode object) || object.isEmpty()) {
        return null;
      }
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      String key = context.pick(keys);
      String renamed =
          key.contains("{") && context.random().nextBoolean()
              ? key.replaceFirst("\\{[^}]*}", "{other}")
              : key + context.pick(List.of("/{extra}", "/{a}{b}", "/{}", "/{{x}}", "/x}{y"));
      if (object.has(renamed)) {
        return null;
      }
      object.set(renamed, object.remove(key));
      return "path " + key + " -> " + renamed;
    }

    /** A {@code $ref} set, or added to an object that had none. */
    private static String reference(Context context) {
      List<Site> objects = context.where(site -> site.value() instanceof ObjectNode);
      if (objects.isEmpty()) {
        return null;
      }
      Site site = context.pick(objects);
      JsonNode ref =
          context.random().nextInt(8) == 0
              ? context.pick(VALUES)
              : NODES.textNode(context.pick(REFERENCES));
      ((ObjectNode) site.value()).set("$ref", ref.deepCopy());
      return "$ref " + site.pointer() + " := " + ref;
    }

    /**
     * Keys beside a {@code $ref}, which the deserializer mostly does not read (a referenced
     * parameter's {@code name} and {@code in} among them).
     */
    private static String referenceSibling(Context context) {
      List<Site> references =
          context.where(site -> site.value() instanceof ObjectNode o && o.has("$ref"));
      if (references.isEmpty()) {
        return null;
      }
      Site site = context.pick(references);
      ObjectNode object = (ObjectNode) site.value();
      if (context.random().nextBoolean()) {
        object.set("name", context.pick(POOLS.get("name")).deepCopy());
        object.set("in", context.pick(POOLS.get("in")).deepCopy());
        return "name and in beside " + site.pointer() + "/$ref";
      }
      String key = context.pick(KEYS);
      if (object.has(key)) {
        return null;
      }
      JsonNode value = valueFor(context, key);
      object.set(key, value);
      return "add " + site.pointer() + "/" + key + " := " + value + " beside $ref";
    }

    private static boolean isSchemaLike(JsonNode node) {
      return node instanceof ObjectNode o
          && (o.has("type") || o.has("properties") || o.has("allOf") || o.has("enum"));
    }

    private static JsonNode valueFor(Context context, String key) {
      List<JsonNode> pool = POOLS.get(key);
      return (pool != null && context.random().nextBoolean()
              ? context.pick(pool)
              : context.pick(VALUES))
          .deepCopy();
    }

    private static String pointerOf(Context context, JsonNode node) {
      if (node == context.root()) {
        return "";
      }
      for (Site site : context.sites()) {
        if (site.value() == node) {
          return site.pointer();
        }
      }
      return "?";
    }

    private static void pool(String key, String... texts) {
      List<JsonNode> values = new ArrayList<>();
      for (String text : texts) {
        values.add(NODES.textNode(text));
      }
      POOLS.put(key, values);
    }

    private static ObjectNode object(String key, JsonNode value) {
      ObjectNode object = NODES.objectNode();
      object.set(key, value);
      return object;
    }
  }
}

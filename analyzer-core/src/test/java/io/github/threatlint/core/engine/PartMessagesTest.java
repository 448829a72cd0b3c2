package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * swagger-parser's messages worked out for one edited component schema ({@link PartMessages}) are
 * the whole document's, over edits of every component schema of every OpenAPI 3 fixture and sample
 * (a property renamed, an unknown or wrongly typed member added, the first member removed, the
 * schema made a string); an edit elsewhere is not worked out so. More specifications can be named
 * with {@code -Dthreatlint.partMessagesSpecs=FILE,FILE} (the large corpus specs were run so).
 */
class PartMessagesTest {
  private static final List<Path> FOLDERS =
      List.of(Path.of("../rules/src/test/resources/fixtures"), Path.of("../sample-specs"));

  /** Schemas edited per document, at most: the first ones. */
  private static final int MAX_SCHEMAS = 40;

  @Test
  void theMessagesOfAnEditedSchemaWorkedOutAloneAreTheDocumentsMessages() throws Exception {
    int compared = 0;
    for (Path spec : specs()) {
      ParsedFile parsed = parse(spec);
      SpecVersion version = parsed == null ? null : version(parsed);
      if (version == null || version.isSwagger2()) {
        continue;
      }
      List<String> last = ParserMessages.of(parsed, version);
      JsonNode schemas = parsed.root().path("components").path("schemas");
      List<String> names = new ArrayList<>();
      schemas.fieldNames().forEachRemaining(names::add);
      for (String name : names.subList(0, Math.min(MAX_SCHEMAS, names.size()))) {
        for (int kind = 0; kind < 5; kind++) {
          JsonNode edited = editSchema(parsed.root(), name, kind);
          ParsedFile file =
              new ParsedFile(parsed.source(), edited, parsed.index(), List.of(), false);
          List<String> worked = PartMessages.update(last, parsed.root(), file, version);
          List<String> whole = ParserMessages.of(file, version);
          if (worked != null) {
            assertThat(worked)
                .as("%s: schema %s, edit %d", spec, name, kind)
                .containsExactlyInAnyOrderElementsOf(whole);
            compared++;
          }
        }
      }
      assertThat(PartMessages.update(last, parsed.root(), parsed, version))
          .as("%s: nothing edited", spec)
          .isNull();
      if (parsed.root().path("paths").size() > 0) {
        ObjectNode pathEdited = parsed.root().deepCopy();
        ((ObjectNode) pathEdited.get("paths")).put("/edited-" + compared, "x");
        ParsedFile file =
            new ParsedFile(parsed.source(), pathEdited, parsed.index(), List.of(), false);
        assertThat(PartMessages.update(last, parsed.root(), file, version))
            .as("%s: a path edited", spec)
            .isNull();
      }
    }
    assertThat(compared).as("edits compared").isGreaterThan(200);
  }

  /** A copy of the tree with component schema {@code name} edited in one of five ways. */
  private static JsonNode editSchema(JsonNode root, String name, int kind) {
    ObjectNode copy = root.deepCopy();
    ObjectNode schemas = (ObjectNode) copy.get("components").get("schemas");
    JsonNode schema = schemas.get(name);
    if (!(schema instanceof ObjectNode object) || kind == 4) {
      schemas.put(name, "not a schema");
      return copy;
    }
    switch (kind) {
      case 0 -> {
        JsonNode properties = object.path("properties");
        if (properties instanceof ObjectNode props && !props.isEmpty()) {
          String first = props.fieldNames().next();
          ObjectNode renamed = object.objectNode();
          props
              .properties()
              .forEach(
                  member ->
                      renamed.set(
                          member.getKey().equals(first) ? first + "_renamed" : member.getKey(),
                          member.getValue()));
          object.set("properties", renamed);
        } else {
          object.put("type", "object");
        }
      }
      case 1 -> object.put("bogusMember", 1);
      case 2 -> object.put("required", "name");
      default -> {
        if (!object.isEmpty()) {
          object.remove(object.fieldNames().next());
        }
      }
    }
    return copy;
  }

  private static List<Path> specs() throws IOException {
    List<Path> specs = new ArrayList<>();
    for (Path folder : FOLDERS) {
      try (Stream<Path> files = Files.walk(folder)) {
        files
            .filter(file -> file.toString().matches(".*\\.(ya?ml|json)$"))
            .sorted()
            .forEach(specs::add);
      }
    }
    String more = System.getProperty("threatlint.partMessagesSpecs", "");
    for (String file : more.split(",")) {
      if (!file.isBlank()) {
        specs.add(Path.of(file));
      }
    }
    return specs;
  }

  /** The spec's tree, or null when it does not parse (fixtures of broken YAML). */
  private static ParsedFile parse(Path spec) throws IOException {
    try {
      return TreeParser.parse(new SourceFile(spec, spec.toString(), Files.readString(spec)));
    } catch (SourceException e) {
      return null;
    }
  }

  /** The document's version, or null when it is not an OpenAPI or Swagger document. */
  private static SpecVersion version(ParsedFile parsed) {
    if (!parsed.root().isObject() || !parsed.root().path("components").isObject()) {
      return null;
    }
    try {
      return DocumentLoader.detectVersion(parsed);
    } catch (SourceException e) {
      return null;
    }
  }
}

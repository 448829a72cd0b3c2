package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.source.ScalarEdit;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema usage and reference users carried to a tree derived from the last one ({@link
 * SchemaUsage#carried}, {@link ReferenceUsers#carried}) answer every question the rules and the
 * engine ask, of every node of the new tree, as those worked out from scratch on that tree: over
 * the fixtures and samples written as pretty JSON, edits in a row of keys and string values, a
 * third of them of the members the usage reads (references, a parameter's {@code in} and {@code
 * name}, {@code properties}, {@code items}, {@code allOf}, a mapping, ...), which it must refuse
 * when they change it.
 */
class CarriedFactsTest {
  private static final List<Path> FOLDERS =
      List.of(Path.of("../rules/src/test/resources/fixtures"), Path.of("../sample-specs"));

  private static final int EDITS_PER_SPEC = 30;

  /** Members whose edit may change the usage, edited more often than the others. */
  private static final Set<String> READ =
      Set.of(
          "$ref",
          "in",
          "name",
          "properties",
          "items",
          "allOf",
          "oneOf",
          "discriminator",
          "mapping",
          "schema",
          "content",
          "parameters",
          "requestBody",
          "responses",
          "headers");

  @TempDir Path folder;

  @Test
  void carriedFactsAnswerAsThoseWorkedOutOnTheNewTree() throws Exception {
    Random random = new Random(12);
    ObjectMapper json = new ObjectMapper();
    int carried = 0;
    int refused = 0;
    int usersCarried = 0;
    int usersRefused = 0;
    for (Path spec : specs()) {
      ParsedFile parsed = parse(spec, Files.readString(spec));
      if (parsed == null || !parsed.root().isObject() || version(parsed) == null) {
        continue;
      }
      Path file = folder.resolve("spec.json");
      String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(parsed.root());
      parsed = parse(file, text);
      ApiDocument last = document(parsed);
      last.schemaUsage();
      last.referenceUsers();
      for (int step = 0; step < EDITS_PER_SPEC; step++) {
        String edited = edit(parsed, text, random, step % 3 == 0);
        if (edited == null) {
          continue;
        }
        ParsedFile derived = ScalarEdit.apply(parsed, new SourceFile(file, "spec.json", edited));
        boolean parsedAgain = derived == null;
        if (parsedAgain) {
          // not one string or key: parsed again, nothing carried
          derived = parse(file, edited);
        }
        if (derived == null || version(derived) != version(parsed)) {
          continue;
        }
        if (parsedAgain) {
          last = document(derived);
          last.schemaUsage();
          last.referenceUsers();
        } else {
          ApiDocument next = document(derived);
          SchemaUsage usage = SchemaUsage.carried(next, last.schemaUsage());
          SchemaUsage computed = document(derived).schemaUsage();
          if (usage != null) {
            assertThat(answers(derived, usage))
                .as("%s, edit %d", spec, step)
                .isEqualTo(answers(derived, computed));
            carried++;
          } else {
            refused++;
          }
          ReferenceUsers users = ReferenceUsers.carried(next, last.referenceUsers());
          if (users != null) {
            assertThat(answers(next, users))
                .as("%s, edit %d: users", spec, step)
                .isEqualTo(answers(next, document(derived).referenceUsers()));
            usersCarried++;
          } else {
            usersRefused++;
          }
          next.carryFrom(last);
          next.schemaUsage();
          next.referenceUsers();
          last = next;
        }
        parsed = derived;
        text = edited;
      }
    }
    assertThat(carried).as("usages carried").isGreaterThan(5000);
    assertThat(refused).as("usages worked out again").isGreaterThan(3000);
    assertThat(usersCarried).as("reference users carried").isGreaterThan(5000);
    assertThat(usersRefused).as("reference users worked out again").isGreaterThan(500);
  }

  /** What the usage says of each node of the tree, by pointer. */
  private static List<String> answers(ParsedFile file, SchemaUsage usage) {
    List<String> answers = new ArrayList<>();
    List<NodeRef> pending = new ArrayList<>(List.of(NodeRef.root(file)));
    while (!pending.isEmpty()) {
      NodeRef node = pending.remove(pending.size() - 1);
      answers.add(
          node.pointer()
              + " "
              + usage.flags(node)
              + (usage.isHeaderOnlyInput(node) ? " header-only" : "")
              + (usage.isUrlOrHeaderOnlyInput(node) ? " url-or-header-only" : "")
              + (usage.isInputOrUnknown(node) ? " input-or-unknown" : "")
              + (usage.isUnknown(node) ? " unknown" : "")
              + (usage.isCompositionMember(node) ? " composition-member" : "")
              + (usage.isRequestRoot(node) ? " request-root" : ""));
      for (Map.Entry<String, NodeRef> member : node.members()) {
        pending.add(member.getValue());
      }
      pending.addAll(node.elements());
    }
    return answers;
  }

  /**
   * The operations that use each node of the document's tree, by pointer, and where a finding names
   * each operation.
   */
  private static List<String> answers(ApiDocument document, ReferenceUsers users) {
    List<String> answers = new ArrayList<>();
    for (Operation operation : document.allOperations()) {
      answers.add(label(operation) + " mounted at " + users.mount(operation).pointer());
    }
    List<NodeRef> pending = new ArrayList<>(List.of(document.root()));
    while (!pending.isEmpty()) {
      NodeRef node = pending.remove(pending.size() - 1);
      List<String> labels = new ArrayList<>();
      for (Operation operation : users.of(node)) {
        labels.add(label(operation));
      }
      answers.add(node.pointer() + " " + labels);
      for (Map.Entry<String, NodeRef> member : node.members()) {
        pending.add(member.getValue());
      }
      pending.addAll(node.elements());
    }
    return answers;
  }

  private static String label(Operation operation) {
    return operation.kind() + " " + operation.method() + " " + operation.path();
  }

  /**
   * The text with one key or string value edited (a char put in after its opening quote, or its
   * first char taken out), of a member the usage reads when {@code read}, else of any; null when
   * there is none.
   */
  private static String edit(ParsedFile parsed, String text, Random random, boolean read) {
    List<Object[]> members = new ArrayList<>();
    members(parsed.root(), false, read, members);
    if (members.isEmpty()) {
      return null;
    }
    Object[] chosen = members.get(random.nextInt(members.size()));
    JsonNode object = (JsonNode) chosen[0];
    String name = (String) chosen[1];
    LocationIndex index = parsed.index();
    boolean value = object.get(name).isTextual() && random.nextBoolean();
    Region region = value ? index.valueRegion(object, name) : index.keyRegion(object, name);
    if (region == null) {
      return null;
    }
    int start = index.offset(region.startLine(), region.startColumn()) + 1;
    int end = index.offset(region.endLine(), region.endColumn()) - 1;
    if (random.nextBoolean() && end > start) {
      return text.substring(0, start) + text.substring(start + 1);
    }
    return text.substring(0, start) + "x" + text.substring(start);
  }

  /**
   * The members below {@code node} (each its object and name): those the usage reads when {@code
   * read} (those of a discriminator's mapping among them), else all.
   */
  private static void members(JsonNode node, boolean mapping, boolean read, List<Object[]> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!read || mapping || READ.contains(member.getKey())) {
          found.add(new Object[] {node, member.getKey()});
        }
        members(member.getValue(), member.getKey().equals("mapping"), read, found);
      }
    } else {
      for (JsonNode element : node) {
        members(element, false, read, found);
      }
    }
  }

  private static ApiDocument document(ParsedFile file) throws SourceException {
    return new ApiDocument(file, DocumentLoader.detectVersion(file), ExternalFiles.NONE);
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
    return specs;
  }

  /** The text's tree, or null when it does not parse (fixtures of broken YAML). */
  private static ParsedFile parse(Path file, String text) {
    try {
      return TreeParser.parse(new SourceFile(file, file.toString(), text));
    } catch (SourceException e) {
      return null;
    }
  }

  /** The document's version, or null when it is not an OpenAPI or Swagger document. */
  private static SpecVersion version(ParsedFile parsed) {
    try {
      return DocumentLoader.detectVersion(parsed);
    } catch (SourceException e) {
      return null;
    }
  }
}

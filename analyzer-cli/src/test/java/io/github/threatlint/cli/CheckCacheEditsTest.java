package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckCache;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.Reporters;
import io.github.threatlint.core.source.ScalarEdit;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.TreeParser;
import io.github.threatlint.rules.BuiltInRules;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that reuses what a {@link CheckCache} kept (as the language server does after each edit)
 * reports byte for byte what a fresh check reports, over random edits of the samples, with every
 * rule of the strict profile: mostly edits of prose (where swagger-parser's messages are kept and
 * the calls of the rules that do not read prose are replayed), and edits of anything else in
 * between (where the model is built and every rule runs again).
 */
class CheckCacheEditsTest {
  private static final List<String> SAMPLES =
      List.of(
          "wealth/wealth-api.yaml",
          "payment-initiation-swagger2/payment-initiation-api.json",
          "corporate-events-oas31/corporate-events-api.yaml",
          "client-onboarding-legacy/client-onboarding-api.yaml");
  private static final int EDITS_PER_SAMPLE = 30;
  private static final int TEXT_EDITS_PER_SAMPLE = 40;
  private static final List<String> PROSE = List.of("description", "summary");

  @TempDir Path folder;

  @Test
  void onlySpecInvalidReadsSwaggerParsersMessages() {
    assertThat(BuiltInRules.all())
        .filteredOn(rule -> rule.info().readsParserMessages())
        .extracting(RuleDescriptor::id)
        .containsExactly("spec-invalid");
  }

  @Test
  void aCheckWithTheCacheReportsWhatAFreshCheckReportsAfterEachEdit() throws Exception {
    Random random = new Random(23);
    ObjectMapper json = new ObjectMapper();
    for (String sample : SAMPLES) {
      JsonNode tree = sampleTree(sample);
      Path file = folder.resolve(Path.of(sample).getFileName() + ".json");
      Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
      CheckCache cache = new CheckCache();
      int reports = 0;
      int replayed = 0;
      for (int step = 0; step < EDITS_PER_SAMPLE; step++) {
        String edit = edit(tree, random);
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        // what the cache keeps for a replay: there is something to replay after a prose edit
        replayed += edit.startsWith("prose ") && cache.ruleCalls(file) > 0 ? 1 : 0;
        String kept = report(file, text, cache);
        String fresh = report(file, text, null);
        assertThat(kept).as("%s after edit %d (%s)", sample, step, edit).isEqualTo(fresh);
        reports += kept.contains("\"spec-invalid\"") ? 1 : 0;
      }
      assertThat(cache.size()).isEqualTo(1);
      assertThat(reports).as("%s: the edits made the document invalid", sample).isPositive();
      assertThat(replayed).as("%s: prose edits replayed rules", sample).isGreaterThan(5);
    }
  }

  /**
   * Random edits of the text itself, as an editor makes them, most inside strings or at their
   * quotes (those inside one string are read without a parse: {@code ScalarEdit}), with quotes,
   * backslashes, escapes and line breaks put in or taken out, some in keys and numbers; on the
   * samples written over many lines and on one line (where an edit moves every later column). Each
   * edit builds on the last text that parsed.
   */
  @Test
  void aCheckWithTheCacheReportsWhatAFreshCheckReportsAfterEachEditOfTheText() throws Exception {
    Random random = new Random(21);
    int derived = 0;
    for (String sample : SAMPLES.subList(0, 2)) {
      for (String start : jsonTexts(sample)) {
        Path file = folder.resolve(Path.of(sample).getFileName() + ".json");
        CheckCache cache = new CheckCache();
        String last = start;
        report(file, last, cache);
        for (int step = 0; step < TEXT_EDITS_PER_SAMPLE; step++) {
          String text = textEdit(last, random);
          derived += derivable(file, last, text) ? 1 : 0;
          String kept = report(file, text, cache);
          assertThat(kept)
              .as("%s after text edit %d", sample, step)
              .isEqualTo(report(file, text, null));
          if (parses(file, text)) {
            last = text;
          }
        }
      }
    }
    assertThat(derived).as("edits read without a parse").isGreaterThan(10);
  }

  /**
   * Edits inside the text of one description or summary at a time, in a row: each tree is derived
   * from the last one, and the replayed calls the edit cannot reach keep what they were worked out
   * as (their regions, uses and related places); those on the edit's line (every one, in one-line
   * JSON) are worked out again.
   */
  @Test
  void proseEditsInsideOneStringInARowReportWhatAFreshCheckReports() throws Exception {
    Random random = new Random(9);
    for (String sample : SAMPLES.subList(0, 2)) {
      for (String start : jsonTexts(sample)) {
        Path file = folder.resolve(Path.of(sample).getFileName() + ".json");
        CheckCache cache = new CheckCache();
        String text = start;
        report(file, text, cache);
        for (int step = 0; step < PROSE_EDITS_PER_SAMPLE; step++) {
          String edited = proseEdit(text, random);
          assertThat(derivable(file, text, edited)).as("%s: %s", sample, edited).isTrue();
          String kept = report(file, edited, cache);
          assertThat(kept)
              .as("%s after prose edit %d", sample, step)
              .isEqualTo(report(file, edited, null));
          assertThat(cache.ruleCalls(file)).isPositive();
          text = edited;
        }
      }
    }
  }

  private static final int PROSE_EDITS_PER_SAMPLE = 25;

  /**
   * Edits inside the keys of the text in a row (a char put in or taken out, a key made another
   * member's name: a duplicate key), with prose edits in between (replayed on a tree derived from a
   * renamed one): each key edit that leaves a plain, new key is derived from the last tree.
   */
  @Test
  void keyEditsInARowReportWhatAFreshCheckReports() throws Exception {
    Random random = new Random(31);
    int derived =
        editsInARow(
            "key edit",
            (file, text) ->
                random.nextInt(4) == 0 ? proseEdit(text, random) : keyEdit(file, text, random));
    assertThat(derived).as("edits read without a parse").isGreaterThan(KEY_EDITS_PER_SAMPLE * 4);
  }

  /** One edit of a text. */
  private interface Edit {
    String apply(Path file, String text) throws Exception;
  }

  /**
   * {@code KEY_EDITS_PER_SAMPLE} edits in a row of each sample, pretty and on one line, through one
   * cache per text, each cached report compared with a fresh one; how many were read without a
   * parse.
   */
  private int editsInARow(String what, Edit edit) throws Exception {
    int derived = 0;
    for (String sample : SAMPLES) {
      for (String start : jsonTexts(sample)) {
        Path file = folder.resolve(Path.of(sample).getFileName() + ".json");
        CheckCache cache = new CheckCache();
        String text = start;
        report(file, text, cache);
        for (int step = 0; step < KEY_EDITS_PER_SAMPLE; step++) {
          String edited = edit.apply(file, text);
          derived += derivable(file, text, edited) ? 1 : 0;
          String kept = report(file, edited, cache);
          assertThat(kept)
              .as("%s after %s %d", sample, what, step)
              .isEqualTo(report(file, edited, null));
          text = edited;
        }
      }
    }
    return derived;
  }

  private static final int KEY_EDITS_PER_SAMPLE = 30;

  /**
   * Edits inside string values other than prose in a row (references, a parameter's {@code in} and
   * {@code name}, types, formats, examples, ...), with key edits between them: each tree is derived
   * from the last one, and the document's shared facts (the schema usage, the reference users) are
   * carried across an edit that cannot change them and worked out again after one that can.
   */
  @Test
  void stringEditsInARowReportWhatAFreshCheckReports() throws Exception {
    Random random = new Random(37);
    int derived =
        editsInARow(
            "string edit",
            (file, text) ->
                random.nextInt(4) == 0
                    ? keyEdit(file, text, random)
                    : stringEdit(file, text, random));
    assertThat(derived).as("edits read without a parse").isGreaterThan(KEY_EDITS_PER_SAMPLE * 4);
  }

  /**
   * A random string value of the text with a char put in or taken out: a reference, a parameter's
   * {@code in} or {@code name} every third time, else any.
   */
  private static String stringEdit(Path file, String text, Random random) throws Exception {
    ParsedFile parsed = TreeParser.parse(new SourceFile(file, file.toString(), text));
    List<JsonNode> objects = new ArrayList<>();
    objects(parsed.root(), objects);
    List<Map.Entry<JsonNode, String>> strings = new ArrayList<>();
    boolean read = random.nextInt(3) == 0;
    for (JsonNode object : objects) {
      object
          .properties()
          .forEach(
              member -> {
                if (member.getValue().isTextual()
                    && (!read || List.of("$ref", "in", "name").contains(member.getKey()))) {
                  strings.add(Map.entry(object, member.getKey()));
                }
              });
    }
    if (strings.isEmpty()) {
      return text;
    }
    Map.Entry<JsonNode, String> chosen = strings.get(random.nextInt(strings.size()));
    var value = parsed.index().valueRegion(chosen.getKey(), chosen.getValue());
    int start = parsed.index().offset(value.startLine(), value.startColumn()) + 1;
    int end = parsed.index().offset(value.endLine(), value.endColumn()) - 1;
    return random.nextBoolean() && start < end && text.charAt(start) != '\\'
        ? text.substring(0, start) + text.substring(start + 1)
        : text.substring(0, end) + "x" + text.substring(end);
  }

  /**
   * A random key of the text with a char put in or taken out, or made the name of another member of
   * its object.
   */
  private static String keyEdit(Path file, String text, Random random) throws Exception {
    ParsedFile parsed = TreeParser.parse(new SourceFile(file, file.toString(), text));
    List<JsonNode> objects = new ArrayList<>();
    objects(parsed.root(), objects);
    JsonNode object = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    var key = parsed.index().keyRegion(object, names.get(random.nextInt(names.size())));
    if (key == null) {
      return text;
    }
    int start = parsed.index().offset(key.startLine(), key.startColumn()) + 1;
    int end = parsed.index().offset(key.endLine(), key.endColumn()) - 1;
    int kind = random.nextInt(8);
    if (kind == 0) {
      return text.substring(0, start)
          + names.get(random.nextInt(names.size()))
          + text.substring(end);
    }
    int at = start + random.nextInt(end - start + 1);
    return kind == 1 && at < end
        ? text.substring(0, at) + text.substring(at + 1)
        : text.substring(0, at) + "xyz".charAt(kind % 3) + text.substring(at);
  }

  private static void objects(JsonNode node, List<JsonNode> objects) {
    if (node.isObject() && !node.isEmpty()) {
      objects.add(node);
    }
    for (JsonNode child : node) {
      objects(child, objects);
    }
  }

  private static final Pattern PROSE_VALUE = Pattern.compile("\"(description|summary)\" ?: ?\"");

  private static final String[] PROSE_INSERTS = {"x", "Edited ", "\\u00e9", "two words "};

  /**
   * A text put into a random description or summary, at its start or after a space in it (never
   * inside an escape).
   */
  private static String proseEdit(String text, Random random) {
    List<Integer> starts = new ArrayList<>();
    Matcher value = PROSE_VALUE.matcher(text);
    while (value.find()) {
      starts.add(value.end());
    }
    int start = starts.get(random.nextInt(starts.size()));
    List<Integer> places = new ArrayList<>(List.of(start));
    for (int i = start; text.charAt(i) != '"'; i += text.charAt(i) == '\\' ? 2 : 1) {
      if (text.charAt(i) == ' ') {
        places.add(i + 1);
      }
    }
    int at = places.get(random.nextInt(places.size()));
    return text.substring(0, at)
        + PROSE_INSERTS[random.nextInt(PROSE_INSERTS.length)]
        + text.substring(at);
  }

  private static final String[] INSERTS = {
    "x", " word", "\"", "\\", "\\n", "\\\"", "\\u00e9", "\n", "\u00e9", "1", "\" ", "."
  };

  /** One random edit of a text: at or near a quote mostly, else at a digit or anywhere. */
  private static String textEdit(String text, Random random) {
    List<Integer> quotes = new ArrayList<>();
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quotes.add(i);
      } else if (Character.isDigit(c)) {
        digits.add(i);
      }
    }
    int kind = random.nextInt(10);
    int at =
        kind < 7
            ? quotes.get(random.nextInt(quotes.size())) + random.nextInt(6) - 1
            : kind < 9 && !digits.isEmpty()
                ? digits.get(random.nextInt(digits.size()))
                : random.nextInt(text.length());
    at = Math.max(0, Math.min(text.length(), at));
    int removed = random.nextInt(3) == 0 ? Math.min(text.length() - at, random.nextInt(3) + 1) : 0;
    String inserted =
        removed > 0 && random.nextBoolean() ? "" : INSERTS[random.nextInt(INSERTS.length)];
    return text.substring(0, at) + inserted + text.substring(at + removed);
  }

  /** The sample's tree written as JSON twice: pretty-printed, and on one line. */
  private static List<String> jsonTexts(String sample) throws Exception {
    JsonNode tree = sampleTree(sample);
    return List.of(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree),
        tree.toString());
  }

  private static boolean parses(Path file, String text) {
    try {
      TreeParser.parse(new SourceFile(file, file.toString(), text));
      return true;
    } catch (SourceException e) {
      return false;
    }
  }

  /** Whether the cache reads {@code text} from the tree of {@code last} without a parse. */
  private static boolean derivable(Path file, String last, String text) throws Exception {
    ParsedFile before = TreeParser.parse(new SourceFile(file, file.toString(), last));
    return ScalarEdit.apply(before, new SourceFile(file, file.toString(), text)) != null;
  }

  /**
   * Edits of one place each, as a replay of the untouched parts would have to get them right (docs/
   * performance.md, round 8): one operation, one schema, a schema that references lead to, a
   * security scheme, the servers. Each edit is made on the sample as written, checked, and undone
   * (checked again).
   */
  @Test
  void aCheckWithTheCacheReportsWhatAFreshCheckReportsAfterAnEditOfOnePart() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String sample : SAMPLES) {
      JsonNode tree = sampleTree(sample);
      Path file = folder.resolve(Path.of(sample).getFileName() + ".json");
      String original = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
      CheckCache cache = new CheckCache();
      String originalReport = report(file, original, cache);
      boolean swagger2 = tree.has("swagger");
      JsonNode schemas =
          swagger2 ? tree.path("definitions") : tree.path("components").path("schemas");
      String referenced = firstReference(tree.path("paths"));
      Map<String, JsonNode> places = new LinkedHashMap<>();
      places.put("an operation", tree.path("paths").elements().next().elements().next());
      places.put("a schema", schemas.elements().next());
      places.put(
          "a referenced schema",
          referenced == null ? json.nullNode() : tree.at(referenced.substring(1)));
      places.put(
          "a security scheme",
          (swagger2
                  ? tree.path("securityDefinitions")
                  : tree.path("components").path("securitySchemes"))
              .elements()
              .next());
      places.put("the servers", swagger2 ? tree : tree.path("servers").path(0));
      int edited = 0;
      for (Map.Entry<String, JsonNode> place : places.entrySet()) {
        if (!(place.getValue() instanceof ObjectNode object) || object.isEmpty()) {
          continue;
        }
        for (int kind = 0; kind < 3; kind++) {
          ObjectNode before = object.deepCopy();
          String edit =
              editFirstMember(object, kind, swagger2 && place.getKey().equals("the servers"));
          String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
          object.removeAll();
          object.setAll(before);
          String kept = report(file, text, cache);
          assertThat(kept)
              .as("%s after an edit of %s (%s)", sample, place.getKey(), edit)
              .isEqualTo(report(file, text, null));
          assertThat(report(file, original, cache))
              .as("%s back from an edit of %s (%s)", sample, place.getKey(), edit)
              .isEqualTo(originalReport);
          edited++;
        }
      }
      assertThat(edited).as("%s: places edited", sample).isGreaterThanOrEqualTo(9);
    }
  }

  /** The target of the first {@code $ref} into the same file under {@code node}, or null. */
  private static String firstReference(JsonNode node) {
    JsonNode ref = node.path("$ref");
    if (ref.isTextual() && ref.asText().startsWith("#/")) {
      return ref.asText();
    }
    for (JsonNode child : node) {
      String found = firstReference(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * Renames the first member of {@code object}, removes it, or changes its first value (by {@code
   * kind}); with {@code host}, changes the 2.0 document's host instead. Says what it did.
   */
  private static String editFirstMember(ObjectNode object, int kind, boolean host) {
    if (host) {
      object.put("host", object.path("host").asText() + "x" + kind);
      return "host";
    }
    String first = object.fieldNames().next();
    JsonNode value = object.get(first);
    switch (kind) {
      case 0 -> {
        rename(object, first, first + "_renamed");
        return "renamed " + first;
      }
      case 1 -> {
        object.remove(first);
        return "removed " + first;
      }
      default -> {
        object.put(first, value.isTextual() ? value.asText() + "x" : "scalar");
        return "value of " + first;
      }
    }
  }

  @Test
  void aProseEditOfADocumentWithAliasesReportsWhatAFreshCheckReports() throws Exception {
    // the schema written once and used through aliases: its copies are reported once, at the anchor
    String yaml =
        """
        openapi: 3.0.3
        info: {title: Aliases, version: 1.0.0, description: DESCRIPTION}
        paths:
          /a:
            post:
              summary: SUMMARY
              requestBody:
                content:
                  application/json:
                    schema: &body
                      type: object
                      description: DESCRIPTION
                      properties:
                        name: {type: string}
                        count: {type: integer}
              responses:
                '200': {description: DESCRIPTION, content: {application/json: {schema: *body}}}
          /b:
            put:
              requestBody: {content: {application/json: {schema: *body}}}
              responses:
                '200': {description: DESCRIPTION}
        """;
    Path file = folder.resolve("aliases.yaml");
    Files.writeString(file, yaml);
    CheckCache cache = new CheckCache();
    for (String prose : List.of("First", "Second one", "", "Third")) {
      String text = yaml.replace("DESCRIPTION", prose).replace("SUMMARY", prose + " summary");
      String kept = report(file, text, cache);
      assertThat(kept).as("prose '%s'", prose).isEqualTo(report(file, text, null));
      assertThat(kept).contains("\"string-max-length\"");
      assertThat(cache.ruleCalls(file)).isPositive();
    }
  }

  private String report(Path file, String text, CheckCache cache) throws Exception {
    CheckRequest.Builder request =
        CheckRequest.builder(folder, BuiltInRules.all())
            .profile(Profile.STRICT)
            .files(List.of(file))
            .root(folder)
            .threads(2)
            .overlay(file, text);
    if (cache != null) {
      request.cache(cache);
    }
    StringWriter out = new StringWriter();
    Reporters.byName("json")
        .write(
            Check.run(request.build()).result(),
            new ReportContext("test", folder, false, null),
            out);
    return out.toString();
  }

  /** One random edit of the tree, said in words: mostly of prose, sometimes of anything else. */
  private static String edit(JsonNode tree, Random random) {
    List<Member> members = new ArrayList<>();
    collect(tree, "", members);
    List<Member> prose =
        members.stream()
            .filter(m -> PROSE.contains(m.name()) && m.parent().get(m.name()).isTextual())
            .toList();
    int kind = random.nextInt(10);
    if (kind < 6 && !prose.isEmpty()) {
      Member member = prose.get(random.nextInt(prose.size()));
      String[] texts = {"", "Edited.", "Two\nlines", member.parent().get(member.name()).asText()};
      String text = texts[random.nextInt(texts.length)] + (random.nextBoolean() ? " more" : "");
      member.parent().put(member.name(), text);
      return "prose " + member.pointer() + " = '" + text + "'";
    }
    Member member = members.get(random.nextInt(members.size()));
    ObjectNode parent = member.parent();
    JsonNode value = parent.get(member.name());
    switch (kind) {
      case 6 -> {
        // prose that is no string any more, or a new member of prose
        if (PROSE.contains(member.name())) {
          parent.put(member.name(), 42);
          return "number at " + member.pointer();
        }
        parent.put(PROSE.get(random.nextInt(2)), "added");
        return "prose added beside " + member.pointer();
      }
      case 7 -> {
        if (value.isTextual()) {
          parent.put(member.name(), value.asText() + "x");
        } else if (value.isNumber()) {
          parent.put(member.name(), value.asLong() + 1);
        } else if (value.isBoolean()) {
          parent.put(member.name(), !value.asBoolean());
        } else {
          parent.put(member.name(), "scalar");
        }
        return "value of " + member.pointer();
      }
      case 8 -> {
        parent.remove(member.name());
        return "removed " + member.pointer();
      }
      default -> {
        rename(parent, member.name(), member.name() + "_renamed");
        return "renamed " + member.pointer();
      }
    }
  }

  private record Member(ObjectNode parent, String name, String pointer) {}

  private static void collect(JsonNode node, String pointer, List<Member> members) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String at = pointer + "/" + member.getKey();
        members.add(new Member((ObjectNode) node, member.getKey(), at));
        collect(member.getValue(), at, members);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, members);
      }
    }
  }

  /** Renames a member where it is written, keeping the order of the others. */
  private static void rename(ObjectNode parent, String from, String to) {
    Map<String, JsonNode> members = new LinkedHashMap<>();
    parent.properties().forEach(m -> members.put(m.getKey(), m.getValue()));
    parent.removeAll();
    members.forEach((name, value) -> parent.set(name.equals(from) ? to : name, value));
    if (parent.isEmpty()) {
      parent.set(to, JsonNodeFactory.instance.nullNode());
    }
  }

  /** A sample's tree, as the analysis reads it. */
  private static JsonNode sampleTree(String sample) throws Exception {
    Path source = SampleGoldenTest.SAMPLES.resolve(sample);
    return TreeParser.parse(new SourceFile(source, sample, Files.readString(source))).root();
  }
}

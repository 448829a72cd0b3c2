package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A tree derived from the last one after an edit inside one string ({@link ScalarEdit}) is the tree
 * a parse of the new text gives, and its index places every node where the parse's does, over
 * random edits of the text: inside strings and at their edges, quotes and backslashes added or
 * removed, line breaks, keys, numbers and punctuation. Edits build on each other, so that indexes
 * read through many edits are compared too.
 */
class ScalarEditTest {
  private static final Path SPEC = Path.of("src/test/resources/threatmodel/cards-legacy.json");
  private static final String[] INSERTS = {
    "x",
    " word",
    "\"",
    "\\",
    "\\n",
    "\\\"",
    "\\u00e9",
    "\n",
    "\u00e9",
    "1",
    "\\\\",
    "\" ",
    "\ud83d\ude00"
  };

  @Test
  void aDerivedTreeAndItsPositionsAreThoseOfAParse() throws Exception {
    for (String start : texts()) {
      Random random = new Random(start.length());
      int derived = editAndCompare(start, last -> edit(last.source().text(), random));
      assertThat(derived).as("edits read without a parse").isGreaterThan(80);
    }
  }

  private static final String[] KEY_INSERTS = {
    "x", "_2", "\\u0061", "\"", "\\", " ", "\u00e9", "x-threatlint-ignore", "\n"
  };

  /**
   * Edits inside keys, in a row: a few chars put in, taken out or replaced, the key made another
   * member's name (a duplicate), emptied, given an escape.
   */
  @Test
  void aTreeDerivedAfterAKeyEditIsThatOfAParse() throws Exception {
    for (String start : texts()) {
      Random random = new Random(start.length() + 1);
      int derived = editAndCompare(start, last -> keyEdit(last, random));
      assertThat(derived).as("key edits read without a parse").isGreaterThan(250);
    }
  }

  /** The spec as written (over many lines) and on one line. */
  private static List<String> texts() throws Exception {
    String pretty = Files.readString(SPEC);
    return List.of(pretty, new ObjectMapper().readTree(pretty).toString());
  }

  /**
   * Makes 1000 edits in a row, each on the last text that parses without duplicate keys, and
   * compares each derived tree with a parse of its text: the tree, the region and value region of
   * every node (of the last tree's pointers too), whether it exists, the duplicate keys (none) and
   * whether the file may suppress. Returns how many were derived.
   */
  private static int editAndCompare(String start, Function<ParsedFile, String> edit)
      throws Exception {
    Path path = Path.of("spec.json").toAbsolutePath();
    ParsedFile last = TreeParser.parse(new SourceFile(path, "spec.json", start));
    int derived = 0;
    for (int step = 0; step < 1000; step++) {
      SourceFile source = new SourceFile(path, "spec.json", edit.apply(last));
      ParsedFile parsed;
      try {
        parsed = TreeParser.parse(source);
      } catch (SourceException e) {
        parsed = null;
      }
      ParsedFile edited = ScalarEdit.apply(last, source);
      if (edited != null) {
        derived++;
        assertThat(parsed)
            .as("step %d: a derived tree of a text that does not parse", step)
            .isNotNull();
        assertThat(parsed.duplicateKeys()).as("step %d: duplicate keys", step).isEmpty();
        assertThat(edited.root()).as("step %d", step).isEqualTo(parsed.root());
        List<String> pointers = pointers(parsed.root());
        pointers.addAll(pointers(last.root()));
        for (String pointer : pointers) {
          assertThat(edited.index().region(pointer))
              .as("step %d: region of %s", step, pointer)
              .isEqualTo(parsed.index().region(pointer));
          assertThat(edited.index().valueRegion(pointer))
              .as("step %d: value of %s", step, pointer)
              .isEqualTo(parsed.index().valueRegion(pointer));
          assertThat(edited.index().exists(pointer))
              .as("step %d: %s exists", step, pointer)
              .isEqualTo(parsed.index().exists(pointer));
        }
        assertThat(edited.index().maySuppress()).isEqualTo(parsed.index().maySuppress());
        last = edited;
      } else if (parsed != null && parsed.duplicateKeys().isEmpty()) {
        last = parsed;
      }
    }
    return derived;
  }

  /** One random edit inside a random key of the last text (a member's name made another's). */
  private static String keyEdit(ParsedFile last, Random random) {
    String text = last.source().text();
    List<JsonNode> objects = new ArrayList<>();
    objects(last.root(), objects);
    JsonNode object = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    String name = names.get(random.nextInt(names.size()));
    var key = last.index().keyRegion(object, name);
    if (key == null) {
      return text;
    }
    int start = last.index().offset(key.startLine(), key.startColumn()) + 1;
    int end = last.index().offset(key.endLine(), key.endColumn()) - 1;
    int kind = random.nextInt(10);
    if (kind == 0) {
      return text.substring(0, start)
          + names.get(random.nextInt(names.size()))
          + text.substring(end);
    }
    if (kind == 1) {
      return text.substring(0, start) + text.substring(end);
    }
    int at = start + random.nextInt(end - start + 1);
    int removed = random.nextInt(3) == 0 ? Math.min(end - at, random.nextInt(3) + 1) : 0;
    String inserted =
        removed > 0 && random.nextBoolean() ? "" : KEY_INSERTS[random.nextInt(KEY_INSERTS.length)];
    return text.substring(0, at) + inserted + text.substring(at + removed);
  }

  private static void objects(JsonNode node, List<JsonNode> objects) {
    if (node.isObject() && !node.isEmpty()) {
      objects.add(node);
    }
    for (JsonNode child : node) {
      objects(child, objects);
    }
  }

  /**
   * One random edit of the text: mostly at or near a string's quotes, else anywhere; an insert, a
   * deletion or a replacement of a few chars.
   */
  private static String edit(String text, Random random) {
    List<Integer> quotes = new ArrayList<>();
    for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
      quotes.add(i);
    }
    int at =
        random.nextInt(4) > 0 && !quotes.isEmpty()
            ? quotes.get(random.nextInt(quotes.size())) + random.nextInt(6) - 1
            : random.nextInt(text.length());
    at = Math.max(0, Math.min(text.length(), at));
    int removed = random.nextInt(3) == 0 ? Math.min(text.length() - at, random.nextInt(3) + 1) : 0;
    String inserted =
        removed > 0 && random.nextBoolean() ? "" : INSERTS[random.nextInt(INSERTS.length)];
    return text.substring(0, at) + inserted + text.substring(at + removed);
  }

  private static List<String> pointers(JsonNode root) {
    List<String> pointers = new ArrayList<>();
    collect(root, "", pointers);
    return pointers;
  }

  private static void collect(JsonNode node, String pointer, List<String> pointers) {
    pointers.add(pointer);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        collect(member.getValue(), Pointers.child(pointer, member.getKey()), pointers);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), Pointers.child(pointer, i), pointers);
      }
    }
  }
}

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
    String pretty = Files.readString(SPEC);
    String compact = new ObjectMapper().readTree(pretty).toString();
    for (String start : List.of(pretty, compact)) {
      Random random = new Random(start.length());
      Path path = Path.of("spec.json").toAbsolutePath();
      ParsedFile last = TreeParser.parse(new SourceFile(path, "spec.json", start));
      int derived = 0;
      for (int step = 0; step < 1000; step++) {
        String text = edit(last.source().text(), random);
        SourceFile source = new SourceFile(path, "spec.json", text);
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
          assertThat(edited.root()).as("step %d", step).isEqualTo(parsed.root());
          for (String pointer : pointers(parsed.root())) {
            assertThat(edited.index().region(pointer))
                .as("step %d: region of %s", step, pointer)
                .isEqualTo(parsed.index().region(pointer));
            assertThat(edited.index().valueRegion(pointer))
                .as("step %d: value of %s", step, pointer)
                .isEqualTo(parsed.index().valueRegion(pointer));
          }
          last = edited;
        } else if (parsed != null) {
          last = parsed;
        }
      }
      assertThat(derived).as("edits read without a parse").isGreaterThan(80);
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

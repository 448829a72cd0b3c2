package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block-YAML reader against SnakeYAML's path: what it reads gives the same tree (values and
 * their types), the same region for every node and the same duplicate keys; what it does not read
 * exactly it hands over, and the file then reads (or fails) as SnakeYAML reads it.
 */
class BlockYamlReaderTest {

  private static SourceFile source(String text) {
    return new SourceFile(null, "spec.yaml", text);
  }

  private static ParsedFile readBlock(String text) {
    return BlockYamlReader.read(
        source(text), text, text.toCharArray(), TreeParser.lineStarts(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // block mappings and sequences, indentless and indented, empty values, comments
        "# head\n---\nopenapi: 3.0.3 # trailing\ninfo:\n  title: T\n\n  version: '1'\n"
            + "paths:\n  /a:\n    get:\n      tags:\n      - one\n      -   two\n"
            + "      parameters:\n        - name: id\n          in: path\n"
            + "        -\n          name: q\n        - # a comment\n        -\n"
            + "      empty:\n      last:\n# tail\n",
        "- a\n- b: 1\n  c:\n  - x\n- \n",
        "a:\n  - b\n  -\n    - deeper\n# between\n  - c: d\n    e: f\nz: end",
        // plain scalars: types, folding, blank lines, '#' and ':' inside words, keys with spaces
        "int: 42\nhex: 0x1F\noct: 017\nbig: 123456789012345678901234567890\nfloat: 1.5e3\n"
            + "yes: yes\nno: Off\nnull: ~\nempty: ''\ndate: 2024-01-31\ninf: .inf\n"
            + "word: a#b:c\nurl: http://x.y/z?a=b#frag\nkey with spaces : value\n"
            + "-dash: -1\n?q: :c\nmerge: <<\n",
        "text: first line\n  second   line\n\n\n  after blanks\n   more indented\nnext: 1\n"
            + "seq:\n- folded\n  item\n-   tabs\tinside \t words\t \n",
        "a:\n  on its own\n  line\nb:\n  42\n",
        // quoted scalars: escapes, '' and folding over lines
        "s: 'it''s \"x\" \\n'\nd: \"tab\\tq\\\"sl\\/bs\\\\ \\x41\\u00e9\\U0001F600 \\e\\0\\_\\N\"\n"
            + "m: \"one\n  two\n\n  three \\\n  joined\"\nq: 'a\n\n   b\n  c'\n"
            + "'quoted key': 1\n\"dq key\" : 2\n",
        // block scalars: literal, folded, chomping, indentation indicators, blank lines
        "lit: |\n  line 1\n    indented\n\n  line 3\nfold: >\n  a\n  b\n\n  c\n    more\n  d\n"
            + "keep: |+\n  k\n\n\nstrip: >-\n  s\n\n"
            + "ind: |2-\n    four\n  two\nhead: | # comment\n  x\n"
            + "spaces: |\n    \n  \n    y\n"
            + "seq:\n- |\n  in seq\n- >\n  folded\n   more\n  back\nend: |",
        "eof: |\n  no final break",
        "eofKeep: |+\n  x\n\n",
        // flow collections on one line
        "e: []\no: {}\nl: [a, 'b', \"c\", 1, true, [x, y], {k: v}]\n"
            + "m: { a: 1, \"b\": [ ], c: {d: e} }   # comment\ns:\n  - [1, 2]\n  - {}\n",
        // duplicate keys, also in nested and flow mappings
        "a: 1\nb:\n  c: 2\n  c: 3\na: 4\n'a': 5\nf: {x: 1, x: 2}\n",
        // CR LF line breaks
        "a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  l1\r\n  l2\r\nd: 'q\r\n  r'\r\n",
        // a root indented past column 0, and a root sequence of flow collections
        "  a: 1\n  b: 2\n",
        "- [a]\n- {b: c}\n",
      })
  void readsWhatSnakeYamlReadsTheSameWay(String text) throws SourceException {
    ParsedFile fast = readBlock(text);
    ParsedFile snake = TreeParser.parseYamlWithSnakeYaml(source(text));
    assertThat(fast).as("read without SnakeYAML").isNotNull();
    assertThat(fast.root().toString()).isEqualTo(snake.root().toString());
    assertThat(types(fast.root())).isEqualTo(types(snake.root()));
    assertThat(fast.duplicateKeys()).isEqualTo(snake.duplicateKeys());
    for (String pointer : pointers(snake.root(), "", new ArrayList<>())) {
      assertThat(fast.index().region(pointer)).as(pointer).isEqualTo(snake.index().region(pointer));
      assertThat(fast.index().valueRegion(pointer))
          .as(pointer)
          .isEqualTo(snake.index().valueRegion(pointer));
    }
  }

  @Test
  void aDuplicateKeyIsRecordedWithBothPlaces() {
    ParsedFile fast = readBlock("a: 1\nb: 2\na: [3]\n");
    assertThat(fast.duplicateKeys()).hasSize(1);
    assertThat(fast.duplicateKeys().get(0).pointer()).isEqualTo("/a");
    assertThat(fast.root().get("a").isArray()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x 1\nb: *x\n",
        "base: &b {k: 1}\nm:\n  <<: *b\n",
        "a: !!str 1\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "? complex\n: key\n",
        "a:\n\t- tab\n",
        "- - nested\n",
        "a: [1,\n  2]\n",
        "a: {k:v}\n",
        "a: [1, 2,]\n",
        "just a scalar\n",
        // errors: SnakeYAML names them
        "a: b: c\n",
        "a: 1\n  b: 2\n",
        "a:\n  - x\n  b: 1\n",
        "a: 'unterminated\n",
        "a: \"bad \\q escape\"\n",
        "a\nb: 1\n",
        "a: |0\n  x\n",
        "a: \"x\" y\n",
        "- a\nb: 1\n",
        "a: @x\n",
      })
  void handsOverWhatItDoesNotReadExactly(String text) throws SourceException {
    assertThat(readBlock(text)).isNull();
    ParsedFile snake;
    try {
      snake = TreeParser.parseYamlWithSnakeYaml(source(text));
    } catch (SourceException snakeError) {
      assertThatThrownBy(() -> TreeParser.parse(source(text)))
          .isInstanceOf(SourceException.class)
          .hasMessage(snakeError.getMessage());
      return;
    }
    ParsedFile parsed = TreeParser.parse(source(text));
    assertThat(parsed.root()).isEqualTo(snake.root());
    assertThat(parsed.hasAliases()).isEqualTo(snake.hasAliases());
  }

  private static String types(JsonNode node) {
    StringBuilder kinds = new StringBuilder(node.getNodeType() + ":" + node.numberType());
    for (JsonNode child : node) {
      kinds.append(',').append(types(child));
    }
    return kinds.toString();
  }

  private static List<String> pointers(JsonNode node, String pointer, List<String> into) {
    into.add(pointer);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        pointers(member.getValue(), Pointers.child(pointer, member.getKey()), into);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers(node.get(i), Pointers.child(pointer, i), into);
      }
    }
    return into;
  }
}

package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The linear reader gives SnakeYAML the same code points, lines and columns as its own reader, and
 * a long token no longer costs quadratic time.
 */
class WholeTextReaderTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "openapi: 3.0.3\ninfo:\n  title: x\n  description: |\n    two\n    lines\n",
        "a: {b: [1, 2, {c: d}], e: 'single ''quoted'''}\r\nf: \"double\\n quoted\"\r\n",
        "\uFEFFa: b\u0085c: d\u2028e: f\u2029g: h\n",
        "a: \"\uD83D\uDE00 wide\"\nb: [\uD83D\uDE00, x]\n# comment \uD83D\uDE00\nc: >\n  folded\n  text\n",
        "? explicit\n: key\n? [flow, key]\n: value\nanchor: &x {y: 1}\nalias: *x\n",
        "a:\r  b: 1\r  c: 2\r",
        "--- \nfirst: 1\n...\n"
      })
  void marksAreThoseOfSnakeYamlsOwnReader(String text) {
    assertThat(marks(wholeText(text)))
        .isEqualTo(marks(new Yaml(options()).compose(new StringReader(text))));
  }

  @Test
  void aLongTokenTakesLinearTime() {
    // 8 MB in one word: 60 s and more through SnakeYAML's own reader (its window is copied on each
    // read of 1,024 characters), a fraction of a second here; the limit is a guard against the
    // quadratic reader coming back, loose enough for a machine at a load of 25 (10 s failed there)
    String word = "a".repeat(8 * 1024 * 1024);
    for (String text :
        List.of(
            "description: " + word + "\n",
            "description: \"" + word + "\"\n",
            "description: |\n  " + word + "\n")) {
      Node root = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> wholeText(text));
      Node value = ((MappingNode) root).getValue().get(0).getValueNode();
      assertThat(((ScalarNode) value).getValue().strip()).hasSize(word.length());
    }
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  private static Node wholeText(String text) {
    return new Composer(
            new ParserImpl(
                new WholeTextReader(text.toCharArray(), text.codePoints().count() != text.length()),
                options()),
            new Resolver(),
            options())
        .getSingleNode();
  }

  /** Each node's start and end as line, column and index, in document order. */
  private static List<String> marks(Node node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(Node node, List<String> out) {
    out.add(node.getNodeId() + " " + mark(node.getStartMark()) + "-" + mark(node.getEndMark()));
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        collect(tuple.getKeyNode(), out);
        collect(tuple.getValueNode(), out);
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> collect(item, out));
    } else {
      out.add(((ScalarNode) node).getValue());
    }
  }

  private static String mark(Mark mark) {
    return mark.getLine() + ":" + mark.getColumn() + "@" + mark.getIndex();
  }
}

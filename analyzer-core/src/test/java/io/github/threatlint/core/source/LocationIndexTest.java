package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.SourceFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests for the location index: each row is a document, a pointer and where a finding on it
 * starts (line and column, 1-based, columns in UTF-16 code units).
 */
class LocationIndexTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // YAML block style: a container member starts at its key
        Arguments.of(
            "yaml block",
            "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      summary: x\n",
            "/paths/~1a/get",
            4,
            5),
        Arguments.of("yaml scalar", "openapi: 3.0.0\ninfo:\n  title: T\n", "/info/title", 3, 3),
        // flow style
        Arguments.of(
            "yaml flow",
            "openapi: 3.0.0\ninfo: {title: T, version: '1'}\n",
            "/info/version",
            2,
            18),
        Arguments.of("yaml flow sequence", "tags: [a, b, c]\n", "/tags/2", 1, 14),
        // block sequence elements
        Arguments.of(
            "yaml sequence item",
            "servers:\n  - url: http://x\n  - url: https://y\n",
            "/servers/1/url",
            3,
            5),
        Arguments.of(
            "yaml sequence container",
            "servers:\n  - url: http://x\n  - url: https://y\n",
            "/servers/1",
            3,
            5),
        // JSON
        Arguments.of(
            "json",
            "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {\"/a\": {\"get\": {}}}\n}",
            "/paths/~1a/get",
            3,
            20),
        Arguments.of("json array", "{\"tags\": [1, 2,\n 3]}", "/tags/2", 2, 2),
        // keys containing / and ~
        Arguments.of(
            "escaped key", "paths:\n  /a~b/{id}:\n    get: {}\n", "/paths/~1a~0b~1{id}/get", 3, 5),
        // quoted keys
        Arguments.of(
            "quoted key",
            "responses:\n  '200':\n    description: ok\n  \"404\":\n    description: no\n",
            "/responses/404",
            4,
            3),
        // multi-line scalars: the next key is on the right line
        Arguments.of(
            "literal block",
            "info:\n  description: |\n    line one\n    line two\n  title: T\n",
            "/info/title",
            5,
            3),
        Arguments.of(
            "folded block",
            "info:\n  description: >\n    one\n\n    two\n  title: T\n",
            "/info/title",
            6,
            3),
        // anchors, aliases and merge keys: aliased nodes keep the anchor's place
        Arguments.of("alias", "a: &x\n  k: 1\nb: *x\n", "/b/k", 2, 3),
        Arguments.of(
            "merge key",
            "base: &b\n  type: string\nprop:\n  <<: *b\n  maxLength: 3\n",
            "/prop/type",
            2,
            3),
        Arguments.of(
            "merge key own member",
            "base: &b\n  type: string\nprop:\n  <<: *b\n  maxLength: 3\n",
            "/prop/maxLength",
            5,
            3),
        // CRLF line ends
        Arguments.of("crlf yaml", "openapi: 3.0.0\r\ninfo:\r\n  title: T\r\n", "/info/title", 3, 3),
        Arguments.of("crlf json", "{\r\n  \"a\": {\r\n    \"b\": 1}}", "/a/b", 3, 5),
        // a byte order mark is not a column
        Arguments.of("bom yaml", "\uFEFFopenapi: 3.0.0\ninfo:\n  title: T\n", "/openapi", 1, 1),
        Arguments.of("bom json", "\uFEFF{\"openapi\": \"3.0.0\"}", "/openapi", 1, 2),
        // non-BMP characters before the target count as two UTF-16 units
        Arguments.of("non-BMP yaml", "a: {t: \"\uD83D\uDE00\", k: 1}\n", "/a/k", 1, 14),
        Arguments.of("non-BMP json", "{\"t\": \"\uD83D\uDE00\", \"k\": 1}", "/k", 1, 13),
        // a pointer without a node falls back to its nearest ancestor
        Arguments.of("missing child", "info:\n  title: T\n", "/info/contact/email", 1, 1));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("table")
  void locatesPointers(String name, String text, String pointer, int line, int column)
      throws SourceException {
    ParsedFile file = TreeParser.parse(new SourceFile(null, "spec", text));
    Region region = file.index().region(pointer);
    assertThat(region.startLine()).as("line").isEqualTo(line);
    assertThat(region.startColumn()).as("column").isEqualTo(column);
  }

  @Test
  void scalarRegionSpansKeyAndValue() throws SourceException {
    ParsedFile file = TreeParser.parse(new SourceFile(null, "spec", "info:\n  title: Accounts\n"));
    assertThat(file.index().region("/info/title")).isEqualTo(new Region(2, 3, 2, 18));
  }

  @Test
  void containerRegionSpansItsKey() throws SourceException {
    ParsedFile file = TreeParser.parse(new SourceFile(null, "spec", "{\"paths\": {\"/a\": {}}}"));
    assertThat(file.index().region("/paths/~1a")).isEqualTo(new Region(1, 12, 1, 16));
  }

  @Test
  void yamlAndJsonAgreeOnEquivalentDocuments() throws SourceException {
    ParsedFile yaml = TreeParser.parse(new SourceFile(null, "a.yaml", "a:\n  b: 1\n"));
    ParsedFile json = TreeParser.parse(new SourceFile(null, "a.json", "{\"a\":\n  {\"b\": 1}}"));
    assertThat(yaml.root()).isEqualTo(json.root());
    assertThat(yaml.index().region("/a/b").startLine())
        .isEqualTo(json.index().region("/a/b").startLine());
  }

  /**
   * Many objects with the same member names, more members than one page of the index holds, and a
   * duplicate written far from its first occurrence: each member is found where it is written.
   */
  @Test
  void locatesEveryMemberOfALargeFile() throws SourceException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      yaml.append("s").append(i).append(":\n  name: a\n  type: string\n");
    }
    yaml.append("s7:\n  name: b\n");
    ParsedFile file = TreeParser.parse(new SourceFile(null, "spec.yaml", yaml.toString()));
    for (int i = 0; i < 1500; i++) {
      int line = i == 7 ? 4501 : 3 * i + 1;
      assertThat(file.index().region("/s" + i).startLine()).as("s" + i).isEqualTo(line);
      // the later s7 has no type: its region is s7's own
      assertThat(file.index().region("/s" + i + "/type").startLine())
          .isEqualTo(i == 7 ? 4501 : 3 * i + 3);
      assertThat(file.index().exists("/s" + i + "/kind")).isFalse();
    }
    assertThat(file.index().region("/s7/name")).isEqualTo(new Region(4502, 3, 4502, 10));
    assertThat(file.duplicateKeys())
        .singleElement()
        .satisfies(d -> assertThat(d.pointer()).isEqualTo("/s7"));
  }

  @Test
  void recordsDuplicateKeysWithBothPlaces() throws SourceException {
    ParsedFile file =
        TreeParser.parse(new SourceFile(null, "spec", "info:\n  title: A\n  title: B\n"));
    assertThat(file.duplicateKeys())
        .singleElement()
        .satisfies(
            duplicate -> {
              assertThat(duplicate.pointer()).isEqualTo("/info/title");
              assertThat(duplicate.first().startLine()).isEqualTo(2);
              assertThat(duplicate.second().startLine()).isEqualTo(3);
            });
    assertThat(file.root().get("info").get("title").asText()).isEqualTo("B");
  }

  @Test
  void yamlScalarsAreTypedLikeSwaggerParserReadsThem() throws SourceException {
    ParsedFile file =
        TreeParser.parse(
            new SourceFile(
                null,
                "spec",
                "i: 12\nf: 1.5\nb: true\nn: ~\ns: '12'\nd: 2024-01-01\nbig: 123456789012\n"));
    assertThat(file.root().get("i").isInt()).isTrue();
    assertThat(file.root().get("f").isNumber()).isTrue();
    assertThat(file.root().get("b").booleanValue()).isTrue();
    assertThat(file.root().get("n").isNull()).isTrue();
    assertThat(file.root().get("s").isTextual()).isTrue();
    assertThat(file.root().get("d").isTextual()).isTrue();
    assertThat(file.root().get("big").isLong()).isTrue();
  }

  @Test
  void customTagsNeverConstructObjects() throws SourceException {
    ParsedFile file =
        TreeParser.parse(new SourceFile(null, "spec", "a: !custom [x]\nb: !custom text\n"));
    assertThat(file.root().get("b").asText()).isEqualTo("text");
    assertThat(file.root().get("a").isArray()).isTrue();
    assertThatThrownBy(
            () ->
                TreeParser.parse(
                    new SourceFile(null, "spec", "a: !!javax.script.ScriptEngineManager [x]\n")))
        .isInstanceOf(SourceException.class);
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    assertThatThrownBy(
            () -> TreeParser.parse(new SourceFile(null, "bad.yaml", "a:\n  b: [1, 2\nc: 3\n")))
        .isInstanceOf(SourceException.class)
        .satisfies(
            e ->
                assertThat(((SourceException) e).oneLine())
                    .startsWith("bad.yaml:")
                    .contains("invalid YAML"));
    assertThatThrownBy(() -> TreeParser.parse(new SourceFile(null, "bad.json", "{\"a\": 1,}")))
        .isInstanceOf(SourceException.class)
        .satisfies(
            e ->
                assertThat(((SourceException) e).oneLine())
                    .startsWith("bad.json:1:")
                    .contains("invalid JSON"));
  }

  @Test
  void recursiveAliasesAreRefused() {
    assertThatThrownBy(() -> TreeParser.parse(new SourceFile(null, "r.yaml", "a: &x\n  b: *x\n")))
        .isInstanceOf(SourceException.class);
  }
}

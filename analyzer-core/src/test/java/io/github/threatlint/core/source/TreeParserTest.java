package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tree parser's own edge cases: what a YAML or JSON text becomes (values as a YAML 1.1 reader
 * types them, tags that never construct objects), which keys it records twice, and how it refuses
 * what it cannot read (one line, with the place where known).
 */
class TreeParserTest {

  private static ParsedFile parse(String name, String text) throws SourceException {
    return TreeParser.parse(new SourceFile(null, name, text));
  }

  private static JsonNode value(String yaml) throws SourceException {
    return parse("spec.yaml", "v: " + yaml + "\n").root().get("v");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "42         | int     | 42",
        "0          | int     | 0",
        "999999999  | int     | 999999999",
        "2147483648 | long    | 2147483648",
        "0123456789 | text    | 0123456789",
        "0x1F       | int     | 31",
        "0o17       | text    | 0o17",
        "017        | int     | 15",
        "1_000      | int     | 1000",
        "4294967296 | long    | 4294967296",
        "3.5        | decimal | 3.5",
        "true       | boolean | true",
        "yes        | boolean | true",
        "off        | boolean | false",
        "~          | null    | null",
        "Null       | null    | null",
        "ON         | boolean | true",
        "False      | boolean | false",
        "n          | text    | n",
        "nullable   | text    | nullable",
        "falsehood  | text    | falsehood",
        "-1         | int     | -1",
        "+.5        | decimal | 0.5",
        "'42'       | text    | 42",
        ".inf       | text    | .inf",
        "2024-01-31 | text    | 2024-01-31",
        "!!binary aGk= | text | aGk="
      })
  void typesScalarsAsYamlReadsThem(String yaml, String kind, String expected)
      throws SourceException {
    JsonNode node = value(yaml);
    switch (kind) {
      case "int" -> assertThat(node.isInt()).as("int").isTrue();
      case "long" -> assertThat(node.isLong()).as("long").isTrue();
      case "decimal" -> assertThat(node.isBigDecimal() || node.isDouble()).as("decimal").isTrue();
      case "boolean" -> assertThat(node.isBoolean()).as("boolean").isTrue();
      case "null" -> assertThat(node.isNull()).as("null").isTrue();
      default -> assertThat(node.isTextual()).as("text").isTrue();
    }
    assertThat(node.asText()).isEqualTo(expected);
  }

  /**
   * Whether any key is x-threatlint-ignore is noted while the tree is built (findings in a file
   * without one need no look-up): keys as read, escapes decoded, in every parser; never values or
   * comments.
   */
  @Test
  void notesWhetherAnyKeyIsTheSuppressionKey() throws SourceException {
    assertThat(maySuppress("spec.json", "{\"a\": {\"x-threatlint-ignore\": [\"r\"]}}")).isTrue();
    assertThat(maySuppress("spec.json", "{\"a\": {\"x\\u002dthreatlint-ignore\": \"r\"}}"))
        .isTrue();
    assertThat(maySuppress("spec.json", "{\"a\": \"x-threatlint-ignore\"}")).isFalse();
    assertThat(maySuppress("spec.yaml", "a:\n  x-threatlint-ignore: r\n")).isTrue();
    assertThat(maySuppress("spec.yaml", "a:\n  \"x\\u002dthreatlint-ignore\": r\n")).isTrue();
    assertThat(maySuppress("spec.yaml", "a: {\"x\\x2dthreatlint-ignore\": r}\n")).isTrue();
    assertThat(maySuppress("spec.yaml", "b: &b\n  x-threatlint-ignore: r\nc:\n  <<: *b\n"))
        .isTrue();
    assertThat(maySuppress("spec.yaml", "a: x-threatlint-ignore\n# x-threatlint-ignore: r\n"))
        .isFalse();
  }

  private static boolean maySuppress(String name, String text) throws SourceException {
    return parse(name, text).index().maySuppress();
  }

  /**
   * The escapes of YAML 1.2's double-quoted scalars (section 5.7), as Spectral reads them; all but
   * a backslash before a literal tab.
   */
  @Test
  void readsEveryYaml12EscapeOfADoubleQuotedScalar() throws SourceException {
    String[][] escapes = {
      {"\\0", "\0"},
      {"\\a", "\u0007"},
      {"\\b", "\b"},
      {"\\t", "\t"},
      {"\\n", "\n"},
      {"\\v", "\u000B"},
      {"\\f", "\f"},
      {"\\r", "\r"},
      {"\\e", "\u001B"},
      {"\\ ", " "},
      {"\\\"", "\""},
      {"\\/", "/"},
      {"\\\\", "\\"},
      {"\\N", "\u0085"},
      {"\\_", "\u00A0"},
      {"\\L", "\u2028"},
      {"\\P", "\u2029"},
      {"\\x41", "A"},
      {"\\u0041", "A"},
      {"\\U0001F600", "\uD83D\uDE00"}
    };
    for (String[] escape : escapes) {
      assertThat(value("\"a" + escape[0] + "b\"").textValue())
          .as(escape[0])
          .isEqualTo("a" + escape[1] + "b");
    }
  }

  @Test
  void readsAnEscapedSlashAsSpectralRulesetsWriteIt() throws SourceException {
    ParsedFile file =
        parse("ruleset.yaml", "then:\n  functionOptions:\n    match: \"^\\/api\\/\"\n");
    assertThat(file.root().at("/then/functionOptions/match").textValue()).isEqualTo("^/api/");
  }

  @Test
  void keepsIntegersBeyondLongExact() throws SourceException {
    JsonNode yaml = value("123456789012345678901234567890");
    JsonNode json = parse("spec.json", "{\"v\": 123456789012345678901234567890}").root().get("v");
    BigInteger expected = new BigInteger("123456789012345678901234567890");
    assertThat(yaml.bigIntegerValue()).isEqualTo(expected);
    assertThat(json.bigIntegerValue()).isEqualTo(expected);
  }

  @Test
  void localTagsStayTextAndGlobalTagsAreRefused() throws SourceException {
    assertThat(value("!custom x").asText()).isEqualTo("x");
    assertThatThrownBy(() -> value("!!python/object:os.system ls"))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.oneLine()).contains("invalid YAML"));
  }

  @Test
  void recordsDuplicateKeysWithBothPlacesAndKeepsTheLast() throws SourceException {
    ParsedFile file = parse("spec.yaml", "info:\n  title: A\n  title: B\n");
    assertThat(file.root().at("/info/title").asText()).isEqualTo("B");
    assertThat(file.duplicateKeys())
        .singleElement()
        .satisfies(
            duplicate -> {
              assertThat(duplicate.pointer()).isEqualTo("/info/title");
              assertThat(duplicate.first().startLine()).isEqualTo(2);
              assertThat(duplicate.second().startLine()).isEqualTo(3);
            });
  }

  @Test
  void recordsDuplicateKeysInJsonToo() throws SourceException {
    ParsedFile file = parse("spec.json", "{\"a\": 1,\n \"a\": 2}");
    assertThat(file.root().get("a").asInt()).isEqualTo(2);
    assertThat(file.duplicateKeys())
        .singleElement()
        .satisfies(d -> assertThat(d.pointer()).isEqualTo("/a"));
  }

  @Test
  void mergedMembersNeverOverrideExplicitOnesAndAreNoDuplicates() throws SourceException {
    ParsedFile file =
        parse(
            "spec.yaml",
            "base: &b\n  type: string\n  maxLength: 9\nprop:\n  maxLength: 3\n  <<: *b\n");
    assertThat(file.root().at("/prop/maxLength").asInt()).isEqualTo(3);
    assertThat(file.root().at("/prop/type").asText()).isEqualTo("string");
    assertThat(file.duplicateKeys()).isEmpty();
  }

  /**
   * A JSON text of a million characters or more finds its line starts on a thread of its own while
   * Jackson reads it; the places are those of a smaller text's.
   */
  @Test
  void aLargeJsonTextPlacesItsMembersOnTheirLines() throws SourceException {
    StringBuilder text = new StringBuilder("{\r\n  \"padding\": [\n");
    for (int i = 0; i < 40_000; i++) {
      text.append("    \"").append("x".repeat(20)).append("\",\r\n");
    }
    text.append("    \"end\"\n  ],\r  \"last\": {\"k\": 1}\n}\n");
    assertThat(text.length()).isGreaterThan(1 << 20);

    ParsedFile file = parse("large.json", text.toString());

    assertThat(file.index().region("/padding/0").startLine()).isEqualTo(3);
    assertThat(file.index().region("/padding/40000").startLine()).isEqualTo(40_003);
    assertThat(file.index().region("/last/k").startLine()).isEqualTo(40_005);
    assertThat(file.index().region("/last/k").startColumn()).isEqualTo(12);
  }

  @Test
  void mergesTakeTheFirstSourcesMembersFirstAndShowTheirPositions() throws SourceException {
    ParsedFile file =
        parse("spec.yaml", "a: &a {k: 1, x: 1}\nb: &b {k: 2, y: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n");
    assertThat(file.root().get("c").toString()).isEqualTo("{\"x\":3,\"k\":1,\"y\":2}");
    assertThat(file.index().region("/c/y").startLine()).isEqualTo(2);
    assertThat(file.index().region("/c/y").startColumn()).isEqualTo(14);
  }

  @Test
  void aMappingThatMergesItselfIsARecursiveAnchor() {
    assertThatThrownBy(() -> parse("bad.yaml", "a: &a {b: 1, <<: *a}\n"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.oneLine()).contains("bad.yaml:1:4:").contains("recursive anchor");
            });
  }

  @Test
  void aSyntaxErrorIsNamedBeforeWhatOpenApiRefuses() {
    assertThatThrownBy(() -> parse("bad.yaml", "? [a]\n: 1\nb: [1, 2\n"))
        .hasMessageContaining("invalid YAML:")
        .hasMessageNotContaining("mapping key");
  }

  @Test
  void anAliasIsTheNodeItPointsTo() throws SourceException {
    ParsedFile file = parse("spec.yaml", "a: &x\n  k: 1\nb: *x\n");
    assertThat(file.root().get("b")).isSameAs(file.root().get("a"));
    assertThat(file.hasAliases()).isTrue();
  }

  @Test
  void anAnchorWithoutAliasSharesNothing() throws SourceException {
    assertThat(parse("spec.yaml", "a: &x\n  k: 1\nb:\n  <<: {k: 2}\n").hasAliases()).isFalse();
    assertThat(parse("spec.json", "{\"a\": {\"k\": 1}}").hasAliases()).isFalse();
  }

  @Test
  void aByteOrderMarkIsNotContent() throws SourceException {
    assertThat(parse("spec.yaml", "\uFEFFopenapi: 3.0.0\n").root().has("openapi")).isTrue();
    assertThat(parse("spec.json", "\uFEFF{\"openapi\": \"3.0.0\"}").root().has("openapi")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty file            | ''                                 | the file is empty",
        "blank file            | '   \n\n'                          | the file is empty",
        "bad YAML              | 'a: [1, 2\nb: 3\n'                 | invalid YAML",
        "tab indentation       | 'a:\n\tb: 1\n'                     | invalid YAML",
        "non-scalar key        | '? [a, b]\n: 1\n'                  | a mapping key must be a scalar",
        "recursive anchor      | 'a: &x\n  b: *x\n'                 | recursive anchor",
        "bad JSON              | '{\"a\": 1,}'                      | invalid JSON",
        "JSON trailing content | '{\"a\": 1} {\"b\": 2}'            | unexpected content after the end of the JSON document"
      })
  void refusesWhatItCannotReadInOneLine(String name, String text, String problem) {
    String unescaped = text.replace("\\n", "\n").replace("\\t", "\t");
    // a file named .json is JSON only; another name that starts with '{' may be flow-style YAML
    String file = problem.contains("JSON") ? "bad.json" : "bad.yaml";
    assertThatThrownBy(() -> parse(file, unescaped))
        .isInstanceOf(SourceException.class)
        .satisfies(
            e -> {
              String line = ((SourceException) e).oneLine();
              assertThat(line)
                  .startsWith(file)
                  .contains("error: ")
                  .contains(problem)
                  .doesNotContain("\n");
            });
  }

  @Test
  void aYamlErrorNamesItsLineAndColumn() {
    assertThatThrownBy(() -> parse("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.line()).isGreaterThanOrEqualTo(2);
              assertThat(e.column()).isPositive();
            });
  }

  @Test
  void refusesNestingBeyondTheLimitInBothSyntaxes() {
    int depth = TreeParser.MAX_DEPTH + 10;
    String json = "[".repeat(depth) + "]".repeat(depth);
    assertThatThrownBy(() -> parse("deep.json", json)).isInstanceOf(SourceException.class);
    String yaml = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    assertThatThrownBy(() -> parse("deep.yaml", yaml)).isInstanceOf(SourceException.class);
  }

  @Test
  void refusesAnAliasBomb() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> parse("bomb.yaml", bomb.toString()))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.getMessage()).containsAnyOf("alias", "aliases"));
  }

  @Test
  void aNonBmpCharacterCountsAsTwoColumns() throws SourceException {
    ParsedFile file = parse("spec.yaml", "a: {t: \"\uD83D\uDE00\", k: 1}\n");
    assertThat(file.index().region("/a/k").startColumn()).isEqualTo(14);
  }

  @Test
  void flowStyleYamlAndExplicitKeysAreYaml() throws SourceException {
    String flow = "{openapi: 3.0.3, info: {title: x, version: '1'}, paths: {}}\n";
    assertThat(parse("flow.yaml", flow).root().get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(parse("-", flow).root().get("info").get("title").asText()).isEqualTo("x");
    assertThatThrownBy(() -> parse("flow.json", flow)).hasMessageContaining("invalid JSON");
    assertThat(parse("explicit.yaml", "? openapi\n: 3.0.3\n").root().get("openapi").asText())
        .isEqualTo("3.0.3");
  }

  @Test
  void aControlCharacterFarIntoTheFileIsNamedWithItsPlace() {
    String text = "openapi: 3.0.3\n" + "x: padding\n".repeat(1000) + "info:\n  title: a\u0000b\n";
    assertThatThrownBy(() -> parse("late.yaml", text))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.oneLine())
                  .isEqualTo(
                      "late.yaml:1003:11: error: invalid YAML: the control character U+0000 is"
                          + " not allowed in YAML text");
            });
  }

  @Test
  void utf32IsRefusedByName() {
    for (byte[] bom :
        new byte[][] {{0, 0, (byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE, 0, 0}}) {
      byte[] text = java.util.Arrays.copyOf(bom, 12);
      text[7] = 'a';
      assertThatThrownBy(() -> SourceReader.decode(text, "wide.yaml"))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.oneLine()).startsWith("wide.yaml:1:1: error: UTF-32 text"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "JSON token    | bad.json  | '{\"a\": s3cr3t}'                  | 1:7: error: invalid JSON: Unrecognized token: was expecting",
        "JSON char     | bad.json  | '{\"a\": 1 s3cr3t}'                | 1:9: error: invalid JSON: Unexpected character: was expecting comma to separate Object entries",
        "YAML tab      | bad.yaml  | 'a:\n\ts3cr3t: 1\n'                | 2:1: error: invalid YAML: found character that cannot start any token",
        "YAML tag      | bad.yaml  | 'a: !s3cr3t!x 1\n'                  | 1:4: error: invalid YAML: found undefined tag handle",
        "YAML escape   | bad.yaml  | 'a: \"\\qs3cr3t\"\n'               | 1:6: error: invalid YAML: found unknown escape character",
        "YAML alias    | bad.yaml  | 'a: *s3cr3t\n'                      | 1:4: error: invalid YAML: found undefined alias",
        "YAML scalar   | bad.yaml  | 'a: ''x'' s3cr3t\\n'                  | '1:8: error: invalid YAML: expected <block end>, but found ''<scalar>'''",
        "YAML token    | bad.yaml  | 'a: b\ns3cr3t\n'                   | 3:1: error: invalid YAML: could not find expected ':'"
      })
  void parseErrorsNameThePlaceAndNeverQuoteTheFile(
      String name, String file, String text, String expected) {
    String unescaped = text.replace("\\n", "\n").replace("\\t", "\t");
    assertThatThrownBy(() -> parse(file, unescaped))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.oneLine()).isEqualTo(file + ":" + expected));
  }

  @Test
  void aLongScalarIsReadInLinearTime() {
    // 8 MB in one word took a minute through SnakeYAML's own reader (issue #20, class 3)
    String text = "openapi: 3.0.3\ninfo:\n  description: " + "a".repeat(8 << 20) + "\n";
    ParsedFile file =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10), () -> parse("long.yaml", text));
    assertThat(file.root().at("/info/description").textValue()).hasSize(8 << 20);
  }
}

package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.TreeParser;
import org.junit.jupiter.api.Test;

/**
 * Where the suppression of a finding is written, for each way an object can be written, and that
 * the text it makes parses and suppresses the finding (as the engine reads it) at the same node.
 */
class SuppressionInsertionTest {
  private static final String REASON = "TODO say why";

  @Test
  void aBlockMappingGetsItFirstWithTheDocumentsIndentation() {
    String text = "paths:\n    /accounts:\n        get:\n            summary: List\n";
    assertThat(suppressed(text, "/paths/~1accounts/get/summary", "rule-a"))
        .isEqualTo(
            "paths:\n    /accounts:\n        get:\n            x-threatlint-ignore:\n"
                + "                rule-a: TODO say why\n            summary: List\n");
  }

  @Test
  void aListItemGetsItAfterItsDash() {
    String text = "servers:\n  - url: http://api.example.com\n    description: x\n";
    assertThat(suppressed(text, "/servers/0/url", "rule-b"))
        .isEqualTo(
            "servers:\n  - x-threatlint-ignore:\n      rule-b: TODO say why\n"
                + "    url: http://api.example.com\n    description: x\n");
  }

  @Test
  void aScalarInAListGoesToTheObjectAboveTheList() {
    String text = "info:\n  title: x\ntags:\n  - name: a\n    x-list:\n      - one\n";
    assertThat(suppressed(text, "/tags/0/x-list/0", "rule-c"))
        .isEqualTo(
            "info:\n  title: x\ntags:\n  - x-threatlint-ignore:\n      rule-c: TODO say why\n"
                + "    name: a\n    x-list:\n      - one\n");
  }

  @Test
  void jsonAcrossLinesGetsAMemberWithACommaAndItsIndentation() {
    String text =
        """
        {
           "servers": [
              {
                 "url": "http://api.example.com"
              }
           ]
        }
        """;
    assertThat(suppressed(text, "/servers/0/url", "rule-d"))
        .isEqualTo(
            """
            {
               "servers": [
                  {
                     "x-threatlint-ignore": {
                        "rule-d": "TODO say why"
                     },
                     "url": "http://api.example.com"
                  }
               ]
            }
            """);
  }

  @Test
  void jsonIndentedWithTabsKeepsTheTabs() {
    assertThat(
            suppressed("{\n\t\"info\": {\n\t\t\"title\": \"x\"\n\t}\n}\n", "/info/title", "rule-t"))
        .startsWith("{\n\t\"info\": {\n\t\t\"x-threatlint-ignore\": {\n");
  }

  @Test
  void jsonOnOneLineAndFlowMappingsGetItInline() {
    assertThat(suppressed("{\"a\": {\"type\": \"http\"}}", "/a/type", "rule-e"))
        .isEqualTo(
            "{\"a\": {\"x-threatlint-ignore\": {\"rule-e\": \"TODO say why\"}, \"type\": \"http\"}}");
    assertThat(suppressed("a: {type: http}\n", "/a/type", "rule-e"))
        .isEqualTo("a: {x-threatlint-ignore: {rule-e: TODO say why}, type: http}\n");
    assertThat(suppressed("{\"a\": {}}", "/a", "rule-e"))
        .isEqualTo("{\"a\": {\"x-threatlint-ignore\": {\"rule-e\": \"TODO say why\"}}}");
  }

  @Test
  void mapsOfNamesSecurityRequirementsAndExamplesAreSkipped() {
    String text =
        "components:\n  schemas:\n    Pet:\n      properties:\n        name:\n          type: string\n"
            + "          example: {first: x}\n";
    // the example's object and the name map 'properties' are passed over: the property's schema
    assertThat(suppressed(text, "/components/schemas/Pet/properties/name/example/first", "rule-f"))
        .contains(
            "        name:\n          x-threatlint-ignore:\n            rule-f: TODO say why\n");
    String security = "openapi: 3.0.3\nsecurity:\n  - basic: []\n";
    assertThat(suppressed(security, "/security/0/basic", "rule-f"))
        .startsWith("x-threatlint-ignore:\n  rule-f: TODO say why\nopenapi: 3.0.3\n");
  }

  @Test
  void anExistingSuppressionMappingGetsTheRuleAddedAndWindowsLineEndsStay() {
    String text = "info:\r\n  x-threatlint-ignore:\r\n    rule-a: known\r\n  title: x\r\n";
    assertThat(suppressed(text, "/info/title", "rule-g"))
        .isEqualTo(
            "info:\r\n  x-threatlint-ignore:\r\n    rule-g: TODO say why\r\n    rule-a: known\r\n"
                + "  title: x\r\n");
    String json =
        "{\n  \"info\": {\n    \"x-threatlint-ignore\": {\n      \"rule-a\": \"known\"\n"
            + "    },\n    \"title\": \"x\"\n  }\n}\n";
    assertThat(suppressed(json, "/info/title", "rule-g"))
        .contains(
            "\"x-threatlint-ignore\": {\n      \"rule-g\": \"TODO say why\",\n      \"rule-a\"");
  }

  @Test
  void textThatDoesNotParseOrASuppressionListGetsNone() {
    assertThat(SuppressionInsertion.of("a: [\n", "/a", "rule-h", REASON)).isNull();
    assertThat(
            SuppressionInsertion.of(
                "info:\n  x-threatlint-ignore: [rule-a]\n  title: x\n",
                "/info/title",
                "rule-h",
                REASON))
        .isNull();
  }

  /**
   * The text with the insertion made; it must parse, keep the node, and suppress the rule there.
   */
  private static String suppressed(String text, String pointer, String ruleId) {
    SuppressionInsertion.Insertion insertion =
        SuppressionInsertion.of(text, pointer, ruleId, REASON);
    assertThat(insertion).isNotNull();
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    int offset = 0;
    for (int i = 1; i < insertion.line(); i++) {
      offset = text.indexOf(newline, offset) + newline.length();
    }
    offset += insertion.column() - 1;
    String result = text.substring(0, offset) + insertion.text() + text.substring(offset);
    ParsedFile parsed = parse(result);
    assertThat(parsed.index().exists(pointer)).as("the finding's node is still there").isTrue();
    assertThat(InSourceSuppressions.find(parsed, pointer, ruleId)).isNotNull();
    return result;
  }

  private static ParsedFile parse(String text) {
    try {
      return TreeParser.parse(new SourceFile(null, "test.yaml", text));
    } catch (Exception e) {
      throw new AssertionError(
          "the suppressed text does not parse: " + e.getMessage() + "\n" + text);
    }
  }
}

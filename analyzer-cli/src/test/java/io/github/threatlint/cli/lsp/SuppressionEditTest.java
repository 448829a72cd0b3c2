package io.github.threatlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/**
 * Where the suppression goes for each shape of YAML a finding can start on, and what is inserted.
 */
class SuppressionEditTest {
  private static final String REASON = SuppressionEdit.REASON_PLACEHOLDER;

  @Test
  void aKeyWithAMappingGetsItFirstInThatMapping() {
    String text = "paths:\n    /accounts:\n        get:\n            summary: List\n";
    assertThat(applied(text, 1, "rule-a"))
        .isEqualTo(
            "paths:\n    /accounts:\n        x-threatlint-ignore:\n            rule-a: "
                + REASON
                + "\n        get:\n            summary: List\n");
  }

  @Test
  void aKeyWithAScalarGetsItBesideTheKey() {
    String text = "servers:\n  - url: http://api.example.com\n    description: x\n";
    assertThat(applied(text, 2, "rule-b"))
        .isEqualTo(
            "servers:\n  - url: http://api.example.com\n    x-threatlint-ignore:\n      rule-b: "
                + REASON
                + "\n    description: x\n");
  }

  @Test
  void theFirstKeyOfAListItemGetsItInTheItem() {
    String text = "servers:\n  - url: http://api.example.com\n";
    assertThat(applied(text, 1, "rule-c"))
        .isEqualTo(
            "servers:\n  - url: http://api.example.com\n    x-threatlint-ignore:\n      rule-c: "
                + REASON
                + "\n");
  }

  @Test
  void aKeyWithAListGetsItBesideTheKeyAndWindowsLineEndsStay() {
    String text = "security:\r\n  - basic: []\r\n";
    assertThat(applied(text, 0, "rule-d"))
        .isEqualTo(
            "x-threatlint-ignore:\r\n  rule-d: " + REASON + "\r\nsecurity:\r\n  - basic: []\r\n");
  }

  @Test
  void jsonAndLinesThatAreNoKeyGetNoEdit() {
    assertThat(SuppressionEdit.of("{\"openapi\": \"3.0.3\"}", 0, "rule-e")).isNull();
    assertThat(SuppressionEdit.of("tags:\n  - accounts\n", 1, "rule-e")).isNull();
    assertThat(SuppressionEdit.of("openapi: 3.0.3\n", 5, "rule-e")).isNull();
  }

  private static String applied(String text, int line, String ruleId) {
    TextEdit edit = SuppressionEdit.of(text, line, ruleId);
    assertThat(edit).isNotNull();
    assertThat(edit.getRange().getStart()).isEqualTo(edit.getRange().getEnd());
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    int offset = 0;
    for (int i = 0; i < edit.getRange().getStart().getLine(); i++) {
      offset = text.indexOf(newline, offset) + newline.length();
    }
    return text.substring(0, offset) + edit.getNewText() + text.substring(offset);
  }
}

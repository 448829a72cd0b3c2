package io.github.threatlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** The engine's insertion as the protocol's edit: positions from 0, a reason to fill in. */
class SuppressionEditTest {
  @Test
  void anInsertionBecomesAnEditAtItsZeroBasedPosition() {
    TextEdit edit =
        SuppressionEdit.of("servers:\n  - url: http://api.example.com\n", "/servers/0/url", "r");
    assertThat(edit.getRange().getStart()).isEqualTo(new Position(1, 4));
    assertThat(edit.getRange().getEnd()).isEqualTo(edit.getRange().getStart());
    assertThat(edit.getNewText())
        .isEqualTo(
            "x-threatlint-ignore:\n      r: " + SuppressionEdit.REASON_PLACEHOLDER + "\n    ");
  }

  @Test
  void textThatDoesNotParseGetsNoEdit() {
    assertThat(SuppressionEdit.of("servers: [\n", "/servers", "r")).isNull();
  }
}

package io.github.threatlint.cli.lsp;

import io.github.threatlint.core.engine.SuppressionInsertion;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * The edit that suppresses a finding: an {@code x-threatlint-ignore} mapping with the rule id and a
 * reason to write, in the nearest object of the finding's file that can carry it, written as that
 * object is written (YAML or JSON); where it goes is the engine's {@link SuppressionInsertion}.
 */
final class SuppressionEdit {
  static final String REASON_PLACEHOLDER = "TODO say why this finding is acceptable";

  private SuppressionEdit() {}

  /**
   * The edit for a finding of {@code ruleId} on the node at {@code pointer} of the document's
   * {@code text}, or null when the text does not parse or has no place for it.
   */
  static TextEdit of(String text, String pointer, String ruleId) {
    SuppressionInsertion.Insertion insertion =
        SuppressionInsertion.of(text, pointer, ruleId, REASON_PLACEHOLDER);
    if (insertion == null) {
      return null;
    }
    Position position = new Position(insertion.line() - 1, insertion.column() - 1);
    return new TextEdit(new Range(position, position), insertion.text());
  }
}

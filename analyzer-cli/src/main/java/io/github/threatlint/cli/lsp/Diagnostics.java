package io.github.threatlint.cli.lsp;

import com.google.gson.JsonPrimitive;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.docs.Explanation;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Findings and errors as the protocol's diagnostics. Findings count lines and columns from 1, the
 * protocol from 0; both count columns in UTF-16 code units and end them exclusively, so a region
 * maps by subtracting one.
 */
final class Diagnostics {
  static final String SOURCE = "threatlint";

  private Diagnostics() {}

  /**
   * A finding: its rule id as code, the rule's page as code description, its level as severity, the
   * places it refers to as related information ({@code uriOf} gives the URI of a file as the
   * finding names it).
   */
  static Diagnostic of(Finding finding, DocsUrl docsUrl, Function<String, String> uriOf) {
    Diagnostic diagnostic =
        new Diagnostic(
            range(finding.region()),
            finding.message(),
            severity(finding),
            SOURCE,
            finding.ruleId());
    diagnostic.setCodeDescription(new DiagnosticCodeDescription(docsUrl.of(finding.ruleId())));
    // the node's pointer comes back with the diagnostic in a code action request: where to suppress
    diagnostic.setData(finding.pointer());
    if (!finding.related().isEmpty()) {
      List<DiagnosticRelatedInformation> related = new ArrayList<>();
      for (Finding.Related place : finding.related()) {
        related.add(
            new DiagnosticRelatedInformation(
                new Location(uriOf.apply(place.file()), range(place.region())), place.label()));
      }
      diagnostic.setRelatedInformation(related);
    }
    return diagnostic;
  }

  private static Range range(Region found) {
    Region region = found == null ? Region.START : found;
    return new Range(
        position(region.startLine(), region.startColumn()),
        position(region.endLine(), region.endColumn()));
  }

  /**
   * The pointer of the node a finding's diagnostic is on: its data as sent, or (once through JSON)
   * as the client returns it; null when the client dropped it.
   */
  static String pointer(Diagnostic diagnostic) {
    Object data = diagnostic.getData();
    if (data instanceof String pointer) {
      return pointer;
    }
    return data instanceof JsonPrimitive primitive && primitive.isString()
        ? primitive.getAsString()
        : null;
  }

  /**
   * A file that cannot be read or parsed, or a rule that failed: an error on its line (the first
   * when unknown).
   */
  static Diagnostic of(ToolError error) {
    String message =
        error.ruleId() == null
            ? error.message()
            : "rule " + error.ruleId() + " failed: " + error.message();
    return new Diagnostic(line(error.line()), message, DiagnosticSeverity.Error, SOURCE);
  }

  /** A configuration that cannot be used: an error on its line of the configuration file. */
  static Diagnostic of(CheckException problem) {
    if (problem.getCause() instanceof ConfigurationException cause) {
      return new Diagnostic(
          line(cause.line()), cause.getMessage(), DiagnosticSeverity.Error, SOURCE);
    }
    return new Diagnostic(line(0), problem.getMessage(), DiagnosticSeverity.Error, SOURCE);
  }

  private static DiagnosticSeverity severity(Finding finding) {
    return switch (finding.level()) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      default -> DiagnosticSeverity.Information;
    };
  }

  /** The whole of a 1-based line, 0 standing for unknown (then the first line). */
  private static Range line(int oneBasedLine) {
    int line = Math.max(0, oneBasedLine - 1);
    return new Range(new Position(line, 0), new Position(line + 1, 0));
  }

  private static Position position(int oneBasedLine, int oneBasedColumn) {
    return new Position(Math.max(0, oneBasedLine - 1), Math.max(0, oneBasedColumn - 1));
  }

  static boolean contains(Range range, Position position) {
    return !before(position, range.getStart()) && !before(range.getEnd(), position);
  }

  private static boolean before(Position a, Position b) {
    return a.getLine() < b.getLine()
        || (a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter());
  }

  /**
   * The hover text of a rule: its title, why it matters, when not to fix, and the link to its page;
   * null for an unknown rule.
   */
  static String explanation(RuleDescriptor rule, DocsUrl docsUrl) {
    if (rule == null) {
      return null;
    }
    StringBuilder text =
        new StringBuilder("**")
            .append(rule.id())
            .append("**: ")
            .append(rule.info().title())
            .append("\n\n");
    Explanation explanation = Explanation.load(rule);
    if (explanation != null) {
      text.append(explanation.whyItMatters())
          .append("\n\n**When not to fix.** ")
          .append(explanation.whenNotToFix())
          .append("\n\n");
    } else {
      text.append(rule.info().description()).append("\n\n");
    }
    return text.append('[')
        .append("Documentation of ")
        .append(rule.id())
        .append("](")
        .append(docsUrl.of(rule.id()))
        .append(')')
        .toString();
  }
}

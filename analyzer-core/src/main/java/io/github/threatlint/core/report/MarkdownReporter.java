package io.github.threatlint.core.report;

import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.text.OutputText;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Markdown summary for pull-request comments and GitHub job summaries: the summary line, a table
 * of the rules with active findings (most severe first), the findings themselves (errors first, at
 * most {@link #MAX_ROWS}, since comments are limited in size), and the tool errors. Text from the
 * findings is escaped so that it cannot break the tables or turn into markup.
 */
public final class MarkdownReporter implements Reporter {
  /** At most this many findings are listed; the rest are counted. */
  public static final int MAX_ROWS = 100;

  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("### ")
        .append(ReportContext.TOOL_NAME)
        .append("\n\n")
        .append(OutputText.markdown(TextReporter.summary(result)))
        .append("\n\n");

    List<Finding> active =
        result.findings().stream()
            .filter(f -> !f.isSuppressed())
            .sorted(
                Comparator.comparing(Finding::level, Comparator.reverseOrder())
                    .thenComparing(Finding.ORDER))
            .toList();
    if (!active.isEmpty()) {
      Map<String, RuleInfo> infos = new LinkedHashMap<>();
      for (EnabledRule rule : result.rules()) {
        infos.put(rule.id(), rule.descriptor().info());
      }
      Map<String, List<Finding>> byRule = new LinkedHashMap<>();
      for (Finding finding : active) {
        byRule.computeIfAbsent(finding.ruleId(), id -> new java.util.ArrayList<>()).add(finding);
      }
      md.append("| Rule | Level | Findings | OWASP API 2023 | SFTI |\n|---|---|---:|---|---|\n");
      for (Map.Entry<String, List<Finding>> rule : byRule.entrySet()) {
        RuleInfo info = infos.get(rule.getKey());
        md.append("| [")
            .append(OutputText.markdown(rule.getKey()))
            .append("](")
            .append(context.ruleHelpUri(rule.getKey()))
            .append(")");
        if (info != null) {
          md.append(' ').append(OutputText.markdown(info.title()));
        }
        md.append(" | ")
            .append(rule.getValue().get(0).level().label())
            .append(" | ")
            .append(rule.getValue().size())
            .append(" | ")
            .append(
                info == null || info.owasp2023().length == 0
                    ? "–"
                    : String.join(", ", info.owasp2023()))
            .append(" | ")
            .append(
                info == null || info.sftiAreas().length == 0
                    ? "–"
                    : String.join(", ", info.sftiAreas()))
            .append(" |\n");
      }
      md.append("\n| Level | Location | Rule | Message |\n|---|---|---|---|\n");
      for (Finding finding : active.subList(0, Math.min(MAX_ROWS, active.size()))) {
        md.append("| ")
            .append(finding.level().label())
            .append(" | ")
            .append(
                OutputText.markdown(
                    finding.file()
                        + ":"
                        + finding.region().startLine()
                        + ":"
                        + finding.region().startColumn()))
            .append(" | ")
            .append(OutputText.markdown(finding.ruleId()))
            .append(" | ")
            .append(OutputText.markdown(finding.message() + TextReporter.alsoAtSuffix(finding)))
            .append(" |\n");
      }
      if (active.size() > MAX_ROWS) {
        int more = active.size() - MAX_ROWS;
        md.append("\n… and ")
            .append(more)
            .append(more == 1 ? " more finding" : " more findings")
            .append(", listed in the other report formats.\n");
      }
      md.append('\n');
    }

    if (!result.errors().isEmpty()) {
      md.append("#### Errors\n\n");
      for (ToolError error : result.errors()) {
        md.append("- ").append(OutputText.markdown(error.oneLine())).append('\n');
      }
      md.append('\n');
    }
    out.write(md.toString().stripTrailing() + "\n");
  }
}

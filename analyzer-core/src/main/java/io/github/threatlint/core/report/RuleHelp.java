package io.github.threatlint.core.report;

import io.github.threatlint.core.engine.RuleDescriptor;
import io.github.threatlint.core.rule.RuleInfo;

/** The help of a rule in Markdown, from its metadata: what it flags, why, its mappings and where to read more. */
public final class RuleHelp {
  private RuleHelp() {}

  public static String markdown(RuleDescriptor rule) {
    RuleInfo info = rule.info();
    StringBuilder md = new StringBuilder();
    md.append("## ").append(info.title()).append(" (`").append(info.id()).append("`)\n\n");
    md.append(info.description()).append("\n\n");
    md.append("- OWASP API Security Top 10 2023: ").append(list(info.owasp2023())).append('\n');
    md.append("- OWASP API Security Top 10 2019: ").append(list(info.owasp2019())).append('\n');
    md.append("- SFTI area: ").append(list(info.sftiAreas())).append("; scenarios: ").append(list(info.sftiScenarios())).append('\n');
    md.append("\nSuppress it on an object of the specification with `x-threatlint-ignore: [").append(info.id())
        .append("]`. Full documentation: ").append(ReportContext.ruleHelpUri(info.id())).append('\n');
    return md.toString();
  }

  private static String list(String[] values) {
    return values.length == 0 ? "none" : String.join(", ", values);
  }
}

package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.text.OutputText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The threat-model report as GitHub-flavoured Markdown: tables, links to the specification's lines
 * and to rule documentation, a bar chart drawn with block characters.
 */
final class MarkdownThreatReport {
  private static final int BAR_WIDTH = 20;

  private final StringBuilder out = new StringBuilder();
  private final ReportLinks links;
  private final String toolVersion;

  private MarkdownThreatReport(ReportLinks links, String toolVersion) {
    this.links = links;
    this.toolVersion = toolVersion;
  }

  static void write(List<ThreatModel> models, ReportLinks links, String toolVersion, Writer writer)
      throws IOException {
    MarkdownThreatReport report = new MarkdownThreatReport(links, toolVersion);
    for (int i = 0; i < models.size(); i++) {
      if (i > 0) {
        report.out.append("\n---\n\n");
      }
      report.api(models.get(i), "a" + (i + 1) + "-");
    }
    writer.write(report.out.toString());
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void api(ThreatModel model, String anchor) {
    line(
        "# Threat model: "
            + OutputText.markdown(model.title())
            + (model.apiVersion().isEmpty() ? "" : " " + OutputText.markdown(model.apiVersion())));
    line("");
    line(
        "Specification [`"
            + code(model.file())
            + "`]("
            + links.file(model.file(), 0)
            + ") ("
            + model.specVersion()
            + ") · method: "
            + OutputText.markdown(ReportText.METHOD)
            + " · threatlint "
            + OutputText.markdown(toolVersion)
            + ", profile `"
            + model.profile()
            + "`");
    line("");
    if (!model.unknownScenarioNames().isEmpty()) {
      line(
          "> **Note:** rules cite scenario names the catalogue does not know: "
              + OutputText.markdown(String.join("; ", model.unknownScenarioNames()))
              + ".");
      line("");
    }
    summary(model, anchor);
    overview(model, anchor);
    assets(model);
    agents(model);
    scenarios(model, anchor);
    owasp(model);
    allFindings(model, anchor);
  }

  // ------------------------------------------------------------------ summary

  private void summary(ThreatModel model, String anchor) {
    line("## Summary");
    line("");
    line(OutputText.markdown(ReportText.headline(model)));
    line("");
    if (model.topRisks().isEmpty()) {
      line("**Top risks:** none of the scenarios has findings.");
    } else {
      line("**Top risks**");
      line("");
      int rank = 1;
      for (ScenarioAssessment risk : model.topRisks()) {
        ThreatCatalogue.Scenario scenario = risk.scenario();
        line(
            rank++
                + ". ["
                + OutputText.markdown(scenario.name())
                + "](#"
                + anchor
                + scenario.slug()
                + ") ("
                + OutputText.markdown(scenario.category().name())
                + ", C/I/A "
                + scenario.rating()
                + "): "
                + OutputText.markdown(ReportText.riskReason(risk))
                + ".");
      }
    }
    line("");
    if (!model.fixFirst().isEmpty()) {
      line("**Fix first**");
      line("");
      int rank = 1;
      for (RuleFindings rule : model.fixFirst()) {
        Finding first = rule.findings().get(0);
        line(
            rank++
                + ". [`"
                + rule.ruleId()
                + "`]("
                + links.rule(rule.ruleId())
                + ") "
                + OutputText.markdown(rule.rule().title())
                + ": "
                + ReportText.ruleCount(rule)
                + ", e.g. "
                + location(first)
                + " "
                + OutputText.markdown(first.message()));
      }
      line("");
    }
    line(
        "**Assets processed:** "
            + (model.assets().isEmpty()
                ? "none recognised"
                : OutputText.markdown(
                    model.assets().stream()
                        .map(a -> a.asset().name())
                        .collect(Collectors.joining(", "))))
            + ".  ");
    line(
        "**Relevant agents:** "
            + OutputText.markdown(
                model.agents().stream()
                    .filter(a -> a.relevance() == AgentAssessment.Relevance.RELEVANT)
                    .map(a -> a.agent().name())
                    .collect(Collectors.joining(", ")))
            + ".");
    line("");
  }

  private void overview(ThreatModel model, String anchor) {
    line("## Scenarios at a glance");
    line("");
    line("| category | scenario | C/I/A | status | findings |");
    line("|---|---|---|---|---:|");
    for (ScenarioAssessment assessment : model.scenarios()) {
      ThreatCatalogue.Scenario scenario = assessment.scenario();
      line(
          "| "
              + OutputText.markdown(scenario.category().name())
              + " | ["
              + OutputText.markdown(scenario.name())
              + "](#"
              + anchor
              + scenario.slug()
              + ") | "
              + scenario.rating()
              + " | "
              + status(assessment.status())
              + " | "
              + assessment.findingCount()
              + " |");
    }
    line("");
  }

  private static String status(ScenarioAssessment.Status status) {
    switch (status) {
      case FINDINGS:
        return "🔴 " + status.label();
      case NO_EVIDENCE:
        return "🟠 " + status.label();
      case MITIGATED:
        return "🟢 " + status.label();
      default:
        return "⚪ " + status.label();
    }
  }

  // ------------------------------------------------------------------ assets and agents

  private void assets(ThreatModel model) {
    line("## Information assets");
    line("");
    if (model.assets().isEmpty()) {
      line(
          "No information asset of the paper was recognised in the names of fields, parameters and headers.");
      line("");
      return;
    }
    line(
        "Inferred from the names of fields, parameters and headers; confidentiality (C), integrity (I) and availability (A) "
            + "needs as the paper rates them: H high, M medium, L low.");
    line("");
    line("| asset | C | I | A | fields | operations | schemas and other places |");
    line("|---|---|---|---|---|---|---|");
    for (AssetPresence presence : model.assets()) {
      ThreatCatalogue.AssetKind asset = presence.asset();
      List<Place> other = new java.util.ArrayList<>(presence.schemas());
      other.addAll(presence.other());
      line(
          "| **"
              + OutputText.markdown(asset.name())
              + "** | "
              + asset.rating().confidentiality().letter()
              + " | "
              + asset.rating().integrity().letter()
              + " | "
              + asset.rating().availability().letter()
              + " | "
              + fields(presence.fields())
              + " | "
              + places(presence.operations())
              + " | "
              + places(other)
              + " |");
    }
    line("");
  }

  private static String fields(List<String> fields) {
    return ReportText.firstOf(fields, ReportText.FIELDS_PER_ASSET, false, f -> "`" + code(f) + "`");
  }

  private String places(List<Place> places) {
    if (places.isEmpty()) {
      return "–";
    }
    return ReportText.firstOf(
        places,
        ReportText.PLACES_PER_ASSET,
        true,
        p ->
            "["
                + OutputText.markdown(p.label())
                + "]("
                + links.file(p.file(), p.region().startLine())
                + ")");
  }

  private void agents(ThreatModel model) {
    line("## Threat agents");
    line("");
    line("| agent | relevance | why |");
    line("|---|---|---|");
    for (AgentAssessment agent : model.agents()) {
      line(
          "| "
              + OutputText.markdown(agent.agent().name())
              + " | "
              + agent.relevance().label()
              + " | "
              + OutputText.markdown(agent.reason())
              + " |");
    }
    line("");
  }

  // ------------------------------------------------------------------ scenarios

  private void scenarios(ThreatModel model, String anchor) {
    line("## Threat scenarios");
    line("");
    line(
        "Status: "
            + java.util.Arrays.stream(ScenarioAssessment.Status.values())
                .map(s -> status(s) + " (" + s.meaning() + ")")
                .collect(Collectors.joining(" · "))
            + ".");
    line("");
    for (ThreatCatalogue.Category category : model.catalogue().categories()) {
      line("### " + OutputText.markdown(category.title()));
      line("");
      line("_" + OutputText.markdown(category.description()) + "_");
      line("");
      for (ScenarioAssessment assessment : model.scenarios(category)) {
        scenario(assessment, anchor);
      }
    }
  }

  private void scenario(ScenarioAssessment assessment, String anchor) {
    ThreatCatalogue.Scenario scenario = assessment.scenario();
    line("<a id=\"" + anchor + scenario.slug() + "\"></a>");
    line("");
    line("#### " + OutputText.markdown(scenario.name()));
    line("");
    line(
        "**"
            + status(assessment.status())
            + "** · "
            + ReportText.rating(scenario.rating())
            + " · "
            + ReportText.assessable(scenario)
            + " · likely agents: "
            + OutputText.markdown(ReportText.agents(scenario)));
    line("");
    line(
        OutputText.markdown(scenario.description())
            + (scenario.aliases().isEmpty()
                ? ""
                : " Also named: "
                    + OutputText.markdown(String.join("; ", scenario.aliases()))
                    + "."));
    line("");
    if (!assessment.findings().isEmpty()) {
      line("**Findings**");
      line("");
      for (RuleFindings rule : assessment.findings()) {
        line(
            "- [`"
                + rule.ruleId()
                + "`]("
                + links.rule(rule.ruleId())
                + ") "
                + OutputText.markdown(rule.rule().title())
                + ": "
                + ReportText.ruleCount(rule));
        int shown = Math.min(rule.findings().size(), ReportText.LOCATIONS_PER_RULE);
        for (Finding finding : rule.findings().subList(0, shown)) {
          line("  - " + location(finding) + " " + OutputText.markdown(finding.message()));
        }
        if (rule.findings().size() > shown) {
          line(
              "  - … and "
                  + (rule.findings().size() - shown)
                  + " more in [all findings](#"
                  + anchor
                  + "rule-"
                  + rule.ruleId()
                  + ")");
        }
      }
      line("");
    }
    if (!assessment.evidence().isEmpty()) {
      line("**Mitigations evidenced in the spec**");
      line("");
      for (Evidence evidence : assessment.evidence()) {
        String where =
            evidence.places().isEmpty()
                ? ""
                : " ("
                    + evidence.places().stream()
                        .map(
                            p ->
                                "["
                                    + OutputText.markdown(p.label())
                                    + "]("
                                    + links.file(p.file(), p.region().startLine())
                                    + ")")
                        .collect(Collectors.joining(", "))
                    + ")";
        line(
            "- "
                + (evidence.complete() ? "✅ " : "◐ partly: ")
                + OutputText.markdown(evidence.text())
                + where);
      }
      line("");
    }
    line(
        "**Mitigations the paper names:** "
            + OutputText.markdown(String.join(" ", scenario.mitigations())));
    line("");
    if (!scenario.verify().isEmpty()) {
      line("**To verify outside the spec**");
      line("");
      for (String item : scenario.verify()) {
        line("- [ ] " + OutputText.markdown(item));
      }
      line("");
    }
    line("<sub>" + OutputText.markdown(ReportText.checkedBy(assessment)) + "</sub>");
    line("");
  }

  // ------------------------------------------------------------------ OWASP and all findings

  private void owasp(ThreatModel model) {
    line("## OWASP API Security Top 10 2023");
    line("");
    int max = model.owasp().stream().mapToInt(OwaspCategory::findings).max().orElse(0);
    line("| category | findings | | rules run |");
    line("|---|---:|---|---:|");
    for (OwaspCategory category : model.owasp()) {
      int width = max == 0 ? 0 : (int) Math.ceil(BAR_WIDTH * (double) category.findings() / max);
      line(
          "| "
              + category.label()
              + " "
              + OutputText.markdown(category.name())
              + " | "
              + category.findings()
              + " | "
              + (width == 0 ? "" : "`" + "█".repeat(width) + "`")
              + " | "
              + category.rules()
              + " |");
    }
    line("");
  }

  private void allFindings(ThreatModel model, String anchor) {
    line("## All findings");
    line("");
    if (model.rules().isEmpty()) {
      line("None.");
      line("");
      return;
    }
    for (RuleFindings rule : model.rules()) {
      line("<a id=\"" + anchor + "rule-" + rule.ruleId() + "\"></a>");
      line("");
      line(
          "### "
              + rule.ruleId()
              + ": "
              + OutputText.markdown(rule.rule().title())
              + " ("
              + ReportText.ruleCount(rule)
              + ")");
      line("");
      line(
          "OWASP 2023: "
              + String.join(", ", rule.rule().owasp2023())
              + " · scenarios: "
              + (model.scenariosOf(rule.ruleId()).isEmpty()
                  ? "none"
                  : OutputText.markdown(
                      model.scenariosOf(rule.ruleId()).stream()
                          .map(ThreatCatalogue.Scenario::name)
                          .collect(Collectors.joining("; "))))
              + " · [documentation]("
              + links.rule(rule.ruleId())
              + ")");
      line("");
      line("| location | message |");
      line("|---|---|");
      for (Finding finding : rule.findings()) {
        line("| " + location(finding) + " | " + OutputText.markdown(finding.message()) + " |");
      }
      line("");
    }
  }

  private String location(Finding finding) {
    String text =
        finding.file() + ":" + finding.region().startLine() + ":" + finding.region().startColumn();
    return "["
        + OutputText.markdown(text)
        + "]("
        + links.file(finding.file(), finding.region().startLine())
        + ")";
  }

  /**
   * Text inside a code span: backticks cannot be escaped there, so they become quotes; pipes break
   * tables.
   */
  private static String code(String text) {
    return OutputText.line(text).replace('`', '\'').replace("|", "\\|");
  }
}

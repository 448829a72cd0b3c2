package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.engine.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The threat-model report as one self-contained HTML file: inline CSS and SVG, no script, no font or
 * image from the network, readable in a browser and printable. The markup is also well-formed XML, so
 * tests can parse it.
 */
final class HtmlThreatReport {
  private static final String[] STATUS_COLORS = {"#b42318", "#b54708", "#067647", "#667085"};
  private static final String CSS = String.join("\n",
      ":root { --ink: #101828; --muted: #475467; --line: #d0d5dd; --soft: #f2f4f7; --accent: #1d4ed8;",
      "  --findings: #b42318; --no-evidence: #b54708; --mitigated: #067647; --not-assessable: #667085; }",
      "* { box-sizing: border-box; }",
      "body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto,",
      "  'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif; }",
      "main { max-width: 1120px; margin: 0 auto; padding: 32px 28px 64px; }",
      "h1 { font-size: 28px; line-height: 1.2; margin: 0 0 6px; }",
      "h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }",
      "h3 { font-size: 17px; margin: 28px 0 6px; }",
      "h4 { font-size: 16px; margin: 0; }",
      "a { color: var(--accent); text-decoration: none; }",
      "a:hover { text-decoration: underline; }",
      "code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace; font-size: 0.88em; }",
      ".meta { color: var(--muted); margin: 0 0 16px; }",
      ".note { border-left: 4px solid var(--no-evidence); background: #fffaeb; padding: 8px 12px; }",
      "nav.toc { background: var(--soft); border-radius: 8px; padding: 10px 14px; margin: 12px 0 0; }",
      "nav.toc a { margin-right: 16px; white-space: nowrap; }",
      ".summary { border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; background: #fcfcfd; }",
      ".summary .headline { font-size: 16px; margin-top: 0; }",
      ".columns { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 32px; }",
      ".columns h3 { margin-top: 14px; }",
      "ol.tight { margin: 0; padding-left: 22px; } ol.tight li { margin: 4px 0; }",
      ".legend span { display: inline-block; margin-right: 14px; color: var(--muted); font-size: 13px; }",
      ".swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: baseline; }",
      "table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 14px; }",
      "th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }",
      "th { background: var(--soft); font-weight: 600; }",
      "td.num, th.num { text-align: right; white-space: nowrap; }",
      "td a, td code { overflow-wrap: break-word; }",
      "table.assets { table-layout: fixed; }",
      "table.assets col.asset { width: 20%; } table.assets col.need { width: 3.5%; } table.assets col.fields { width: 20.5%; }",
      "table.assets col.operations { width: 25%; } table.assets col.schemas { width: 22.5%; }",
      ".pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12.5px; font-weight: 600;",
      "  color: #fff; white-space: nowrap; }",
      ".pill.findings { background: var(--findings); } .pill.no-evidence { background: var(--no-evidence); }",
      ".pill.mitigated { background: var(--mitigated); } .pill.not-assessable { background: var(--not-assessable); }",
      ".rel { font-weight: 600; } .rel.relevant { color: var(--findings); } .rel.verify { color: var(--no-evidence); }",
      ".rel.not-indicated { color: var(--muted); }",
      ".scenario { border: 1px solid var(--line); border-left: 6px solid var(--not-assessable); border-radius: 8px;",
      "  padding: 12px 16px; margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }",
      ".scenario.findings { border-left-color: var(--findings); } .scenario.no-evidence { border-left-color: var(--no-evidence); }",
      ".scenario.mitigated { border-left-color: var(--mitigated); }",
      ".scenario header { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }",
      ".scenario .facts { color: var(--muted); font-size: 13.5px; margin: 2px 0 8px; }",
      ".scenario h5 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 10px 0 4px; }",
      ".scenario ul { margin: 0; padding-left: 20px; } .scenario li { margin: 3px 0; }",
      "ul.locations { list-style: none; padding-left: 12px; font-size: 13.5px; }",
      "ul.verify { list-style: none; padding-left: 4px; } ul.verify li::before { content: '\\2610\\00a0\\00a0'; color: var(--muted); }",
      ".evidence.partial { color: var(--muted); }",
      ".checked { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }",
      ".level-error { color: var(--findings); font-weight: 600; } .level-warning { color: var(--no-evidence); font-weight: 600; }",
      ".level-note { color: var(--muted); font-weight: 600; }",
      "svg text { font-family: inherit; }",
      "abbr { text-decoration: none; }",
      "section.api + section.api { margin-top: 48px; border-top: 4px double var(--line); }",
      "footer { color: var(--muted); font-size: 12.5px; margin-top: 48px; }",
      "@media (max-width: 760px) { .columns { grid-template-columns: 1fr; } main { padding: 16px; } }",
      "@media print {",
      "  body { font-size: 10pt; } main { max-width: none; padding: 0; }",
      "  nav.toc { display: none; }",
      "  a { color: inherit; }",
      "  h2 { break-after: avoid; page-break-after: avoid; } h3 { break-after: avoid; }",
      "  tr { break-inside: avoid; page-break-inside: avoid; }",
      "  section.api + section.api { break-before: page; page-break-before: always; border-top: none; }",
      "  .pill { -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
      "  .swatch, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
      "}",
      "@page { margin: 16mm 14mm; }");

  private final StringBuilder out = new StringBuilder();
  private final ReportLinks links;
  private final String toolVersion;

  private HtmlThreatReport(ReportLinks links, String toolVersion) {
    this.links = links;
    this.toolVersion = toolVersion;
  }

  static void write(List<ThreatModel> models, ReportLinks links, String toolVersion, Writer writer) throws IOException {
    HtmlThreatReport report = new HtmlThreatReport(links, toolVersion);
    String title = models.size() == 1 ? "Threat model: " + models.get(0).title()
        : "Threat models: " + models.stream().map(ThreatModel::title).collect(Collectors.joining(", "));
    report.line("<!DOCTYPE html>");
    report.line("<html lang=\"en\">");
    report.line("<head>");
    report.line("<meta charset=\"utf-8\"/>");
    report.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
    report.line("<meta name=\"generator\" content=\"threatlint " + esc(toolVersion) + "\"/>");
    report.line("<title>" + esc(title) + "</title>");
    report.line("<style>");
    report.line(CSS);
    report.line("</style>");
    report.line("</head>");
    report.line("<body>");
    report.line("<main>");
    for (int i = 0; i < models.size(); i++) {
      report.api(models.get(i), "a" + (i + 1) + "-");
    }
    report.line("<footer>Generated by threatlint " + esc(toolVersion) + ". Scenario, asset and agent names are those of the "
        + esc(ReportText.METHOD) + " by Swiss FinTech Innovations (CC BY-ND 4.0); descriptions are threatlint's.</footer>");
    report.line("</main>");
    report.line("</body>");
    report.line("</html>");
    writer.write(report.out.toString());
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void api(ThreatModel model, String anchor) {
    line("<section class=\"api\" id=\"" + anchor + "api\">");
    line("<h1>Threat model: " + esc(model.title()) + (model.apiVersion().isEmpty() ? "" : " <span class=\"meta\">"
        + esc(model.apiVersion()) + "</span>") + "</h1>");
    line("<p class=\"meta\">Specification <a class=\"mono\" href=\"" + esc(links.file(model.file(), 0)) + "\">" + esc(model.file())
        + "</a> (" + esc(model.specVersion()) + ") · method: " + esc(ReportText.METHOD) + " · threatlint " + esc(toolVersion)
        + ", profile <code>" + esc(model.profile()) + "</code></p>");
    line("<nav class=\"toc\"><a href=\"#" + anchor + "summary\">Summary</a><a href=\"#" + anchor + "overview\">Scenarios at a glance</a>"
        + "<a href=\"#" + anchor + "assets\">Assets</a><a href=\"#" + anchor + "agents\">Agents</a>"
        + "<a href=\"#" + anchor + "scenarios\">Threat scenarios</a><a href=\"#" + anchor + "owasp\">OWASP 2023</a>"
        + "<a href=\"#" + anchor + "findings\">All findings</a></nav>");
    if (!model.unknownScenarioNames().isEmpty()) {
      line("<p class=\"note\"><strong>Note:</strong> rules cite scenario names the catalogue does not know: "
          + esc(String.join("; ", model.unknownScenarioNames())) + ".</p>");
    }
    summary(model, anchor);
    overview(model, anchor);
    assets(model, anchor);
    agents(model, anchor);
    scenarios(model, anchor);
    owasp(model, anchor);
    allFindings(model, anchor);
    line("</section>");
  }

  // ------------------------------------------------------------------ summary

  private void summary(ThreatModel model, String anchor) {
    line("<h2 id=\"" + anchor + "summary\">Summary</h2>");
    line("<div class=\"summary\">");
    line("<p class=\"headline\">" + esc(ReportText.headline(model)) + "</p>");
    statusBar(model);
    line("<div class=\"columns\">");
    line("<div>");
    line("<h3>Top risks</h3>");
    if (model.topRisks().isEmpty()) {
      line("<p>None of the scenarios has findings.</p>");
    } else {
      line("<ol class=\"tight\">");
      for (ScenarioAssessment risk : model.topRisks()) {
        ThreatCatalogue.Scenario scenario = risk.scenario();
        line("<li><a href=\"#" + anchor + scenario.slug() + "\"><strong>" + esc(scenario.name()) + "</strong></a> <span class=\"meta\">("
            + esc(scenario.category().name()) + ", C/I/A " + scenario.rating() + ")</span><br/>" + esc(ReportText.riskReason(risk)) + "</li>");
      }
      line("</ol>");
    }
    line("</div>");
    line("<div>");
    line("<h3>Fix first</h3>");
    if (model.fixFirst().isEmpty()) {
      line("<p>Nothing: no findings.</p>");
    } else {
      line("<ol class=\"tight\">");
      for (RuleFindings rule : model.fixFirst()) {
        Finding first = rule.findings().get(0);
        line("<li><a href=\"" + esc(links.rule(rule.ruleId())) + "\"><code>" + esc(rule.ruleId()) + "</code></a> "
            + esc(rule.rule().title()) + ": <span class=\"level-" + rule.level().label() + "\">" + esc(ReportText.ruleCount(rule))
            + "</span><br/>e.g. " + location(first) + " " + esc(first.message()) + "</li>");
      }
      line("</ol>");
    }
    line("</div>");
    line("</div>");
    line("<p><strong>Assets processed:</strong> " + (model.assets().isEmpty() ? "none recognised"
        : esc(model.assets().stream().map(a -> a.asset().name()).collect(Collectors.joining(", ")))) + ".<br/>");
    line("<strong>Relevant agents:</strong> " + esc(model.agents().stream().filter(a -> a.relevance() == AgentAssessment.Relevance.RELEVANT)
        .map(a -> a.agent().name()).collect(Collectors.joining(", "))) + ".</p>");
    line("</div>");
  }

  /** A stacked bar of the scenarios by status, with a legend. */
  private void statusBar(ThreatModel model) {
    int width = 1000;
    int total = model.scenarios().size();
    ScenarioAssessment.Status[] statuses = ScenarioAssessment.Status.values();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(" 30\" width=\"100%\" height=\"30\" ")
        .append("preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Scenarios by status\">");
    double x = 0;
    for (int i = 0; i < statuses.length; i++) {
      long count = model.count(statuses[i]);
      if (count == 0) {
        continue;
      }
      double w = width * (double) count / total;
      svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"0\" width=\"").append(fmt(w)).append("\" height=\"30\" fill=\"")
          .append(STATUS_COLORS[i]).append("\"><title>").append(esc(statuses[i].label() + ": " + count)).append("</title></rect>");
      x += w;
    }
    svg.append("</svg>");
    line(svg.toString());
    StringBuilder legend = new StringBuilder("<p class=\"legend\">");
    for (int i = 0; i < statuses.length; i++) {
      legend.append("<span><span class=\"swatch\" style=\"background:").append(STATUS_COLORS[i]).append("\"></span>")
          .append(esc(statuses[i].label())).append(": ").append(model.count(statuses[i])).append("</span>");
    }
    line(legend.append("</p>").toString());
  }

  private void overview(ThreatModel model, String anchor) {
    line("<h2 id=\"" + anchor + "overview\">Scenarios at a glance</h2>");
    line("<table>");
    line("<thead><tr><th>Category</th><th>Scenario</th><th>C/I/A</th><th>Status</th><th class=\"num\">Findings</th></tr></thead>");
    line("<tbody>");
    for (ScenarioAssessment assessment : model.scenarios()) {
      ThreatCatalogue.Scenario scenario = assessment.scenario();
      line("<tr><td>" + esc(scenario.category().name()) + "</td><td><a href=\"#" + anchor + scenario.slug() + "\">" + esc(scenario.name())
          + "</a></td><td class=\"mono\">" + scenario.rating() + "</td><td>" + pill(assessment.status()) + "</td><td class=\"num\">"
          + assessment.findingCount() + "</td></tr>");
    }
    line("</tbody>");
    line("</table>");
  }

  private static String pill(ScenarioAssessment.Status status) {
    return "<span class=\"pill " + status.slug() + "\">" + esc(status.label()) + "</span>";
  }

  // ------------------------------------------------------------------ assets and agents

  private void assets(ThreatModel model, String anchor) {
    line("<h2 id=\"" + anchor + "assets\">Information assets</h2>");
    if (model.assets().isEmpty()) {
      line("<p>No information asset of the paper was recognised in the names of fields, parameters and headers.</p>");
      return;
    }
    line("<p class=\"meta\">Inferred from the names of fields, parameters and headers; confidentiality (C), integrity (I) and "
        + "availability (A) needs as the paper rates them: H high, M medium, L low.</p>");
    line("<table class=\"assets\">");
    line("<colgroup><col class=\"asset\"/><col class=\"need\"/><col class=\"need\"/><col class=\"need\"/><col class=\"fields\"/>"
        + "<col class=\"operations\"/><col class=\"schemas\"/></colgroup>");
    line("<thead><tr><th>Asset</th><th>C</th><th>I</th><th>A</th><th>Fields</th><th>Operations</th><th>Schemas and other places</th></tr></thead>");
    line("<tbody>");
    for (AssetPresence presence : model.assets()) {
      ThreatCatalogue.AssetKind asset = presence.asset();
      List<Place> other = new ArrayList<>(presence.schemas());
      other.addAll(presence.other());
      line("<tr><td><strong>" + esc(asset.name()) + "</strong><br/><span class=\"meta\">" + esc(asset.description()) + "</span></td><td>"
          + need(asset.rating().confidentiality()) + "</td><td>" + need(asset.rating().integrity()) + "</td><td>"
          + need(asset.rating().availability()) + "</td><td>" + fields(presence.fields()) + "</td><td>" + places(presence.operations())
          + "</td><td>" + places(other) + "</td></tr>");
    }
    line("</tbody>");
    line("</table>");
  }

  private static String need(Rating rating) {
    return "<abbr title=\"" + rating.label() + "\">" + rating.letter() + "</abbr>";
  }

  private static String fields(List<String> fields) {
    return ReportText.firstOf(fields, ReportText.FIELDS_PER_ASSET, false, f -> "<code>" + esc(f) + "</code>");
  }

  private String places(List<Place> places) {
    if (places.isEmpty()) {
      return "–";
    }
    return ReportText.firstOf(places, ReportText.PLACES_PER_ASSET, true, this::place);
  }

  private String place(Place place) {
    return "<a href=\"" + esc(links.file(place.file(), place.region().startLine())) + "\">" + esc(place.label()) + "</a>";
  }

  private void agents(ThreatModel model, String anchor) {
    line("<h2 id=\"" + anchor + "agents\">Threat agents</h2>");
    line("<table>");
    line("<thead><tr><th>Agent</th><th>Relevance</th><th>Why</th></tr></thead>");
    line("<tbody>");
    for (AgentAssessment agent : model.agents()) {
      line("<tr><td><strong>" + esc(agent.agent().name()) + "</strong><br/><span class=\"meta\">" + esc(agent.agent().description())
          + "</span></td><td><span class=\"rel " + agent.relevance().name().toLowerCase(Locale.ROOT).replace('_', '-') + "\">"
          + esc(agent.relevance().label()) + "</span></td><td>" + esc(agent.reason()) + "</td></tr>");
    }
    line("</tbody>");
    line("</table>");
  }

  // ------------------------------------------------------------------ scenarios

  private void scenarios(ThreatModel model, String anchor) {
    line("<h2 id=\"" + anchor + "scenarios\">Threat scenarios</h2>");
    StringBuilder legend = new StringBuilder("<p class=\"legend\">");
    for (ScenarioAssessment.Status status : ScenarioAssessment.Status.values()) {
      legend.append("<span>").append(pill(status)).append(" ").append(esc(status.meaning())).append("</span>");
    }
    line(legend.append("</p>").toString());
    for (ThreatCatalogue.Category category : model.catalogue().categories()) {
      line("<h3>" + esc(category.title()) + "</h3>");
      line("<p class=\"meta\">" + esc(category.description()) + "</p>");
      for (ScenarioAssessment assessment : model.scenarios(category)) {
        scenario(assessment, anchor);
      }
    }
  }

  private void scenario(ScenarioAssessment assessment, String anchor) {
    ThreatCatalogue.Scenario scenario = assessment.scenario();
    line("<article class=\"scenario " + assessment.status().slug() + "\" id=\"" + anchor + scenario.slug() + "\">");
    line("<header><h4>" + esc(scenario.name()) + "</h4>" + pill(assessment.status()) + "</header>");
    line("<p class=\"facts\">" + esc(ReportText.rating(scenario.rating())) + " · " + esc(ReportText.assessable(scenario))
        + " · likely agents: " + esc(ReportText.agents(scenario)) + "</p>");
    line("<p>" + esc(scenario.description()) + (scenario.aliases().isEmpty() ? ""
        : " <span class=\"meta\">Also named: " + esc(String.join("; ", scenario.aliases())) + ".</span>") + "</p>");
    if (!assessment.findings().isEmpty()) {
      line("<h5>Findings</h5>");
      line("<ul>");
      for (RuleFindings rule : assessment.findings()) {
        line("<li><a href=\"" + esc(links.rule(rule.ruleId())) + "\"><code>" + esc(rule.ruleId()) + "</code></a> "
            + esc(rule.rule().title()) + ": <span class=\"level-" + rule.level().label() + "\">" + esc(ReportText.ruleCount(rule)) + "</span>");
        line("<ul class=\"locations\">");
        int shown = Math.min(rule.findings().size(), ReportText.LOCATIONS_PER_RULE);
        for (Finding finding : rule.findings().subList(0, shown)) {
          line("<li>" + location(finding) + " " + esc(finding.message()) + "</li>");
        }
        if (rule.findings().size() > shown) {
          line("<li>… and <a href=\"#" + anchor + "rule-" + esc(rule.ruleId()) + "\">" + (rule.findings().size() - shown)
              + " more</a></li>");
        }
        line("</ul></li>");
      }
      line("</ul>");
    }
    if (!assessment.evidence().isEmpty()) {
      line("<h5>Mitigations evidenced in the spec</h5>");
      line("<ul>");
      for (Evidence evidence : assessment.evidence()) {
        String where = evidence.places().isEmpty() ? ""
            : " <span class=\"meta\">(" + evidence.places().stream().map(this::place).collect(Collectors.joining(", ")) + ")</span>";
        line("<li class=\"evidence" + (evidence.complete() ? "" : " partial") + "\">" + (evidence.complete() ? "✔ " : "◐ partly: ")
            + esc(evidence.text()) + where + "</li>");
      }
      line("</ul>");
    }
    line("<h5>Mitigations the paper names</h5>");
    line("<ul>");
    for (String mitigation : scenario.mitigations()) {
      line("<li>" + esc(mitigation) + "</li>");
    }
    line("</ul>");
    if (!scenario.verify().isEmpty()) {
      line("<h5>To verify outside the spec</h5>");
      line("<ul class=\"verify\">");
      for (String item : scenario.verify()) {
        line("<li>" + esc(item) + "</li>");
      }
      line("</ul>");
    }
    line("<p class=\"checked\">" + esc(ReportText.checkedBy(assessment)) + "</p>");
    line("</article>");
  }

  // ------------------------------------------------------------------ OWASP and all findings

  private void owasp(ThreatModel model, String anchor) {
    line("<h2 id=\"" + anchor + "owasp\">OWASP API Security Top 10 2023</h2>");
    line("<p class=\"meta\">Findings per category (a rule may count in two categories); the number of enabled rules that check "
        + "each category on the right.</p>");
    int rowHeight = 28;
    int labelWidth = 390;
    int barWidth = 480;
    int width = labelWidth + barWidth + 110;
    int height = rowHeight * model.owasp().size() + 26;
    int max = Math.max(1, model.owasp().stream().mapToInt(OwaspCategory::findings).max().orElse(0));
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"100%\" role=\"img\" aria-label=\"Findings per OWASP API Security Top 10 2023 category\">\n");
    svg.append("<text x=\"").append(labelWidth + barWidth + 100).append("\" y=\"14\" font-size=\"12\" fill=\"#475467\" text-anchor=\"end\">rules</text>\n");
    int y = 22;
    for (OwaspCategory category : model.owasp()) {
      double w = category.findings() == 0 ? 0 : Math.max(3, barWidth * (double) category.findings() / max);
      svg.append("<g><title>").append(esc(category.label() + " " + category.name() + ": " + category.findings() + " findings, "
          + category.rules() + " rules"))
          .append("</title>");
      svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"13\" fill=\"#101828\"><tspan font-weight=\"600\">")
          .append(category.id()).append("</tspan> ").append(esc(category.name())).append("</text>");
      svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(barWidth)
          .append("\" height=\"18\" fill=\"#f2f4f7\"/>");
      if (w > 0) {
        svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(w))
            .append("\" height=\"18\" fill=\"#b42318\"/>");
      }
      svg.append("<text x=\"").append(fmt(labelWidth + w + 6)).append("\" y=\"").append(y + 18)
          .append("\" font-size=\"13\" font-weight=\"600\" fill=\"#101828\">").append(category.findings()).append("</text>");
      svg.append("<text x=\"").append(labelWidth + barWidth + 100).append("\" y=\"").append(y + 18)
          .append("\" font-size=\"13\" fill=\"#475467\" text-anchor=\"end\">").append(category.rules()).append("</text>");
      svg.append("</g>\n");
      y += rowHeight;
    }
    svg.append("</svg>");
    line(svg.toString());
  }

  private void allFindings(ThreatModel model, String anchor) {
    line("<h2 id=\"" + anchor + "findings\">All findings</h2>");
    if (model.rules().isEmpty()) {
      line("<p>None.</p>");
      return;
    }
    for (RuleFindings rule : model.rules()) {
      line("<h3 id=\"" + anchor + "rule-" + esc(rule.ruleId()) + "\"><code>" + esc(rule.ruleId()) + "</code> " + esc(rule.rule().title())
          + " <span class=\"level-" + rule.level().label() + "\">(" + esc(ReportText.ruleCount(rule)) + ")</span></h3>");
      line("<p class=\"meta\">OWASP 2023: " + esc(String.join(", ", rule.rule().owasp2023())) + " · scenarios: "
          + (model.scenariosOf(rule.ruleId()).isEmpty() ? "none" : model.scenariosOf(rule.ruleId()).stream()
              .map(s -> "<a href=\"#" + anchor + s.slug() + "\">" + esc(s.name()) + "</a>").collect(Collectors.joining("; ")))
          + " · <a href=\"" + esc(links.rule(rule.ruleId())) + "\">documentation</a></p>");
      line("<table>");
      line("<thead><tr><th>Location</th><th>Message</th></tr></thead>");
      line("<tbody>");
      for (Finding finding : rule.findings()) {
        line("<tr><td>" + location(finding) + "</td><td>" + esc(finding.message()) + "</td></tr>");
      }
      line("</tbody>");
      line("</table>");
    }
  }

  private String location(Finding finding) {
    String text = finding.file() + ":" + finding.region().startLine() + ":" + finding.region().startColumn();
    return "<a class=\"mono\" href=\"" + esc(links.file(finding.file(), finding.region().startLine())) + "\">" + esc(text) + "</a>";
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Escapes text and attribute values for HTML (and XML). */
  static String esc(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<':
          escaped.append("&lt;");
          break;
        case '>':
          escaped.append("&gt;");
          break;
        case '&':
          escaped.append("&amp;");
          break;
        case '"':
          escaped.append("&quot;");
          break;
        case '\'':
          escaped.append("&#39;");
          break;
        default:
          // control characters other than tab and newline are not allowed in XML
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            escaped.append(' ');
          } else {
            escaped.append(c);
          }
      }
    }
    return escaped.toString();
  }
}

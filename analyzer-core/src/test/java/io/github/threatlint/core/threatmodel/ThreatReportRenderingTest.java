package io.github.threatlint.core.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.report.TestRules;
import io.github.threatlint.core.text.OutputText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What both report formats show: every scenario with its status, findings linked to their lines, a
 * self-contained HTML.
 */
class ThreatReportRenderingTest {
  /** The report is written to out/ beside specs/, so links go up one folder. */
  private static final ReportLinks LINKS =
      new ReportLinks(Path.of("/work/project"), Path.of("/work/project/out"), DocsUrl.DEFAULT);

  /** A fixed audit trail: the report of a run at the epoch. */
  static final ReportAudit AUDIT =
      new ReportAudit(
          Instant.EPOCH,
          "9.9.9",
          "sfti",
          3,
          null,
          List.of(new ReportAudit.AnalysedFile("specs/wealth-open.yaml", "ab".repeat(32))),
          null,
          null);

  private static String render(ThreatReportFormat format, List<ThreatModel> models)
      throws IOException {
    return render(format, models, LINKS);
  }

  private static String render(
      ThreatReportFormat format, List<ThreatModel> models, ReportLinks links) throws IOException {
    StringWriter text = new StringWriter();
    format.write(models, links, AUDIT, text);
    return text.toString();
  }

  @Test
  void ruleLinksFollowTheConfiguredDocsUrlInBothFormats() throws IOException {
    ReportLinks wiki =
        new ReportLinks(
            Path.of("/work/project"),
            Path.of("/work/project/out"),
            new DocsUrl("https://wiki.bank.example/threatlint/{rule}.html"));
    for (ThreatReportFormat format : ThreatReportFormat.values()) {
      String report = render(format, List.of(ThreatModelBuilderTest.model()), wiki);
      assertThat(report)
          .as(format.name())
          .contains("https://wiki.bank.example/threatlint/test-alpha.html")
          .doesNotContain(RuleDocs.PROJECT_URI + "/blob/");
    }
  }

  @Test
  void markdownShowsEveryScenarioWithAStatus() throws IOException {
    String markdown = render(ThreatReportFormat.MARKDOWN, List.of(ThreatModelBuilderTest.model()));
    List<String> sections = List.of(markdown.split("\n#### "));
    assertThat(sections).hasSize(ThreatCatalogue.sfti().scenarios().size() + 1);
    for (ThreatCatalogue.Scenario scenario : ThreatCatalogue.sfti().scenarios()) {
      String section =
          sections.stream()
              .filter(s -> s.startsWith(OutputText.markdown(scenario.name()) + "\n"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no section for " + scenario.name()));
      assertThat(section)
          .as(scenario.name())
          .containsPattern(
              "\n\\*\\*\\S+ (Findings|Not evidenced|Mitigations evidenced|Not assessable from a spec)\\*\\* · ");
      assertThat(section)
          .as(scenario.name())
          .contains("**Mitigations the paper names**", "**To verify outside the spec**");
    }
    String unauthorized =
        sections.stream()
            .filter(s -> s.startsWith("Unauthorized access to data\n"))
            .findFirst()
            .orElseThrow();
    assertThat(unauthorized)
        .contains("**🔴 Findings**")
        .contains(
            "- [`test-alpha`](https://github.com/threatlint/threatlint/blob/main/docs/rules/test-alpha.md) Alpha problem: 2 warnings")
        .contains(
            "  - [specs/wealth-open.yaml:9:5](../specs/wealth-open.yaml#L9) GET /customers is open to anyone.")
        .contains(
            "  - [specs/wealth-open.yaml:27:5](../specs/wealth-open.yaml#L27) POST /customers is open to anyone.")
        .doesNotContain("GET /customers/{customerId} is open.");
    String social =
        sections.stream()
            .filter(s -> s.startsWith("Social engineering\n"))
            .findFirst()
            .orElseThrow();
    assertThat(social)
        .contains("**⚪ Not assessable from a spec**", "- [ ] Staff and customers are trained");
    String leakage =
        sections.stream()
            .filter(s -> s.startsWith("Information leakage, integrity violation\n"))
            .findFirst()
            .orElseThrow();
    assertThat(leakage)
        .contains(
            "**🟢 Mitigations evidenced**",
            "- ✔ Servers are reached over TLS (https): shown at 1 place. ([server https://api.wealth.example/v1](../specs/wealth-open.yaml#L6))");
  }

  @Test
  void markdownHasSummaryAssetsAgentsOwaspAndEveryFinding() throws IOException {
    String markdown = render(ThreatReportFormat.MARKDOWN, List.of(ThreatModelBuilderTest.model()));
    assertThat(markdown)
        .startsWith("# Threat model: Wealth Customers 1.0.0\n")
        .contains(
            "1. [**Unauthorized access to data**](#a1-unauthorized-access-to-data) (AAA, C/I/A VH/M/L), "
                + "risk Medium (score 14 = likelihood Medium 2 × impact VH/M/L 7); 2 findings from test-alpha (2)\n")
        .contains(
            "2. [**Exfiltrating large amount of data**](#a1-exfiltrating-large-amount-of-data) (Data security, C/I/A M/L/L), "
                + "risk Low (score 8 = likelihood Medium 2 × impact M/L/L 4); 1 finding from test-beta (1)\n")
        .contains(
            "1. [`test-beta`](https://github.com/threatlint/threatlint/blob/main/docs/rules/test-beta.md) Beta problem: 1 error, "
                + "e.g. [specs/wealth-open.yaml:18:5](../specs/wealth-open.yaml#L18) The list has no maxItems.")
        .contains(
            "| **Customer credentials** | H | H | H | `password` | [POST /customers](../specs/wealth-open.yaml#L27) | "
                + "[schema Registration](../specs/wealth-open.yaml#L79) |")
        .contains("| **Third Party Provider (TPP)** | Not indicated |")
        .contains("| API4:2023 Unrestricted Resource Consumption | 1 | `██████████` | 1 |")
        .contains("| API2:2023 Broken Authentication | 2 | `████████████████████` | 1 |")
        .contains("<a id=\"a1-rule-test-alpha\"></a>")
        .contains(
            "| [specs/wealth-open.yaml:9:5](../specs/wealth-open.yaml#L9) | GET /customers is open to anyone. |");
    assertThat(markdown).containsOnlyOnce("## Scenarios at a glance");
    assertThat(markdown)
        .contains(
            "| Documentation | [Lack of consistent documentation](#a1-lack-of-consistent-documentation) | M/M/M | 🟠 Not evidenced | – | 0 |");
  }

  @Test
  void theGdprAppendixListsEveryPointWithWhatTheRunShowsOfIt() throws IOException {
    String markdown = render(ThreatReportFormat.MARKDOWN, List.of(ThreatModelBuilderTest.model()));
    String appendix = markdown.substring(markdown.indexOf("## GDPR"));
    for (GdprAppendix.Requirement requirement : GdprAppendix.REQUIREMENTS) {
      assertThat(appendix).contains("| **" + requirement.name() + "** | ");
    }
    // the test rules run none of the rules the appendix names: it says so rather than "no finding"
    assertThat(appendix)
        .contains("| **Transfers to other countries** | `data-residency-undeclared`: not run |")
        .doesNotContain("no finding");
  }

  @Test
  void markdownEscapesWhatFindingsSay() throws IOException {
    ThreatModel model =
        ThreatModelBuilder.build(
            ThreatCatalogue.sfti(),
            Specs.facts(Specs.WEALTH_OPEN),
            List.of(
                TestRules.finding(
                    "test-alpha",
                    Level.WARNING,
                    ThreatModelBuilderTest.FILE,
                    "/paths",
                    8,
                    "A <script>alert(1)</script> | *bold* [link](x)")),
            List.of(),
            TestRules.enabled(),
            "sfti");
    String markdown = render(ThreatReportFormat.MARKDOWN, List.of(model));
    assertThat(markdown)
        .contains("A &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\* \\[link\\](x)")
        .doesNotContain("<script>");
  }

  @Test
  void htmlIsWellFormedAndShowsEveryScenarioWithAStatus() throws Exception {
    String html = render(ThreatReportFormat.HTML, List.of(ThreatModelBuilderTest.model()));
    Document document = parse(html);
    List<Element> articles = elements(document, "article");
    assertThat(articles).hasSize(ThreatCatalogue.sfti().scenarios().size());
    for (ThreatCatalogue.Scenario scenario : ThreatCatalogue.sfti().scenarios()) {
      Element article =
          articles.stream()
              .filter(a -> a.getAttribute("id").equals("a1-" + scenario.slug()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no article for " + scenario.name()));
      assertThat(article.getElementsByTagName("h4").item(0).getTextContent())
          .isEqualTo(scenario.name());
      assertThat(article.getAttribute("class"))
          .matches("scenario (findings|no-evidence|mitigated|not-assessable)");
      Element pill =
          elements(article, "span").stream()
              .filter(s -> s.getAttribute("class").startsWith("pill"))
              .findFirst()
              .orElseThrow();
      assertThat(pill.getTextContent())
          .isIn("Findings", "Not evidenced", "Mitigations evidenced", "Not assessable from a spec");
    }
    Element unauthorized =
        articles.stream()
            .filter(a -> a.getAttribute("id").equals("a1-unauthorized-access-to-data"))
            .findFirst()
            .orElseThrow();
    assertThat(unauthorized.getAttribute("class")).isEqualTo("scenario findings");
    List<String> links = new ArrayList<>();
    for (Element anchor : elements(unauthorized, "a")) {
      links.add(anchor.getAttribute("href") + " " + anchor.getTextContent());
    }
    assertThat(links)
        .contains(
            "../specs/wealth-open.yaml#L9 specs/wealth-open.yaml:9:5",
            "../specs/wealth-open.yaml#L27 specs/wealth-open.yaml:27:5",
            "https://github.com/threatlint/threatlint/blob/main/docs/rules/test-alpha.md test-alpha");
    assertThat(unauthorized.getTextContent()).contains("GET /customers is open to anyone.");
  }

  @Test
  void htmlIsSelfContained() throws Exception {
    String html = render(ThreatReportFormat.HTML, List.of(ThreatModelBuilderTest.model()));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<link")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .doesNotContain("@font-face")
        .doesNotContainIgnoringCase("<img")
        .doesNotContainIgnoringCase("<iframe");
    Document document = parse(html);
    assertThat(elements(document, "style")).hasSize(1);
    // the status bar, the architecture (wide and narrow) and the OWASP chart
    assertThat(elements(document, "svg")).hasSize(4);
    NodeList all = document.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      assertThat(element.hasAttribute("src")).as(element.getTagName() + " loads nothing").isFalse();
      String href = element.getAttribute("href");
      if (href.startsWith("http")) {
        assertThat(href)
            .as("the only web links are rule documentation")
            .startsWith("https://github.com/threatlint/threatlint/blob/main/docs/rules/");
      }
    }
    // every in-page link has its target
    Matcher fragment = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
    while (fragment.find()) {
      assertThat(html)
          .as("target of #" + fragment.group(1))
          .contains("id=\"" + fragment.group(1) + "\"");
    }
  }

  @Test
  void htmlChartShowsFindingsPerOwaspCategory() throws Exception {
    Document document =
        parse(render(ThreatReportFormat.HTML, List.of(ThreatModelBuilderTest.model())));
    Element chart = elements(document, "svg").get(3);
    assertThat(chart.getAttribute("aria-label"))
        .isEqualTo("Findings per OWASP API Security Top 10 2023 category");
    List<String> titles = elements(chart, "title").stream().map(Element::getTextContent).toList();
    assertThat(titles)
        .hasSize(10)
        .contains(
            "API2:2023 Broken Authentication: 2 findings, 1 rules",
            "API4:2023 Unrestricted Resource Consumption: 1 findings, 1 rules",
            "API1:2023 Broken Object Level Authorization: 0 findings, 0 rules");
  }

  @Test
  void severalApisGetTheirOwnSectionsAndAnchors() throws Exception {
    ThreatModel clean =
        ThreatModelBuilder.build(
            ThreatCatalogue.sfti(),
            Specs.facts(Specs.PAYMENTS_GUARDED),
            List.<Finding>of(),
            List.of(),
            TestRules.enabled(),
            "sfti");
    List<ThreatModel> models = List.of(ThreatModelBuilderTest.model(), clean);
    Document document = parse(render(ThreatReportFormat.HTML, models));
    assertThat(elements(document, "section"))
        .extracting(e -> e.getAttribute("id"))
        .containsExactly("a1-api", "a2-api");
    assertThat(elements(document, "article"))
        .hasSize(2 * ThreatCatalogue.sfti().scenarios().size());
    assertThat(elements(document, "title").get(0).getTextContent())
        .isEqualTo("Threat models: Wealth Customers, Guarded Payments");
    String markdown = render(ThreatReportFormat.MARKDOWN, models);
    assertThat(markdown)
        .contains("# Threat model: Guarded Payments 2.1.0", "\n---\n", "(#a2-account-hijacking)");
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document document, String tag) {
    return elements(document.getElementsByTagName(tag));
  }

  private static List<Element> elements(Element element, String tag) {
    return elements(element.getElementsByTagName(tag));
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}

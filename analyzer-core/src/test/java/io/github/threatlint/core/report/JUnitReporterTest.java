package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.text.OutputText;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReporterTest {
  static Document xml(AnalysisResult result) throws Exception {
    StringWriter out = new StringWriter();
    new JUnitReporter().write(result, new ReportContext("1.2.3", Path.of("."), false, null), out);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  @Test
  void oneTestCasePerRuleAndFileFailingWhereTheRuleFoundSomething() throws Exception {
    Element root = xml(TestRules.sample()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(root.getAttribute("errors")).isEqualTo("0");

    List<Element> suites = elements(root, "testsuite");
    assertThat(suites)
        .extracting(s -> s.getAttribute("name"))
        .containsExactly("specs/api.yaml", "specs/other api.yaml");
    List<Element> cases = elements(suites.get(0), "testcase");
    assertThat(cases)
        .extracting(c -> c.getAttribute("name"))
        .containsExactly("test-gamma", "test-beta", "test-alpha");
    assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("specs/api.yaml");
    assertThat(elements(cases.get(0), "failure")).isEmpty();
    Element failure = elements(cases.get(1), "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getAttribute("message")).isEqualTo("1 finding of test-beta");
    assertThat(failure.getTextContent())
        .isEqualTo(
            "specs/api.yaml:40:5: error The list has no maxItems. (/components/schemas/List)\n");

    // a suppressed finding passes and is mentioned in the output
    List<Element> otherCases = elements(suites.get(1), "testcase");
    Element alpha = otherCases.get(2);
    assertThat(elements(alpha, "failure")).isEmpty();
    assertThat(elements(alpha, "system-out").get(0).getTextContent())
        .contains("Suppressed:", "GET /health is open.");
    assertThat(suites.get(1).getAttribute("failures")).isEqualTo("0");
  }

  @Test
  void filesThatCouldNotBeAnalysedAndRulesThatFailedAreErrors() throws Exception {
    ToolError parse =
        new ToolError("broken.yaml", 4, 7, null, null, "mapping values <are> not allowed & here");
    ToolError rule = new ToolError("api.yaml", 0, 0, "test-beta", "/paths", "NullPointerException");
    Finding finding =
        new Finding(
            "test-beta", Level.ERROR, "found", "api.yaml", "/a", new Region(2, 1, 2, 2), null);
    Element root =
        xml(TestRules.with(
                List.of(finding), List.of(parse, rule), List.of("broken.yaml", "api.yaml")))
            .getDocumentElement();
    assertThat(root.getAttribute("errors")).isEqualTo("2");
    assertThat(root.getAttribute("failures")).isEqualTo("0");
    List<Element> suites = elements(root, "testsuite");
    List<Element> brokenCases = elements(suites.get(0), "testcase");
    assertThat(brokenCases).extracting(c -> c.getAttribute("name")).containsExactly("analysis");
    assertThat(elements(brokenCases.get(0), "error").get(0).getAttribute("message"))
        .isEqualTo("mapping values <are> not allowed & here");
    Element beta = elements(suites.get(1), "testcase").get(1);
    assertThat(beta.getAttribute("name")).isEqualTo("test-beta");
    assertThat(elements(beta, "failure")).isEmpty();
    assertThat(elements(beta, "error").get(0).getTextContent())
        .contains("NullPointerException", "found");
  }

  @Test
  void textThatXmlCannotCarryIsReplaced() {
    assertThat(OutputText.xml("a\u0001b<\"'>&\uD83D\uDE00"))
        .isEqualTo("a\uFFFDb&lt;&quot;&apos;&gt;&amp;\uD83D\uDE00");
  }
}

package io.github.threatlint.core.report;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.text.OutputText;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JUnit XML for CI dashboards: one {@code <testsuite>} per file, one {@code <testcase>} per enabled
 * rule in it (classname: the file, name: the rule id). A rule with active findings in the file
 * fails, the {@code <failure>} listing them; a rule that failed to run is an {@code <error>}; a
 * file that could not be read or parsed gets one erroring test case, {@code analysis}, instead of
 * its rules. Suppressed findings do not fail; they are listed in the test case's output.
 */
public final class JUnitReporter implements Reporter {
  /** The test case of a file that could not be analysed. */
  static final String ANALYSIS_CASE = "analysis";

  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    List<Suite> suites = suites(result);
    int tests = 0;
    int failures = 0;
    int errors = 0;
    for (Suite suite : suites) {
      tests += suite.cases.size();
      failures += suite.failures();
      errors += suite.errors();
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write(
        "<testsuites name=\""
            + ReportContext.TOOL_NAME
            + "\" tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\""
            + errors
            + "\">\n");
    for (Suite suite : suites) {
      String file = OutputText.xml(OutputText.line(suite.file));
      out.write(
          "  <testsuite name=\""
              + file
              + "\" tests=\""
              + suite.cases.size()
              + "\" failures=\""
              + suite.failures()
              + "\" errors=\""
              + suite.errors()
              + "\" skipped=\"0\">\n");
      for (Case test : suite.cases.values()) {
        out.write(
            "    <testcase classname=\"" + file + "\" name=\"" + OutputText.xml(test.name) + "\"");
        if (test.active.isEmpty() && test.errors.isEmpty() && test.suppressed.isEmpty()) {
          out.write("/>\n");
          continue;
        }
        out.write(">\n");
        if (!test.errors.isEmpty()) {
          // one <error> or <failure> per test case: a rule that failed lists its findings with the
          // error
          out.write(
              "      <error message=\""
                  + OutputText.xml(OutputText.line(test.errors.get(0).message()))
                  + "\" type=\"tool-error\">");
          out.write(
              OutputText.xml(joinErrors(test.errors) + joinFindings(test.active)) + "</error>\n");
        } else if (!test.active.isEmpty()) {
          int count = test.active.size();
          Level worst =
              test.active.stream().map(Finding::level).max(Comparator.naturalOrder()).orElseThrow();
          out.write(
              "      <failure message=\""
                  + count
                  + (count == 1 ? " finding" : " findings")
                  + " of "
                  + OutputText.xml(test.name)
                  + "\" type=\""
                  + worst.label()
                  + "\">");
          out.write(OutputText.xml(joinFindings(test.active)) + "</failure>\n");
        }
        if (!test.suppressed.isEmpty()) {
          out.write(
              "      <system-out>"
                  + OutputText.xml("Suppressed:\n" + joinFindings(test.suppressed))
                  + "</system-out>\n");
        }
        out.write("    </testcase>\n");
      }
      out.write("  </testsuite>\n");
    }
    out.write("</testsuites>\n");
  }

  /**
   * The suites: the analysed files in their order, then other files with findings or errors
   * (referenced files), sorted.
   */
  private static List<Suite> suites(AnalysisResult result) {
    Set<String> files = new LinkedHashSet<>(result.files());
    Set<String> others = new TreeSet<>();
    result.findings().forEach(f -> others.add(f.file()));
    result.errors().forEach(e -> others.add(e.file()));
    files.addAll(others);

    Set<String> unreadable = new LinkedHashSet<>();
    for (ToolError error : result.errors()) {
      if (error.ruleId() == null) {
        unreadable.add(error.file());
      }
    }
    List<Suite> suites = new ArrayList<>();
    for (String file : files) {
      Suite suite = new Suite(file);
      if (unreadable.contains(file)) {
        suite.test(ANALYSIS_CASE);
      } else {
        for (EnabledRule rule : result.rules()) {
          suite.test(rule.id());
        }
      }
      suites.add(suite);
    }
    Map<String, Suite> byFile = new LinkedHashMap<>();
    suites.forEach(suite -> byFile.put(suite.file, suite));
    for (Finding finding : result.findings()) {
      Case test = byFile.get(finding.file()).test(finding.ruleId());
      (finding.isSuppressed() ? test.suppressed : test.active).add(finding);
    }
    for (ToolError error : result.errors()) {
      byFile
          .get(error.file())
          .test(error.ruleId() == null ? ANALYSIS_CASE : error.ruleId())
          .errors
          .add(error);
    }
    return suites;
  }

  private static String joinFindings(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      text.append(OutputText.line(finding.file()))
          .append(':')
          .append(finding.region().startLine())
          .append(':')
          .append(finding.region().startColumn())
          .append(": ")
          .append(finding.level().label())
          .append(' ')
          .append(OutputText.line(finding.message()))
          .append(" (")
          .append(finding.pointer().isEmpty() ? "/" : OutputText.line(finding.pointer()))
          .append(")\n");
      for (Finding.Related place : finding.related()) {
        text.append("    also at ").append(TextReporter.alsoAt(place)).append('\n');
      }
    }
    return text.toString();
  }

  private static String joinErrors(List<ToolError> errors) {
    StringBuilder text = new StringBuilder();
    for (ToolError error : errors) {
      text.append(error.oneLine()).append('\n');
    }
    return text.toString();
  }

  private static final class Suite {
    final String file;
    final Map<String, Case> cases = new LinkedHashMap<>();

    Suite(String file) {
      this.file = file;
    }

    /**
     * The test case of this name, added at the end when it is new (a finding of a rule not enabled,
     * for instance).
     */
    Case test(String name) {
      return cases.computeIfAbsent(name, Case::new);
    }

    int failures() {
      return (int)
          cases.values().stream().filter(c -> c.errors.isEmpty() && !c.active.isEmpty()).count();
    }

    int errors() {
      return (int) cases.values().stream().filter(c -> !c.errors.isEmpty()).count();
    }
  }

  private static final class Case {
    final String name;
    final List<Finding> active = new ArrayList<>();
    final List<Finding> suppressed = new ArrayList<>();
    final List<ToolError> errors = new ArrayList<>();

    Case(String name) {
      this.name = name;
    }
  }
}

package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * operation-id-invalid grades its findings as its catalog row says (a missing id is a note, a
 * duplicate one an error) while it runs at its default level; a level set by configuration applies
 * to all of its findings.
 */
class GradedFindingsTest {
  private static final String SPEC = String.join("\n",
      "openapi: 3.0.3",
      "info: {title: Accounts, version: 1.0.0}",
      "paths:",
      "  /v1/accounts:",
      "    get:",
      "      responses: {'200': {description: ok}}",
      "    post:",
      "      operationId: openAccount",
      "      responses: {'201': {description: created}}",
      "    put:",
      "      operationId: openAccount",
      "      responses: {'200': {description: replaced}}",
      "");

  private static List<Level> levels(Level configured) {
    RuleDescriptor rule = BuiltInRules.byId("operation-id-invalid");
    AnalysisResult result = TestAnalyzers.create(List.of(new EnabledRule(rule, configured, Map.of())), Path.of("."))
        .analyze(new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)), "api.yaml");
    return result.findings().stream().map(Finding::level).toList();
  }

  @Test
  void atTheDefaultLevelEachFindingHasItsGrade() {
    assertThat(BuiltInRules.byId("operation-id-invalid").info().level()).isEqualTo(Level.WARNING);
    assertThat(levels(Level.WARNING)).containsExactly(Level.NOTE, Level.ERROR);
  }

  @Test
  void aConfiguredLevelAppliesToEveryFinding() {
    assertThat(levels(Level.ERROR)).containsExactly(Level.ERROR, Level.ERROR);
    assertThat(levels(Level.NOTE)).containsExactly(Level.NOTE, Level.NOTE);
  }
}

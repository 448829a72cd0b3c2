package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesAndExplainCommandTest {
  private static List<String> ids() {
    return BuiltInRules.all().stream().map(RuleDescriptor::id).toList();
  }

  @Test
  void rulesListsEveryRuleAsAnAlignedTable() {
    CliRun run = CliRun.run("rules");
    assertThat(run.exit()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("RULE").contains("LEVEL", "OWASP-2023", "SFTI", "TITLE");
    assertThat(lines).hasSize(BuiltInRules.all().size() + 2);
    int levelColumn = lines.get(0).indexOf("LEVEL");
    for (int i = 0; i < BuiltInRules.all().size(); i++) {
      RuleDescriptor rule = BuiltInRules.all().get(i);
      assertThat(lines.get(i + 1)).startsWith(rule.id() + " ").endsWith(rule.info().title());
      assertThat(lines.get(i + 1).substring(levelColumn))
          .startsWith(rule.info().level().label() + " ");
    }
    assertThat(lines.get(lines.size() - 1)).startsWith(BuiltInRules.all().size() + " rule");
  }

  @Test
  void rulesAsJsonCarriesTheMetadataAndOptions() throws Exception {
    CliRun run = CliRun.run("rules", "--format", "json");
    assertThat(run.exit()).isZero();
    JsonNode rules = new ObjectMapper().readTree(run.out());
    List<String> listed = new ArrayList<>();
    rules.forEach(rule -> listed.add(rule.path("id").asText()));
    assertThat(listed).isEqualTo(ids());
    JsonNode first = rules.get(0);
    RuleDescriptor rule = BuiltInRules.all().get(0);
    assertThat(first.path("title").asText()).isEqualTo(rule.info().title());
    assertThat(first.path("securitySeverity").asDouble()).isEqualTo(rule.info().securitySeverity());
    assertThat(first.path("owasp2023")).hasSize(rule.info().owasp2023().length);
    assertThat(first.path("options")).hasSize(rule.options().size());
    assertThat(first.path("helpUri").asText()).endsWith("/docs/rules/" + rule.id() + ".md");
  }

  @Test
  void rulesAsMarkdownIsTheCatalogTable() {
    CliRun run = CliRun.run("rules", "--format", "markdown");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("| Rule | Title | Level |");
    for (String id : ids()) {
      assertThat(run.out()).contains("| [`" + id + "`](https://");
    }
  }

  @Test
  void aProfileSelectsItsRulesAndLevels() {
    for (Profile profile : Profile.values()) {
      CliRun run = CliRun.run("rules", "--profile", profile.label());
      assertThat(run.exit()).isZero();
      long enabled =
          BuiltInRules.all().stream().filter(r -> profile.levelOf(r.info()) != Level.OFF).count();
      assertThat(run.out().lines()).hasSize((int) enabled + 2);
      assertThat(run.out()).contains("levels of the " + profile.label() + " profile");
    }
    CliRun bad = CliRun.run("rules", "--profile", "lax");
    assertThat(bad.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(bad.err()).contains("unknown profile 'lax'");
    assertThat(CliRun.run("rules", "--format", "xml").exit()).isEqualTo(ExitCodes.ERROR);
  }

  @Test
  void explainPrintsTheRulesPage() {
    for (RuleDescriptor rule : BuiltInRules.all()) {
      CliRun run = CliRun.run("explain", rule.id());
      assertThat(run.exit()).isZero();
      assertThat(run.out())
          .isEqualTo(RuleDocs.page(rule))
          .startsWith("# " + rule.info().title())
          .contains(
              "## What it flags",
              "## Why it matters",
              "## Failing example",
              "## Passing example",
              "## When not to fix",
              "## Options",
              "## How to suppress");
    }
  }

  @Test
  void explainRejectsAnUnknownRule() {
    CliRun run = CliRun.run("explain", "no-such-rule");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).contains("unknown rule 'no-such-rule'", "threatlint rules");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theHelpNamesTheNewCommands() {
    CliRun run = CliRun.run("--help");
    assertThat(run.out()).contains("rules", "explain", "check");
  }
}

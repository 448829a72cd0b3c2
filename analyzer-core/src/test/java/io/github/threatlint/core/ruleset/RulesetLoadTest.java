package io.github.threatlint.core.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a ruleset cannot say is refused when it is read, naming the file, the rule and the reason;
 * {@code rulesetErrors: warn} leaves the rule out with a warning instead. Ruleset rules take part
 * in the configuration's levels and the rule switches like built-in rules.
 */
class RulesetLoadTest {
  @TempDir Path folder;

  private static final String SPEC =
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
          + "      responses: {'200': {description: ok}}\n";

  /** A built-in rule, for the clash of ids. */
  @RuleInfo(
      id = "builtin-rule",
      title = "A built-in rule",
      description = "Stands for a built-in rule in the tests of rulesets.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class BuiltIn implements Checks.DocumentCheck {
    @Override
    public void checkDocument(
        io.github.threatlint.core.api.ApiDocument document,
        io.github.threatlint.core.api.RuleContext context) {}
  }

  private CheckResult run(String configuration, String ruleset, List<String> disable)
      throws Exception {
    Files.writeString(folder.resolve(".threatlint.yaml"), configuration);
    Files.writeString(folder.resolve("ruleset.yaml"), ruleset);
    Files.writeString(folder.resolve("spec.yaml"), SPEC);
    return Check.run(
        CheckRequest.builder(folder, List.of(new RuleDescriptor(BuiltIn.class)))
            .files(List.of(folder.resolve("spec.yaml")))
            .configFile(folder.resolve(".threatlint.yaml"), ".threatlint.yaml")
            .disable(disable)
            .build());
  }

  private String problem(String ruleset) {
    try {
      run("rulesets: [ruleset.yaml]\n", ruleset, List.of());
    } catch (CheckException e) {
      assertThat(e.setting()).isEqualTo(CheckException.Setting.CONFIGURATION);
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the ruleset was accepted:\n" + ruleset);
  }

  private static final String RULE =
      "rules:\n  my-rule:\n    given: $.paths.*.*\n    then: {field: summary, function: truthy}\n";

  @Test
  void customJavaScriptFunctionsAreRefused() {
    assertThat(problem("functions: [checkThing]\n" + RULE))
        .isEqualTo(
            "ruleset.yaml:1:1: error: custom JavaScript functions ('functions') cannot run in threatlint; use Spectral's core functions");
    assertThat(problem("functionsDir: ./functions\n" + RULE))
        .contains("('functionsDir') cannot run");
  }

  @Test
  void extendsOfAPackageOrUrlIsRefused() {
    assertThat(problem("extends: spectral:oas\n" + RULE))
        .startsWith("ruleset.yaml:1:10: error: extends of 'spectral:oas' cannot be read");
    assertThat(problem("extends: [https://example.com/rules.yaml]\n" + RULE))
        .contains("threatlint reads local ruleset files only");
    assertThat(problem("extends: ['@acme/api-rules']\n" + RULE)).contains("no URL, npm package");
    assertThat(problem("extends: [[missing.yaml, all]]\n" + RULE))
        .contains("the extended ruleset missing.yaml does not exist");
    assertThat(problem("extends: [[ruleset.yaml, some]]\n" + RULE))
        .contains("extends takes off, recommended or all, not 'some'");
  }

  @Test
  void unknownFunctionsInvalidPathsAndBadOptionsNameTheRule() {
    assertThat(problem(RULE.replace("truthy", "isCamelish")))
        .isEqualTo(
            "ruleset.yaml:4:28: error: rule 'my-rule': unknown function 'isCamelish'; threatlint runs Spectral's core functions: "
                + String.join(", ", CoreFunctions.NAMES));
    assertThat(problem(RULE.replace("$.paths.*.*", "$.paths[?(@.x = 1)]")))
        .startsWith(
            "ruleset.yaml:3:5: error: rule 'my-rule': invalid JSONPath '$.paths[?(@.x = 1)]'");
    assertThat(
            problem(
                RULE.replace(
                    "function: truthy", "function: casing, functionOptions: {type: camelCase}")))
        .contains(
            "rule 'my-rule': \"casing\" function and its \"type\" option accept the following values: flat, camel, pascal, kebab, cobol, snake, macro");
    assertThat(problem(RULE.replace("function: truthy", "function: pattern, functionOptions: {}")))
        .contains("\"pattern\" function has invalid options specified");
    assertThat(
            problem(
                RULE.replace(
                    "function: truthy", "function: pattern, functionOptions: {match: '('}")))
        .contains("invalid regular expression /(/");
    assertThat(
            problem(RULE.replace("function: truthy", "function: truthy, functionOptions: {a: 1}")))
        .contains("\"truthy\" function does not support options");
    assertThat(
            problem(
                RULE.replace(
                    "function: truthy",
                    "function: schema, functionOptions: {schema: {type: object}, dialect: draft3}")))
        .contains("\"dialect\" option accept only the following values");
  }

  @Test
  void unknownKeysSeveritiesFormatsAndAliasesAreRefused() {
    assertThat(problem(RULE + "    when: always\n")).contains("rule 'my-rule': unknown key 'when'");
    assertThat(problem(RULE + "    severity: fatal\n"))
        .contains("rule 'my-rule': bad severity \"fatal\"; use error, warn, info, hint or off");
    assertThat(problem(RULE + "    formats: [3]\n"))
        .contains("formats are names such as oas2 and oas3, not 3");
    assertThat(problem(RULE.replace("$.paths.*.*", "'#Operation'")))
        .contains("rule 'my-rule': the alias 'Operation' is not defined");
    assertThat(problem("rules:\n  other-rule: error\n"))
        .contains("rule 'other-rule' has no given and then, and no ruleset it extends defines it");
  }

  @Test
  void aSchemaRefThatDoesNotResolveInsideTheSchemaIsRefusedWhenTheRulesetIsRead() {
    String schemaRule =
        RULE.replace(
            "then: {field: summary, function: truthy}",
            "then: {field: responses, function: schema, functionOptions: {schema: {$ref: '%s'}}}");
    assertThat(problem(schemaRule.formatted("#/components/schemas/Error")))
        .isEqualTo(
            "ruleset.yaml:4:48: error: rule 'my-rule': a $ref of the schema cannot be resolved"
                + " (Reference /components/schemas/Error cannot be resolved); as in Spectral, a $ref"
                + " points inside functionOptions.schema or to a JSON Schema meta-schema");
    // neither a file nor a URL is read
    assertThat(problem(schemaRule.formatted("./error.json")))
        .contains("rule 'my-rule': a $ref of the schema cannot be resolved")
        .contains("'./error.json' is not allowed to be loaded");
    assertThat(problem(schemaRule.formatted("https://schemas.example.com/error.json")))
        .contains("'https://schemas.example.com/error.json' is not allowed to be loaded");
  }

  @Test
  void aRuleForOtherDocumentsOnlyIsLeftOutWithAWarning() throws Exception {
    CheckResult result =
        run(
            "rulesets: [ruleset.yaml]\n",
            RULE
                + "  async-rule:\n    formats: [asyncapi2, asyncapi3]\n    given: $.paths.*.*\n"
                + "    then: {field: summary, function: truthy}\n"
                + "  both-rule:\n    formats: [oas3, asyncapi2, aas2]\n    given: $.paths.*.*\n"
                + "    then: {field: summary, function: truthy}\n",
            List.of());
    // an unknown name is a format no document has, as in Spectral: a warning tells of the typo
    assertThat(result.configuration().warnings())
        .containsExactly(
            "ruleset.yaml:10:14: warning: unknown format \"aas2\", which no document has (threatlint"
                + " reads oas2, oas3, oas3_0 and oas3_1 documents)",
            "ruleset.yaml:6:5: warning: rule 'async-rule' applies to other documents than OpenAPI"
                + " ones only (formats); threatlint reads OpenAPI documents, so the rule is left out");
    assertThat(result.result().findings())
        .extracting(Finding::ruleId)
        .containsExactly("both-rule", "my-rule");
    // formats of the ruleset apply to its rules without formats of their own
    assertThat(
            run("rulesets: [ruleset.yaml]\n", "formats: [asyncapi2]\n" + RULE, List.of())
                .configuration()
                .warnings())
        .singleElement()
        .asString()
        .startsWith("ruleset.yaml:3:3: warning: rule 'my-rule' applies to other documents than");
  }

  @Test
  void aRulesDocumentationUrlIsItsPageForEveryLink() throws Exception {
    CheckResult result =
        run(
            "rulesets: [ruleset.yaml]\n",
            RULE + "    documentationUrl: https://wiki.bank.example/rules/my-rule\n",
            List.of());
    RuleDescriptor rule = result.configuration().rulesetRules().get(0);
    assertThat(rule.documentationUrl()).isEqualTo("https://wiki.bank.example/rules/my-rule");
    // links by rule id (language server, Markdown report, Maven log) follow the configuration's
    assertThat(result.configuration().docsUrl().of("my-rule"))
        .isEqualTo("https://wiki.bank.example/rules/my-rule");
    assertThat(result.configuration().docsUrl().of("builtin-rule"))
        .isEqualTo(DocsUrl.DEFAULT.of("builtin-rule"));
    assertThat(problem(RULE + "    documentationUrl: wiki/my-rule.html\n"))
        .isEqualTo(
            "ruleset.yaml:5:5: error: rule 'my-rule': documentationUrl must be an absolute http or"
                + " https URL, not 'wiki/my-rule.html'");
  }

  @Test
  void aRuleMayNotTakeTheIdOfABuiltInRule() {
    assertThat(problem(RULE.replace("my-rule", "builtin-rule")))
        .isEqualTo(
            "ruleset.yaml:2:3: error: rule 'builtin-rule': the rule 'builtin-rule' has the id of a built-in rule; rename it in the ruleset");
  }

  @Test
  void aRulesetOutsideTheRootIsNotRead() throws Exception {
    Files.writeString(folder.resolve("spec.yaml"), SPEC);
    Files.writeString(folder.resolve(".threatlint.yaml"), "rulesets: [../elsewhere.yaml]\n");
    assertThatThrownBy(
            () ->
                Check.run(
                    CheckRequest.builder(folder, List.of())
                        .files(List.of(folder.resolve("spec.yaml")))
                        .configFile(folder.resolve(".threatlint.yaml"), ".threatlint.yaml")
                        .build()))
        .hasMessageStartingWith(".threatlint.yaml:1:12: error: the ruleset ")
        .hasMessageContaining("elsewhere.yaml is outside the folder threatlint may read");
  }

  @Test
  void withRulesetErrorsWarnABrokenRuleIsLeftOutWithAWarning() throws Exception {
    CheckResult result =
        run(
            "rulesets: [ruleset.yaml]\nrulesetErrors: warn\n",
            RULE + "  broken-rule:\n    given: $.paths\n    then: {function: isCamelish}\n",
            List.of());
    assertThat(result.configuration().warnings())
        .containsExactly(
            "ruleset.yaml:7:12: warning: rule 'broken-rule': unknown function 'isCamelish'; threatlint runs Spectral's core functions: "
                + String.join(", ", CoreFunctions.NAMES)
                + " (the rule is left out)");
    assertThat(result.result().findings()).extracting(Finding::ruleId).containsExactly("my-rule");
  }

  @Test
  void rulesetRulesTakeLevelsFromTheConfigurationAndTheRuleSwitches() throws Exception {
    CheckResult configured =
        run("rulesets: [ruleset.yaml]\nrules:\n  my-rule: error\n", RULE, List.of());
    assertThat(configured.result().findings())
        .extracting(Finding::ruleId, Finding::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("my-rule", Level.ERROR));
    assertThat(run("rulesets: [ruleset.yaml]\n", RULE, List.of("my-rule")).result().findings())
        .isEmpty();
    assertThat(
            run("rulesets: [ruleset.yaml]\nrules:\n  my-rule: off\n", RULE, List.of())
                .result()
                .findings())
        .isEmpty();
  }
}

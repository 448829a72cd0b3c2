package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleProvider;
import io.github.threatlint.core.report.Reporters;
import io.github.threatlint.core.report.SarifValidation;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule written in Java against the published rule API, compiled and packed into a jar at test
 * time, loaded from the configuration's {@code plugins:} and run end to end by {@code threatlint}:
 * levels, suppressions, baselines, every output format, SARIF metadata, {@code rules} and {@code
 * explain}, and the refusal of a plugin that cannot be loaded.
 */
class RulePluginCommandTest {
  @TempDir Path folder;

  private static final String RULE =
      String.join(
          "\n",
          "package bank.rules;",
          "",
          "import io.github.threatlint.core.api.*;",
          "",
          "@RuleInfo(",
          "    id = \"bank-operation-tags\",",
          "    title = \"Operation without enough tags\",",
          "    description = \"Every operation is filed under the bank's API catalogue tags.\",",
          "    level = Level.ERROR,",
          "    owasp2023 = {\"API9\"},",
          "    owasp2019 = {},",
          "    sftiAreas = {},",
          "    sftiScenarios = {},",
          "    securitySeverity = 2.0,",
          "    section = \"doc\",",
          "    documentationUrl = \"https://wiki.bank.example/rules/bank-operation-tags\")",
          "public final class OperationTags implements Checks.OperationCheck {",
          "  @RuleOption(description = \"The fewest tags an operation has.\")",
          "  public int minTags = 1;",
          "",
          "  @Override",
          "  public void checkOperation(Operation operation, RuleContext context) {",
          "    if (operation.tags().size() < minTags) {",
          "      context.report(operation.node(), operation.label() + \" has fewer than \"",
          "          + minTags + \" tags\");",
          "    }",
          "  }",
          "}",
          "");

  private static final String PROVIDER =
      String.join(
          "\n",
          "package bank.rules;",
          "",
          "import io.github.threatlint.core.api.*;",
          "import java.util.List;",
          "",
          "public final class BankRules implements RuleProvider {",
          "  @Override",
          "  public List<Class<? extends Rule>> rules() {",
          "    return List.of(OperationTags.class);",
          "  }",
          "}",
          "");

  private static final String SPEC =
      String.join(
          "\n",
          "openapi: 3.0.3",
          "info: {title: Payments, version: '1'}",
          "paths:",
          "  /payments:",
          "    get:",
          "      responses: {'200': {description: ok}}",
          "    post:",
          "      x-threatlint-ignore: [bank-operation-tags]",
          "      responses: {'201': {description: created}}",
          "    put:",
          "      tags: [payments]",
          "      responses: {'200': {description: ok}}",
          "");

  @BeforeEach
  void writeFiles() throws Exception {
    buildPluginJar(folder.resolve("lib/bank-rules.jar"), RULE);
    Files.writeString(folder.resolve(".threatlint.yaml"), "plugins: [lib/bank-rules.jar]\n");
    Files.writeString(folder.resolve("payments.yaml"), SPEC);
  }

  /** Compiles the rule and its provider against the test's class path and packs them in a jar. */
  private void buildPluginJar(Path jar, String rule) throws IOException {
    Path sources = folder.resolve("plugin-src/bank/rules");
    Path classes = folder.resolve("plugin-classes");
    Files.createDirectories(sources);
    Files.createDirectories(classes);
    Files.writeString(sources.resolve("OperationTags.java"), rule);
    Files.writeString(sources.resolve("BankRules.java"), PROVIDER);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null,
            null,
            null,
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            sources.resolve("OperationTags.java").toString(),
            sources.resolve("BankRules.java").toString());
    assertThat(status).as("the plugin compiles").isZero();
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
      add(
          out,
          "META-INF/services/" + RuleProvider.class.getName(),
          "bank.rules.BankRules\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  /** {@code check} with the plugin's rule only: the built-in ones are switched off. */
  private CliRun check(String... args) {
    List<String> all = new ArrayList<>(List.of("check"));
    for (RuleDescriptor rule : BuiltInRules.all()) {
      all.addAll(List.of("--disable", rule.id()));
    }
    all.addAll(List.of(args));
    return CliRun.runIn(folder, all.toArray(String[]::new));
  }

  @Test
  void thePluginsRuleReportsWhereTheOperationIsWritten() {
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out())
        .contains(
            "payments.yaml:5:5: error [bank-operation-tags] GET /payments has fewer than 1 tags")
        .doesNotContain("POST /payments")
        .doesNotContain("PUT /payments");
  }

  @Test
  void theConfigurationSetsThePluginRulesLevelAndOptions() throws Exception {
    Files.writeString(
        folder.resolve(".threatlint.yaml"),
        String.join(
            "\n",
            "plugins: [lib/bank-rules.jar]",
            "rules:",
            "  bank-operation-tags: {level: note, options: {minTags: 2}}",
            ""));
    CliRun run = check("payments.yaml");
    assertThat(run.out())
        .contains(
            "payments.yaml:5:5: note [bank-operation-tags] GET /payments has fewer than 2 tags")
        .contains("payments.yaml:10:5: note [bank-operation-tags] PUT /payments has fewer than 2");
    CliRun disabled = check("--disable", "bank-operation-tags", "payments.yaml");
    assertThat(disabled.exit()).as(disabled.err()).isEqualTo(ExitCodes.CLEAN);
  }

  @Test
  void everyFormatCarriesThePluginFindingsAndSarifItsMetadata() throws Exception {
    for (String format : Reporters.names()) {
      CliRun run = check("--format", format, "payments.yaml");
      assertThat(run.exit()).as(format).isEqualTo(ExitCodes.FINDINGS);
      assertThat(run.out()).as(format).contains("bank-operation-tags");
    }
    CliRun run = check("--format", "sarif", "payments.yaml");
    JsonNode driver = SarifValidation.assertValid(run.out()).path("runs").get(0).path("tool");
    JsonNode rule = driver.path("driver").path("rules").get(0);
    assertThat(rule.path("id").asText()).isEqualTo("bank-operation-tags");
    assertThat(rule.path("shortDescription").path("text").asText())
        .isEqualTo("Operation without enough tags");
    assertThat(rule.path("properties").path("tags").toString()).contains("owasp-api-2023/API9");
    assertThat(rule.path("helpUri").asText())
        .isEqualTo("https://wiki.bank.example/rules/bank-operation-tags");
    assertThat(check("--format", "markdown", "payments.yaml").out())
        .contains("(https://wiki.bank.example/rules/bank-operation-tags)");
  }

  @Test
  void aBaselineAcceptsThePluginFindings() {
    CliRun write = check("--write-baseline", "baseline.json", "payments.yaml");
    assertThat(write.exit()).as(write.err()).isEqualTo(ExitCodes.CLEAN);
    CliRun again = check("--baseline", "baseline.json", "payments.yaml");
    assertThat(again.exit()).as(again.err()).isEqualTo(ExitCodes.CLEAN);
  }

  @Test
  void rulesAndExplainShowThePluginsRule() {
    CliRun rules = CliRun.runIn(folder, "rules");
    assertThat(rules.out()).contains("bank-operation-tags");
    CliRun explain = CliRun.runIn(folder, "explain", "bank-operation-tags");
    assertThat(explain.exit()).as(explain.err()).isEqualTo(ExitCodes.CLEAN);
    assertThat(explain.out())
        .contains("Operation without enough tags")
        .contains("minTags")
        .contains("- **Documentation**: https://wiki.bank.example/rules/bank-operation-tags\n");
    assertThat(CliRun.runIn(folder, "rules", "--format", "json").out())
        .contains("\"helpUri\" : \"https://wiki.bank.example/rules/bank-operation-tags\"");
  }

  @Test
  void aDocumentationUrlThatIsNoHttpUrlStopsTheRunWithOneLine() throws Exception {
    buildPluginJar(
        folder.resolve("lib/bank-rules.jar"),
        RULE.replace("https://wiki.bank.example/rules/", "wiki/"));
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo(
            ".threatlint.yaml:1:11: error: plugin lib/bank-rules.jar: the rule bank-operation-tags:"
                + " documentationUrl must be an absolute http or https URL, not"
                + " 'wiki/bank-operation-tags'\n");
  }

  @Test
  void aMissingPluginStopsTheRunWithOneLine() throws Exception {
    Files.writeString(folder.resolve(".threatlint.yaml"), "plugins: [lib/missing.jar]\n");
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo(".threatlint.yaml:1:11: error: plugin lib/missing.jar: no such file\n");
  }

  @Test
  void aBrokenPluginStopsTheRunWithOneLine() throws Exception {
    Files.writeString(folder.resolve("lib/broken.jar"), "not a jar");
    Files.writeString(folder.resolve(".threatlint.yaml"), "plugins: [lib/broken.jar]\n");
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .startsWith(".threatlint.yaml:1:11: error: plugin lib/broken.jar: not a jar");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void aPluginOutsideTheRootIsRefused() throws Exception {
    Files.writeString(folder.resolve(".threatlint.yaml"), "plugins: [../elsewhere.jar]\n");
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .startsWith(".threatlint.yaml:1:11: error: plugin ../elsewhere.jar: outside the folder");
  }
}

package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.config.ConfigurationSchema;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.source.TreeParser;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema of the configuration (docs/schema/threatlint-config.schema.json) is the one
 * generated from the rule catalog, accepts the README's configuration examples and the file init
 * writes, and agrees with the loader on good and bad configurations. Run with {@code
 * -Dthreatlint.updateSchema=true} to rewrite the file.
 */
class ConfigurationSchemaTest {
  private static final Path FILE =
      SampleGoldenTest.ROOT.resolve(ConfigurationSchema.REPOSITORY_PATH);
  private static final String GENERATED = ConfigurationSchema.json(BuiltInRules.all());
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(readJson(GENERATED));

  private static JsonNode readJson(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The schema's violations, one line each, of a configuration as threatlint reads YAML or JSON.
   */
  private static List<String> violations(String configuration) throws Exception {
    JsonNode tree =
        TreeParser.parse(new SourceFile(null, ".threatlint.yaml", configuration)).root();
    return SCHEMA.validate(tree).stream().map(Error::toString).toList();
  }

  private static String loaderProblem(String configuration) {
    try {
      new ConfigurationLoader(BuiltInRules.all())
          .parse(new SourceFile(null, ".threatlint.yaml", configuration), Path.of("."));
      return null;
    } catch (ConfigurationException e) {
      return e.oneLine();
    }
  }

  @Test
  void theRepositoryHoldsTheGeneratedSchema() throws IOException {
    if (Boolean.getBoolean("threatlint.updateSchema")) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, GENERATED, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as(
            ConfigurationSchema.REPOSITORY_PATH
                + " is out of date; rewrite it with mvn -B -q test -pl analyzer-cli -am "
                + "-Dtest=ConfigurationSchemaTest -Dsurefire.failIfNoSpecifiedTests=false -Dthreatlint.updateSchema=true")
        .isEqualTo(GENERATED);
  }

  @Test
  void everyConfigurationExampleOfTheReadmeAndTheDocsIsValid() throws Exception {
    // the README and the configuration's reference page
    String readme =
        Files.readString(SampleGoldenTest.README, StandardCharsets.UTF_8)
            + Files.readString(
                SampleGoldenTest.README.resolveSibling("docs").resolve("configuration.md"),
                StandardCharsets.UTF_8);
    // the blocks after a config-example marker, and the YAML blocks that open with '#
    // .threatlint.yaml'
    Matcher blocks =
        Pattern.compile("(<!-- config-example -->\\n)?```ya?ml\\n(.*?)```", Pattern.DOTALL)
            .matcher(readme);
    List<String> examples = new ArrayList<>();
    while (blocks.find()) {
      if (blocks.group(1) != null || blocks.group(2).startsWith("# .threatlint.yaml")) {
        examples.add(blocks.group(2));
      }
    }
    assertThat(examples)
        .as("configuration examples in the README and docs/configuration.md")
        .isNotEmpty();
    for (String example : examples) {
      assertThat(violations(example)).as(example).isEmpty();
      assertThat(loaderProblem(example)).as(example).isNull();
    }
  }

  @Test
  void theFileInitWritesIsValidWithItsExamplesCommentedAndUncommented() throws Exception {
    for (Profile profile : Profile.values()) {
      String written = InitCommand.configuration(profile, InitCommand.DEFAULT_BASELINE);
      assertThat(written)
          .startsWith("# yaml-language-server: $schema=" + ConfigurationSchema.URL + "\n");
      assertThat(violations(written)).isEmpty();
      String uncommented = written.replaceAll("(?m)^  # ", "  ");
      assertThat(violations(uncommented)).isEmpty();
      assertThat(loaderProblem(uncommented)).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "extends: strict",
        "rules:\nignore:",
        "rules:\n  numeric-bounds: off",
        "rules:\n  numeric-bounds: warning",
        "rules:\n  numeric-bounds: {level: note}",
        "rules:\n  numeric-bounds: {options: {includeResponses: true}}",
        "rules:\n  numeric-bounds: {level: error, options: }",
        "rules:\n  oauth2-scope-coarse: {options: {maxResourceFamilies: 2}}",
        "rules:\n  operation-security-missing: {options: {allowAnonymous: []}}",
        "ignore:\n  - {file: specs/**, rule: numeric-bounds, reason: Legacy.}",
        "ignore:\n  - {file: a.yaml, rule: numeric-bounds, pointer: /paths/~1a/**, reason: Legacy.}",
        "ignore:\n  - {file: a.yaml, rule: numeric-bounds, pointer: '', reason: Legacy.}",
        "{\"extends\": \"sfti\", \"rules\": {\"numeric-bounds\": \"off\"}}",
        // refused by both
        "extend: sfti",
        "extends: lax",
        "extends:",
        "rules:\n  numeric-bound: off",
        "rules:\n  numeric-bounds: on",
        "rules:\n  numeric-bounds: fatal",
        "rules:\n  numeric-bounds: 2",
        "rules:\n  numeric-bounds: {levels: note}",
        "rules:\n  numeric-bounds: {level: }",
        "rules:\n  numeric-bounds: {options: {includeResponse: true}}",
        "rules:\n  numeric-bounds: {options: {includeResponses: 'true'}}",
        "rules:\n  numeric-bounds: {options: []}",
        "rules:\n  oauth2-scope-coarse: {options: {maxResourceFamilies: 2.5}}",
        "rules:\n  operation-security-missing: {options: {allowAnonymous: /health}}",
        "rules:\n  operation-security-missing: {options: {allowAnonymous: [1]}}",
        "rules: [numeric-bounds]",
        "ignore:\n  - {file: a.yaml, rule: numeric-bounds}",
        "ignore:\n  - {file: a.yaml, rule: numeric-bounds, reason: '  '}",
        "ignore:\n  - {file: a.yaml, rule: numeric-bound, reason: Legacy.}",
        "ignore:\n  - {file: a.yaml, rule: numeric-bounds, pointer: paths, reason: Legacy.}",
        "ignore:\n  - {file: a.yaml, rules: numeric-bounds, reason: Legacy.}",
        "ignore:\n  - a.yaml",
        "ignore: {file: a.yaml}",
        "- extends"
      })
  void theSchemaAndTheLoaderAgree(String configuration) throws Exception {
    String problem = loaderProblem(configuration);
    List<String> violations = violations(configuration);
    assertThat(violations.isEmpty())
        .as("the loader says %s, the schema %s", problem == null ? "valid" : problem, violations)
        .isEqualTo(problem == null);
  }
}

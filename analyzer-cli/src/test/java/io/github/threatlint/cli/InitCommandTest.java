package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  /** An open operation beside one that requires the scheme: each open one is its own finding. */
  private static final String API =
      "openapi: 3.0.3\ninfo: {title: Accounts, version: 1.0.0}\n"
          + "components: {securitySchemes: {apiKey: {type: apiKey, in: header, name: X-API-Key}}}\n"
          + "paths:\n  /v1/profile:\n    get:\n      security: [{apiKey: []}]\n"
          + "      responses:\n        '200': {description: ok}\n  /v1/accounts:\n"
          + "    get:\n      responses:\n        '200': {description: ok}\n";

  private static final String NEW_OPERATION =
      "  /v1/cards:\n    get:\n      responses:\n        '200': {description: ok}\n";

  @TempDir Path dir;

  private CliRun run(String... args) {
    return CliRun.runIn(dir, args);
  }

  private Configuration load() throws Exception {
    Path file = dir.resolve(".threatlint.yaml");
    return new ConfigurationLoader(BuiltInRules.all()).load(file, ".threatlint.yaml");
  }

  @Test
  void writesACommentedConfigurationForTheProfile() throws Exception {
    CliRun run = run("init", "--profile", "sfti");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEqualTo("threatlint: wrote .threatlint.yaml (profile sfti).\n");
    assertThat(load().profile()).isEqualTo(Profile.SFTI);
    assertThat(load().rules()).isEmpty();
    assertThat(Files.readString(dir.resolve(".threatlint.yaml")))
        .startsWith(
            "# yaml-language-server: $schema=https://raw.githubusercontent.com/threatlint/threatlint/main/"
                + "docs/schema/threatlint-config.schema.json\n")
        .contains("\nextends: sfti\n");
  }

  @Test
  void theDefaultProfileIsRecommended() throws Exception {
    assertThat(run("init").exit()).isZero();
    assertThat(load().profile()).isEqualTo(Profile.RECOMMENDED);
  }

  @Test
  void theCommentedExamplesAreAValidConfigurationOnceUncommented() throws Exception {
    String uncommented =
        InitCommand.configuration(Profile.STRICT, null).replaceAll("(?m)^  # ", "  ");
    Files.writeString(dir.resolve(".threatlint.yaml"), uncommented);
    Configuration configuration = load();
    assertThat(configuration.rules())
        .containsOnlyKeys("security-schemes-missing", "operation-security-missing");
    assertThat(configuration.ignores()).hasSize(1);
  }

  @Test
  void neverOverwritesWithoutForce() throws IOException {
    Files.writeString(dir.resolve(".threatlint.yaml"), "extends: strict\n");
    CliRun run = run("init", "--profile", "sfti");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo("threatlint: .threatlint.yaml exists; use --force to overwrite it\n");
    assertThat(Files.readString(dir.resolve(".threatlint.yaml"))).isEqualTo("extends: strict\n");

    assertThat(run("init", "--profile", "sfti", "--force").exit()).isZero();
    assertThat(Files.readString(dir.resolve(".threatlint.yaml"))).contains("\nextends: sfti\n");
  }

  @Test
  void refusesToWriteBesideAConfigurationOfAnotherName() throws IOException {
    Files.writeString(dir.resolve(".threatlint.json"), "{}");
    CliRun run = run("init", "--force");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "threatlint: .threatlint.json exists, and threatlint would read it beside .threatlint.yaml; "
                + "remove it first\n");
    assertThat(dir.resolve(".threatlint.yaml")).doesNotExist();
  }

  @Test
  void baselineRecordsTodaysFindingsSoThatOnlyNewOnesFail() throws IOException {
    Files.writeString(dir.resolve("api.yaml"), API);
    CliRun run = run("init", "--profile", "strict", "--baseline", "api.yaml");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("threatlint: wrote .threatlint.yaml (profile strict).\n" + "threatlint: wrote ")
        .contains(" findings to the baseline threatlint-baseline.json.\n")
        .endsWith(
            "threatlint: from now on, 'threatlint check --baseline threatlint-baseline.json api.yaml' fails only on new findings.\n");
    assertThat(Files.readString(dir.resolve(".threatlint.yaml")))
        .contains("# Today's findings are recorded in threatlint-baseline.json");

    // the same file check --write-baseline writes with the same configuration
    assertThat(run("check", "--write-baseline", "by-check.json", "api.yaml").exit())
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(dir.resolve("by-check.json"))
        .hasSameTextualContentAs(dir.resolve("threatlint-baseline.json"));

    assertThat(run("check", "--baseline", "threatlint-baseline.json", "api.yaml").exit())
        .isEqualTo(ExitCodes.CLEAN);
    Files.writeString(dir.resolve("api.yaml"), API + NEW_OPERATION);
    CliRun later = run("check", "--baseline", "threatlint-baseline.json", "api.yaml");
    assertThat(later.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(later.out())
        .contains("api.yaml:15:5: error [operation-security-missing] GET /v1/cards")
        .doesNotContain("GET /v1/accounts (read)");
  }

  @Test
  void baselineTakesAFileNameAndNeverOverwritesOneWithoutForce() throws IOException {
    Files.writeString(dir.resolve("api.yaml"), API);
    Files.writeString(dir.resolve("accepted.json"), "{}");
    CliRun run = run("init", "--baseline=accepted.json", "api.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo("threatlint: accepted.json exists; use --force to overwrite it\n");
    assertThat(dir.resolve(".threatlint.yaml")).doesNotExist();
    assertThat(run("init", "--force", "--baseline=accepted.json", "api.yaml").exit()).isZero();
    assertThat(Files.readString(dir.resolve("accepted.json"))).contains("\"baselineVersion\" : 1");
  }

  @Test
  void baselineNeedsSpecsAndSpecsNeedBaseline() {
    assertThat(run("init", "--baseline").err())
        .startsWith("threatlint: --baseline needs the SPECs whose findings it records\n");
    assertThat(run("init", "api.yaml").err())
        .startsWith("threatlint: SPECs are only read with --baseline");
    assertThat(run("init", "--profile", "lenient").err())
        .startsWith("threatlint: unknown profile 'lenient'");
    assertThat(dir.resolve(".threatlint.yaml")).doesNotExist();
  }

  @Test
  void aSpecThatCannotBeReadRecordsNoBaseline() throws IOException {
    Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.3\npaths: [\n");
    CliRun run = run("init", "--baseline", "broken.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .contains("broken.yaml:")
        .endsWith(
            "threatlint: the baseline was not recorded (see above); .threatlint.yaml is written.\n");
    assertThat(dir.resolve("threatlint-baseline.json")).doesNotExist();
  }
}

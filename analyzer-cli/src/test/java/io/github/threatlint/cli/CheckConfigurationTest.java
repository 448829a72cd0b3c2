package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command line with configuration files, suppressions and baselines, run in-process on an
 * in-memory file system.
 */
class CheckConfigurationTest {
  /**
   * Three operations without authentication beside one that requires the scheme: each open
   * operation is its own finding of operation-security-missing (a document that requires its scheme
   * nowhere would be one finding for the document).
   */
  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: Accounts, version: '1'}
      paths:
        /health:
          get:
            responses: {'200': {description: ok}}
        /accounts:
          get:
            responses: {'200': {description: ok}}
          post:
            responses: {'201': {description: created}}
        /profile:
          get:
            security: [{oauth: []}]
            responses: {'200': {description: ok}}
      components:
        securitySchemes:
          oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://example.com/token', scopes: {}}}}
      """;

  private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
  private final Path repository = fs.getPath("/work/repository");

  @AfterEach
  void close() throws IOException {
    fs.close();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = repository.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /**
   * Runs the command line. A check runs operation-security-missing only: these tests are about
   * configuration, and one rule keeps their expected output exact while other rules evolve.
   */
  private CliRun run(Path workingDirectory, String... args) {
    if (args.length > 0 && args[0].equals("check")) {
      List<String> only = new ArrayList<>(List.of("check"));
      for (RuleDescriptor rule : BuiltInRules.all()) {
        if (!rule.id().equals("operation-security-missing")) {
          only.addAll(List.of("--disable", rule.id()));
        }
      }
      only.addAll(Arrays.asList(args).subList(1, args.length));
      args = only.toArray(String[]::new);
    }
    return CliRun.runIn(workingDirectory, args);
  }

  private CliRun run(String... args) {
    return run(repository, args);
  }

  // ---------------------------------------------------------------- configuration

  @Test
  void findsTheConfigurationAboveTheWorkingDirectoryAndAppliesLevelsAndOptions()
      throws IOException {
    write("specs/api.yaml", SPEC);
    write(
        ".threatlint.yaml",
        """
        rules:
          operation-security-missing:
            level: warning
            options:
              allowAnonymous: ["/health"]
        """);
    CliRun run = run(repository.resolve("specs"), "check", "api.yaml");
    assertThat(run.out())
        .isEqualTo(
            """
        api.yaml:8:5: warning [operation-security-missing] GET /accounts (read) requires no authentication: no 'security' \
        applies to it, although the document declares the security scheme 'oauth'. Require it on the operation, or for \
        every operation with a document-wide 'security'.
        api.yaml:10:5: warning [operation-security-missing] POST /accounts (write) requires no authentication: no 'security' \
        applies to it, although the document declares the security scheme 'oauth'. Require it on the operation, or for \
        every operation with a document-wide 'security'.
        2 findings (0 errors, 2 warnings, 0 notes) in 1 file.
        """);
    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(run(repository.resolve("specs"), "check", "--fail-on", "warning", "api.yaml").exit())
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void configGivesTheFileExplicitly() throws IOException {
    write("api.yaml", SPEC);
    write(".threatlint.yaml", "rules:\n  operation-security-missing: note\n");
    write("ci/strict.json", "{\"rules\": {\"operation-security-missing\": \"off\"}}");
    assertThat(run("check", "api.yaml").out()).contains("note [operation-security-missing]");
    CliRun explicit = run("check", "--config", "ci/strict.json", "api.yaml");
    assertThat(explicit.out()).isEqualTo("No findings in 1 file.\n");
    assertThat(explicit.exit()).isEqualTo(ExitCodes.CLEAN);
  }

  @Test
  void aConfigurationErrorIsOneLineWithFileAndPlaceAndExitCode2() throws IOException {
    write("api.yaml", SPEC);
    write(".threatlint.yaml", "extends: sfti\nrules:\n  operation-security-mising: off\n");
    CliRun run = run("check", "api.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            ".threatlint.yaml:3:3: error: unknown rule 'operation-security-mising' "
                + "(did you mean 'operation-security-missing'?); 'threatlint rules' lists the rule ids\n");
  }

  @Test
  void aMissingConfigFileIsAnError() throws IOException {
    write("api.yaml", SPEC);
    CliRun run = run("check", "--config", "nowhere.yaml", "api.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).isEqualTo("nowhere.yaml: error: no such configuration file\n");
  }

  @Test
  void unknownRulesOnTheCommandLineAreUsageErrors() throws IOException {
    write("api.yaml", SPEC);
    CliRun run = run("check", "--enable", "operation-security", "api.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .startsWith(
            "threatlint: unknown rule 'operation-security' in --enable; 'threatlint rules' lists the rule ids\n");
    assertThat(run("check", "--disable", "security-scheme-missing", "api.yaml").err())
        .startsWith(
            "threatlint: unknown rule 'security-scheme-missing' in --disable (did you mean 'security-schemes-missing'?)");
  }

  @Test
  void disableOnTheCommandLineWinsOverTheConfiguration() throws IOException {
    write("api.yaml", SPEC);
    write(".threatlint.yaml", "rules:\n  operation-security-missing: error\n");
    CliRun run = run("check", "--disable", "operation-security-missing", "api.yaml");
    assertThat(run.out()).isEqualTo("No findings in 1 file.\n");
    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
  }

  // ---------------------------------------------------------------- suppressions

  @Test
  void suppressedFindingsAreHiddenFromTextAndFailOnUnlessShown() throws IOException {
    write(
        "api.yaml",
        SPEC.replace(
            "  /health:\n    get:\n",
            "  /health:\n    get:\n      x-threatlint-ignore:\n"
                + "        operation-security-missing: Liveness probe for the load balancer.\n"));
    write(
        ".threatlint.yaml",
        """
        ignore:
          - file: api.yaml
            rule: operation-security-missing
            pointer: /paths/~1accounts/**
            reason: Behind the gateway's mTLS until v2.
        """);
    CliRun run = run("check", "api.yaml");
    assertThat(run.out()).isEqualTo("No findings in 1 file; 3 suppressed.\n");
    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    CliRun shown = run("check", "--show-suppressed", "api.yaml");
    assertThat(shown.out())
        .contains(
            "api.yaml:5:5: error [operation-security-missing] GET /health (read) requires no authentication",
            "(suppressed: Liveness probe for the load balancer.)\n",
            "(suppressed: Behind the gateway's mTLS until v2.)\n");
    assertThat(shown.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(run("check", "--format", "json", "api.yaml").out())
        .contains("\"kind\" : \"inSource\"", "\"kind\" : \"external\"", "\"suppressed\" : 3");
  }

  // ---------------------------------------------------------------- baselines

  @Test
  void aBaselineSurvivesReformattingWhileANewFindingStillFails() throws IOException {
    write("specs/api.yaml", SPEC);
    CliRun written = run("check", "--write-baseline", "threatlint-baseline.json", "specs/api.yaml");
    assertThat(written.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(written.err())
        .isEqualTo("threatlint: wrote 3 findings to the baseline threatlint-baseline.json.\n");
    assertThat(written.out()).isEqualTo("No findings in 1 file; 3 suppressed.\n");
    assertThat(Files.readString(repository.resolve("threatlint-baseline.json")))
        .contains("\"file\" : \"specs/api.yaml\"");

    // re-indented, with lines inserted above every finding
    String reformatted =
        """
        # Accounts API, reformatted
        openapi: 3.0.3
        info:
            title: Accounts
            version: '1'
            description: Inserted lines move every finding down.
        components:
            securitySchemes:
                oauth:
                    type: oauth2
                    flows: {clientCredentials: {tokenUrl: 'https://example.com/token', scopes: {}}}
        paths:
            /health:
                get:
                    summary: Liveness
                    responses: {'200': {description: ok}}
            /accounts:
                post:
                    responses: {'201': {description: created}}
                get:
                    responses: {'200': {description: ok}}
            /profile:
                get:
                    security: [{oauth: []}]
                    responses: {'200': {description: ok}}
        """;
    write("specs/api.yaml", reformatted);
    CliRun after = run("check", "--baseline", "threatlint-baseline.json", "specs/api.yaml");
    assertThat(after.out()).isEqualTo("No findings in 1 file; 3 suppressed.\n");
    assertThat(after.err()).isEmpty();
    assertThat(after.exit()).isEqualTo(ExitCodes.CLEAN);

    // a new unauthenticated operation fails the build; only it is listed
    write(
        "specs/api.yaml",
        reformatted.replace(
            "    /accounts:\n",
            "    /accounts:\n        delete:\n"
                + "            responses: {'204': {description: deleted}}\n"));
    CliRun withNew =
        run(
            repository.resolve("specs"),
            "check",
            "--baseline",
            "../threatlint-baseline.json",
            "api.yaml");
    assertThat(withNew.out())
        .isEqualTo(
            """
        api.yaml:18:9: error [operation-security-missing] DELETE /accounts (write) requires no authentication: no 'security' \
        applies to it, although the document declares the security scheme 'oauth'. Require it on the operation, or for \
        every operation with a document-wide 'security'.
        1 finding (1 error, 0 warnings, 0 notes) in 1 file; 3 suppressed.
        """);
    assertThat(withNew.exit()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void fixedEntriesAreReportedAndCanBePruned() throws IOException {
    write("api.yaml", SPEC);
    run("check", "--write-baseline", "baseline.json", "api.yaml");
    write(
        "api.yaml",
        SPEC.replace("  /health:\n    get:\n      responses: {'200': {description: ok}}\n", ""));
    CliRun run = run("check", "--baseline", "baseline.json", "api.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(run.err())
        .isEqualTo(
            """
        threatlint: 1 entry of the baseline baseline.json no longer matches a finding (fixed); remove it with --prune-baseline:
          fixed: operation-security-missing api.yaml#/paths/~1health/get
        """);
    CliRun pruned = run("check", "--baseline", "baseline.json", "--prune-baseline", "api.yaml");
    assertThat(pruned.err())
        .isEqualTo("threatlint: pruned 1 fixed entry from the baseline baseline.json; 2 remain.\n");
    assertThat(Files.readString(repository.resolve("baseline.json"))).doesNotContain("/health");
    assertThat(run("check", "--baseline", "baseline.json", "api.yaml").err()).isEmpty();
  }

  @Test
  void aBaselineIsNeitherWrittenNorPrunedWhenAFileFailed() throws IOException {
    write("api.yaml", SPEC);
    write("broken.yaml", "openapi: 3.0.3\npaths: [\n");
    CliRun written = run("check", "--write-baseline", "baseline.json", "api.yaml", "broken.yaml");
    assertThat(written.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(written.err())
        .endsWith(
            "threatlint: the baseline baseline.json is not written, since files or rules failed.\n");
    assertThat(Files.exists(repository.resolve("baseline.json"))).isFalse();
    run("check", "--write-baseline", "baseline.json", "api.yaml");
    String before = Files.readString(repository.resolve("baseline.json"));
    CliRun pruned = run("check", "--baseline", "baseline.json", "--prune-baseline", "broken.yaml");
    assertThat(pruned.err())
        .endsWith(
            "threatlint: the baseline baseline.json is not pruned, since files or rules failed.\n")
        .doesNotContain("fixed:");
    assertThat(Files.readString(repository.resolve("baseline.json"))).isEqualTo(before);
  }

  @Test
  void baselineOptionsAreChecked() throws IOException {
    write("api.yaml", SPEC);
    assertThat(run("check", "--prune-baseline", "api.yaml").err())
        .startsWith("threatlint: --prune-baseline needs --baseline FILE\n");
    CliRun missing = run("check", "--baseline", "none.json", "api.yaml");
    assertThat(missing.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(missing.err())
        .isEqualTo("none.json: error: cannot read the baseline: no such file\n");
  }
}

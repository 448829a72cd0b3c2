package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook (.pre-commit-hooks.yaml) run by the pre-commit tool itself, as a user's
 * repository runs it: {@code pre-commit try-repo <this repository> threatlint --files ...} in a git
 * repository made here, with this build's command line on PATH as {@code threatlint}. Skipped, with
 * a message, only where pre-commit is not installed ({@code .ci/run} installs Debian's).
 */
class PreCommitHookTest {
  private static final String NO_PRE_COMMIT =
      "pre-commit is not installed (Debian: apt-get install pre-commit), so the hook was not run";
  private static Path preCommit;

  @TempDir Path dir;
  private Path repository;
  private Path bin;

  record Run(int exit, String output) {}

  @BeforeAll
  static void findPreCommit() {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder.isEmpty() ? "." : folder, "pre-commit");
      if (!folder.isEmpty() && Files.isExecutable(candidate)) {
        preCommit = candidate;
        return;
      }
    }
    System.err.println("PreCommitHookTest: " + NO_PRE_COMMIT);
  }

  @BeforeEach
  void repository() throws Exception {
    Assumptions.assumeTrue(preCommit != null, NO_PRE_COMMIT);
    Assumptions.assumeTrue(
        Files.exists(GitHubActionTest.REPOSITORY.resolve(".git")),
        "this build is no git checkout, which pre-commit try-repo needs");
    bin = GitHubActionTest.commandLine(dir.resolve("bin")).getParent();
    repository = Files.createDirectories(dir.resolve("repository"));
    Files.createDirectories(repository.resolve("api"));
    // not an OpenAPI document: the hook skips it
    Files.writeString(repository.resolve("ci.yml"), "name: build\non: push\n");
    Files.writeString(repository.resolve("api/open.yaml"), GitHubActionTest.PUBLIC_OPERATION);
    Files.writeString(
        repository.resolve("api/secured.yaml"),
        """
        openapi: 3.0.3
        info: {title: Accounts, version: 1.0.0}
        servers: [{url: 'https://api.example.com/v1'}]
        security: [{oauth: [accounts:read]}]
        paths:
          /accounts:
            get:
              responses: {'200': {description: the accounts}}
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                clientCredentials:
                  tokenUrl: https://auth.example.com/token
                  scopes: {accounts:read: read the accounts}
        """);
    assertThat(command(repository, "git", "init", "-q").exit()).isZero();
    assertThat(command(repository, "git", "add", ".").exit()).isZero();
  }

  private Run command(Path directory, String... command) throws IOException, InterruptedException {
    ProcessBuilder process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    Map<String, String> environment = process.environment();
    environment.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    // pre-commit keeps its clones here, not in the user's cache; git needs a name for try-repo's
    // shadow commit
    environment.put("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString());
    environment.put("PRE_COMMIT_COLOR", "never");
    environment.put("GIT_AUTHOR_NAME", "threatlint test");
    environment.put("GIT_AUTHOR_EMAIL", "test@threatlint.invalid");
    environment.put("GIT_COMMITTER_NAME", "threatlint test");
    environment.put("GIT_COMMITTER_EMAIL", "test@threatlint.invalid");
    Path output = dir.resolve("output");
    process.redirectOutput(output.toFile());
    int exit = process.start().waitFor();
    return new Run(exit, Files.readString(output));
  }

  private Run hook(String... files) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                preCommit.toString(),
                "try-repo",
                GitHubActionTest.REPOSITORY.toString(),
                "threatlint",
                "--files"));
    command.addAll(List.of(files));
    return command(repository, command.toArray(String[]::new));
  }

  @Test
  void theHookFailsOnASpecWithErrorsAndNamesTheFinding() throws Exception {
    Run run = hook("ci.yml", "api/open.yaml", "api/secured.yaml");
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .containsPattern("threatlint \\(OpenAPI security\\)\\.+Failed")
        .contains("api/open.yaml:6:5: error [operation-security-missing]")
        .doesNotContain("ci.yml:");
  }

  @Test
  void theHookPassesOnASecuredSpecAndOnFilesThatAreNoSpec() throws Exception {
    Run secured = hook("ci.yml", "api/secured.yaml");
    assertThat(secured.exit()).as(secured.output()).isZero();
    assertThat(secured.output()).containsPattern("threatlint \\(OpenAPI security\\)\\.+Passed");
  }
}

package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkout under review may hold symbolic links that lead out of it: the configuration, the
 * baseline and the outputs obey the rule of references. Nothing outside is read (its text shows in
 * no error) or written.
 */
class SymbolicLinkConfinementTest {
  private static final String SECRET = "{\"token\": \"ghp_OutsideSecret\"}\n";

  @TempDir Path temp;
  private Path checkout;
  private Path secret;

  @BeforeEach
  void checkout() throws IOException {
    checkout = Files.createDirectories(temp.resolve("checkout"));
    Files.createDirectories(temp.resolve("outside"));
    secret = Files.writeString(temp.resolve("outside/secret.json"), SECRET);
    Files.writeString(
        checkout.resolve("api.yaml"),
        "openapi: 3.0.3\ninfo: {title: x, version: 1.0.0}\npaths:\n  /a:\n    get:\n"
            + "      responses: {'200': {description: ok}}\n");
  }

  @Test
  void aConfigurationFoundOrGivenThatLinksOutIsRefused() throws IOException {
    Files.createSymbolicLink(checkout.resolve(".threatlint.yaml"), secret);
    for (String[] args :
        new String[][] {{"check", "api.yaml"}, {"check", "-c", ".threatlint.yaml", "api.yaml"}}) {
      CliRun run = CliRun.runIn(checkout, args);
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().strip())
          .startsWith(".threatlint.yaml: error: is, or goes through, a symbolic link to ")
          .endsWith(", outside the root folder '.'; it was not read")
          .doesNotContain("ghp_")
          .doesNotContain("token");
    }
  }

  @Test
  void aBaselineThatLinksOutIsRefused() throws IOException {
    Files.createSymbolicLink(checkout.resolve("baseline.json"), secret);
    CliRun run = CliRun.runIn(checkout, "check", "--baseline", "baseline.json", "api.yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("baseline.json: error: is, or goes through, a symbolic link to ")
        .doesNotContain("ghp_");
  }

  @Test
  void aParseErrorNamesOnlyThePlace() throws IOException {
    Files.writeString(checkout.resolve("baseline.json"), "{\"version\": ghp_InsideSecret}\n");
    CliRun run = CliRun.runIn(checkout, "check", "--baseline", "baseline.json", "api.yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("baseline.json:1:13: error: ").doesNotContain("ghp_");
  }

  @Test
  void outputsReplaceALinkAndRefuseAFolderLinkThatLeaves() throws IOException {
    for (String name : new String[] {"out.txt", "out.sarif", "baseline.json", "report.html"}) {
      Files.createSymbolicLink(checkout.resolve(name), secret);
    }
    assertThat(
            CliRun.runIn(
                    checkout,
                    "check",
                    "--format",
                    "json",
                    "-o",
                    "out.txt",
                    "--format",
                    "sarif=out.sarif",
                    "--write-baseline",
                    "baseline.json",
                    "api.yaml")
                .exit())
        .isIn(0, 1);
    assertThat(CliRun.runIn(checkout, "report", "-o", "report.html", "api.yaml").exit()).isZero();
    assertThat(secret).hasContent(SECRET.strip());
    for (String name : new String[] {"out.txt", "out.sarif", "baseline.json", "report.html"}) {
      assertThat(Files.isSymbolicLink(checkout.resolve(name))).as(name).isFalse();
    }

    Files.createSymbolicLink(checkout.resolve("reports"), temp.resolve("outside"));
    CliRun refused = CliRun.runIn(checkout, "check", "-o", "reports/secret.json", "api.yaml");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("cannot write the text report to ")
        .contains("reports/secret.json: its folder reports is, or goes through, a symbolic link")
        .contains("nothing is written through a link that leaves it");
    assertThat(secret).hasContent(SECRET.strip());
  }
}

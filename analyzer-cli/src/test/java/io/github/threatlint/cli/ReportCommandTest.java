package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.threatmodel.ReportAudit;
import io.github.threatlint.core.threatmodel.ThreatCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code threatlint report} end to end with the built-in rules. Assertions rely only on the rule
 * security-schemes-missing (the open wealth spec declares no scheme: one finding for the document,
 * with the operations it leaves open), so rules added later do not break them.
 */
class ReportCommandTest {
  private static final ThreatCatalogue CATALOGUE = ThreatCatalogue.sfti();

  @TempDir Path dir;

  private Path spec(String name) throws IOException {
    return ReportSpecs.copy(dir.resolve("specs"), name);
  }

  /** The HTML of one scenario's article. */
  private static String article(String html, String slug) {
    Matcher matcher =
        Pattern.compile(
                "<article class=\"scenario ([a-z-]+)\" id=\"a1-"
                    + Pattern.quote(slug)
                    + "\">(.*?)</article>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(matcher.find()).as("article " + slug).isTrue();
    return matcher.group(0);
  }

  @Test
  void writesHtmlWhenTheOutputNamesIt() throws IOException {
    Path spec = spec(ReportSpecs.WEALTH_OPEN);
    Path report = dir.resolve("out/report.html");
    CliRun run = CliRun.run("report", spec.toString(), "--output", report.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Threat model: Wealth Customers</title>");
    for (ThreatCatalogue.Scenario scenario : CATALOGUE.scenarios()) {
      assertThat(article(html, scenario.slug()))
          .as(scenario.name())
          .containsPattern(
              "<span class=\"pill [a-z-]+\">(Findings|Notes only|Not evidenced|Mitigations evidenced|Not assessable from a spec)</span>");
    }
    String unauthorized = article(html, "unauthorized-access-to-data");
    assertThat(unauthorized)
        .startsWith("<article class=\"scenario findings\"")
        .contains("<code>security-schemes-missing</code>")
        .contains(
            "<a class=\"mono\" href=\"../specs/wealth-open.yaml#L1\">"
                + spec
                + ":1:1</a> The API has 3 operations but declares no security scheme, so 3 operations "
                + "(GET /customers, POST /customers, GET /customers/{customerId})");
    assertThat(article(html, "social-engineering"))
        .startsWith("<article class=\"scenario not-assessable\"");
    assertThat(html).contains("<strong>Customer credentials</strong>", "<code>sfti</code>");
  }

  @Test
  void writesMarkdownToStandardOutputByDefault() throws IOException {
    Path spec = spec(ReportSpecs.WEALTH_OPEN);
    CliRun run = CliRun.run("report", spec.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String markdown = run.out();
    assertThat(markdown).startsWith("# Threat model: Wealth Customers 1.0.0\n");
    for (ThreatCatalogue.Scenario scenario : CATALOGUE.scenarios()) {
      assertThat(markdown)
          .as(scenario.name())
          .containsPattern(
              "\n#### "
                  + Pattern.quote(scenario.name().replace("_", "\\_"))
                  + "\n\n\\*\\*\\S+ (Findings|Notes only|Not evidenced|Mitigations evidenced|Not assessable from a spec)\\*\\* · ");
    }
    assertThat(markdown)
        .containsPattern(
            "  - \\[[^\\]]*wealth-open\\.yaml:1:1\\]\\([^)]*wealth-open\\.yaml#L1\\) "
                + "The API has 3 operations but declares no security scheme");
    // the mitigations the rules recorded in the same pass reach the report through the one entry
    // point
    assertThat(markdown).contains("Servers are reached over TLS (https): shown at 1 place");
  }

  @Test
  void theConfigurationAndRuleOptionsOfCheckApply() throws IOException {
    Path spec = spec(ReportSpecs.WEALTH_OPEN);
    Path config =
        Files.writeString(
            dir.resolve("threatlint.yaml"), "rules:\n  security-schemes-missing: off\n");
    CliRun configured = CliRun.run("report", "--config", config.toString(), spec.toString());
    assertThat(configured.exit()).as(configured.err()).isZero();
    assertThat(configured.out())
        .startsWith("# Threat model: Wealth Customers 1.0.0\n")
        .doesNotContain("declares no security scheme");
    CliRun disabled =
        CliRun.run("report", "--disable", "security-schemes-missing", spec.toString());
    assertThat(disabled.out()).doesNotContain("declares no security scheme");
    CliRun unknown =
        CliRun.run("report", "--disable", "operation-security-mising", spec.toString());
    assertThat(unknown.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(unknown.err())
        .startsWith("threatlint: unknown rule 'operation-security-mising' in --disable");
  }

  @Test
  void formatOptionWinsOverTheFileName() throws IOException {
    Path report = dir.resolve("report.html");
    CliRun run =
        CliRun.run(
            "report",
            "--format",
            "markdown",
            "-o",
            report.toString(),
            spec(ReportSpecs.PAYMENTS_GUARDED).toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(report)).startsWith("# Threat model: Guarded Payments 2.1.0\n");
  }

  @Test
  void oneReportCoversSeveralSpecifications() throws IOException {
    Path report = dir.resolve("both.md");
    CliRun run =
        CliRun.run(
            "report",
            spec(ReportSpecs.WEALTH_OPEN).toString(),
            spec(ReportSpecs.CARDS_LEGACY).toString(),
            "-o",
            report.toString(),
            "--profile",
            "strict");
    assertThat(run.exit()).as(run.err()).isZero();
    String markdown = Files.readString(report);
    assertThat(markdown)
        .contains(
            "# Threat model: Wealth Customers 1.0.0",
            "# Threat model: Legacy Cards 0.9",
            "profile `strict`",
            "(#a2-account-hijacking)");
  }

  @Test
  void theAuditTrailNamesTimeToolRulesConfigurationFilesTitleAndOwner() throws Exception {
    Path spec = spec(ReportSpecs.WEALTH_OPEN);
    Path config =
        Files.writeString(
            dir.resolve("threatlint.yaml"), "rules:\n  operation-security-missing: off\n");
    CliRun run =
        CliRun.runIn(
            Path.of(""),
            java.util.Map.of(ReportAudit.SOURCE_DATE_EPOCH, "1764892800"),
            "report",
            "--title",
            "Wealth threat model Q4",
            "--owner",
            "API security team",
            "--config",
            config.toString(),
            spec.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(spec)));
    assertThat(run.out())
        .contains("| Title | Wealth threat model Q4 |")
        .contains("| Owner | API security team |")
        .contains("| Generated | 2025-12-05T00:00:00Z (UTC) |")
        .containsPattern("\\| Tool \\| threatlint \\S+, profile `sfti`, \\d+ rules enabled \\|")
        .contains("| Configuration | `" + config + "` |")
        .contains("| Analysed file | `" + spec + "` SHA-256 `" + sha256 + "` |");

    CliRun broken =
        CliRun.runIn(
            Path.of(""),
            java.util.Map.of(ReportAudit.SOURCE_DATE_EPOCH, "yesterday"),
            "report",
            spec.toString());
    assertThat(broken.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(broken.err())
        .isEqualTo(
            "threatlint: SOURCE_DATE_EPOCH must be seconds since 1970-01-01, not 'yesterday'\n");
  }

  @Test
  void aSpecificationNamedOutsideTheWorkingDirectoryReadsTheFragmentsOfItsFolder()
      throws IOException {
    Path fragment = dir.resolve("specs/schemas/Money.yaml");
    Files.createDirectories(fragment.getParent());
    Files.writeString(fragment, "Money: {type: string, maxLength: 12}\n");
    Path spec =
        Files.writeString(
            dir.resolve("specs/api.yaml"),
            "openapi: 3.0.3\n"
                + "info: {title: t, version: '1'}\n"
                + "paths: {}\n"
                + "components: {schemas: {Money: {$ref: './schemas/Money.yaml#/Money'}}}\n");

    CliRun run = CliRun.run("report", spec.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("| Analysed file | `" + fragment + "` SHA-256 ");
  }

  @Test
  void unknownFormatOrProfileIsAUsageError() throws IOException {
    String spec = spec(ReportSpecs.WEALTH_OPEN).toString();
    CliRun format = CliRun.run("report", "--format", "pdf", spec);
    assertThat(format.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(format.err()).contains("--format takes html or markdown, not 'pdf'");
    CliRun profile = CliRun.run("report", "--profile", "paranoid", spec);
    assertThat(profile.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(profile.err()).contains("unknown profile 'paranoid'");
  }

  @Test
  void aMissingSpecificationIsAnInputError() {
    Path report = dir.resolve("report.html");
    CliRun run =
        CliRun.run("report", dir.resolve("nowhere.yaml").toString(), "-o", report.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).contains("nowhere.yaml").contains("no specification could be analysed");
    assertThat(report).doesNotExist();
  }

  @Test
  void reportIsListedInTheHelp() {
    CliRun run = CliRun.run("--help");
    assertThat(run.out()).contains("report");
    CliRun help = CliRun.run("report", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--format", "--output", "--profile", "threat-model report");
  }
}

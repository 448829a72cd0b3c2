package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.Version;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.report.SarifValidation;
import io.github.threatlint.core.threatmodel.ReportAudit;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples under {@code sample-specs/} are the end-to-end tests of the whole product: each is
 * analysed by the command line, in-process, with the repository root as working directory (so the
 * reports name the files as a user at the root sees them), and its text, JSON and SARIF reports
 * must equal the golden files in {@code sample-specs/<sample>/expected/}, and so must its
 * threat-model report in Markdown and HTML ({@code .report.md}, {@code .report.html}).
 *
 * <p>A sample is a folder of {@code sample-specs/} with one root document at its top (fragments of
 * a multi-file sample live in subfolders). Samples run under the {@code strict} profile, so that
 * every rule can fire; a sample whose folder name contains {@code hardened} runs under {@code
 * sfti}, the profile it is written to pass. The README shows the Wealth sample under the default
 * profile.
 *
 * <p>Normalized before the comparison: the tool version (JSON and SARIF), the absolute {@code
 * %SRCROOT%} of SARIF (written as {@code file:///SRCROOT/}), and the rule documentation inside
 * SARIF ({@code fullDescription} and {@code help} of {@code tool.driver.rules}), which {@code
 * docs/rules} and {@link SarifGoldenTest} pin already and which would otherwise make every golden
 * change with every edit of a rule page.
 *
 * <p>After an intended change, rewrite the goldens and the README's sample output with {@code
 * -Dthreatlint.updateGolden=true} and review the diff.
 */
class SampleGoldenTest {
  static final Path ROOT = repositoryRoot();
  static final Path SAMPLES = ROOT.resolve("sample-specs");
  static final Path README = ROOT.resolve("README.md");
  static final String README_SAMPLE = "sample-specs/wealth/wealth-api.yaml";
  static final String SOURCE_ROOT_PLACEHOLDER = "file:///SRCROOT/";
  static final String VERSION_PLACEHOLDER = "VERSION";
  static final boolean UPDATE = Boolean.getBoolean("threatlint.updateGolden");
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One sample: its folder, its root document (relative to the repository root) and its profile.
   */
  record Sample(String name, String spec, String profile) {
    boolean hardened() {
      return name.contains("hardened");
    }

    Path golden(String extension) {
      String file = Path.of(spec).getFileName().toString();
      return SAMPLES
          .resolve(name)
          .resolve("expected")
          .resolve(file.substring(0, file.lastIndexOf('.')) + "." + extension);
    }

    @Override
    public String toString() {
      return spec + " (" + profile + ")";
    }
  }

  private static final Map<String, String> OUTPUTS = new ConcurrentHashMap<>();

  static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> folders = Files.list(SAMPLES)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        List<Path> roots = rootDocuments(folder);
        assertThat(roots)
            .as("%s must hold exactly one root document at its top", ROOT.relativize(folder))
            .hasSize(1);
        String name = folder.getFileName().toString();
        samples.add(
            new Sample(
                name,
                ROOT.relativize(roots.get(0)).toString().replace('\\', '/'),
                name.contains("hardened") ? "sfti" : "strict"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return samples;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theTextReportIsTheGoldenOne(Sample sample) throws IOException {
    compare(sample.golden("txt"), run(sample, "text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theJsonReportIsTheGoldenOne(Sample sample) throws IOException {
    ObjectNode report = (ObjectNode) JSON.readTree(run(sample, "json"));
    assertThat(report.path("errors")).as("tool errors on %s", sample.spec()).isEmpty();
    ((ObjectNode) report.path("tool")).put("version", VERSION_PLACEHOLDER);
    compare(sample.golden("json"), pretty(report));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theSarifReportIsTheGoldenOne(Sample sample) throws IOException {
    String sarif = run(sample, "sarif");
    SarifValidation.assertValid(sarif);
    JsonNode document = JSON.readTree(sarif);
    ObjectNode run = (ObjectNode) document.path("runs").get(0);
    ObjectNode driver = (ObjectNode) run.path("tool").path("driver");
    driver.put("version", VERSION_PLACEHOLDER);
    if (driver.has("semanticVersion")) {
      driver.put("semanticVersion", VERSION_PLACEHOLDER);
    }
    for (JsonNode rule : driver.path("rules")) {
      ((ObjectNode) rule).remove(List.of("fullDescription", "help"));
    }
    ObjectNode sourceRoot = (ObjectNode) run.path("originalUriBaseIds").path("%SRCROOT%");
    assertThat(sourceRoot.path("uri").asText()).isEqualTo(rootUri());
    sourceRoot.put("uri", SOURCE_ROOT_PLACEHOLDER);
    compare(sample.golden("sarif"), pretty(document));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theMarkdownThreatReportIsTheGoldenOne(Sample sample) throws IOException {
    compare(sample.golden("report.md"), report(sample, "markdown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theHtmlThreatReportIsTheGoldenOne(Sample sample) throws IOException {
    compare(sample.golden("report.html"), report(sample, "html"));
  }

  @Test
  void everyRuleFiresOnSomeSample() throws IOException {
    Set<String> fired = new TreeSet<>();
    for (Sample sample : samples()) {
      if (sample.hardened()) {
        continue; // it shows the fixes, not the problems
      }
      for (JsonNode finding : JSON.readTree(run(sample, "json")).path("findings")) {
        fired.add(finding.path("ruleId").asText());
      }
    }
    Set<String> silent = new TreeSet<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      if (!fired.contains(rule.id())) {
        silent.add(rule.id());
      }
    }
    assertThat(silent)
        .as(
            "rules that fire on no sample (under the strict profile): add a realistic case to a sample")
        .isEmpty();
  }

  @Test
  void theHardenedSampleHasNoFindingAtWarningOrAboveUnderSfti() {
    List<Sample> hardened = samples().stream().filter(Sample::hardened).toList();
    assertThat(hardened).isNotEmpty();
    for (Sample sample : hardened) {
      CliRun run =
          check("--profile", "sfti", "--fail-on", "warning", "--quiet", absolute(sample.spec()));
      assertThat(run.out()).as("findings at warning or above on %s", sample.spec()).isEmpty();
      assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    }
  }

  /**
   * The README's first command analyses the Wealth sample; what it prints (default profile) is
   * shown in the README between the {@code sample-output} markers and must be what a user sees.
   */
  @Test
  void theReadmeShowsWhatItsFirstCommandPrints() throws IOException {
    CliRun run = check(absolute(README_SAMPLE));
    assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    String shown = "$ ./threatlint check " + README_SAMPLE + "\n" + run.out();
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher block = readmeSampleBlock(readme);
    if (UPDATE) {
      readme = readme.substring(0, block.start(2)) + shown + readme.substring(block.end(2));
      Files.writeString(README, readme, StandardCharsets.UTF_8);
    } else {
      assertThat(block.group(2))
          .as(
              "README.md's sample output differs from what '%s' prints; if intended, rerun with -Dthreatlint.updateGolden=true",
              "./threatlint check " + README_SAMPLE)
          .isEqualTo(shown);
    }
  }

  /**
   * The README's sample-output block: group 2 is the command line ("$ ./threatlint ...") and what
   * it prints.
   */
  static Matcher readmeSampleBlock(String readme) {
    Matcher block =
        Pattern.compile(
                "(<!-- sample-output:start -->\n```\n)(.*?)(```\n<!-- sample-output:end -->)",
                Pattern.DOTALL)
            .matcher(readme);
    assertThat(block.find()).as("README.md has no sample-output block").isTrue();
    return block;
  }

  /** The command line's output for a sample in a format, run once per sample and format. */
  private static String run(Sample sample, String format) {
    return OUTPUTS.computeIfAbsent(
        sample.name() + " " + format,
        key -> {
          CliRun run =
              check(
                  "--profile",
                  sample.profile(),
                  "--fail-on",
                  "none",
                  "--format",
                  format,
                  absolute(sample.spec()));
          assertThat(run.err()).as("stderr of %s", sample.spec()).isEmpty();
          assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
          return run.out();
        });
  }

  /**
   * The threat-model report of a sample, written to standard output (links relative to the
   * repository root), generated at the epoch ({@code SOURCE_DATE_EPOCH=0}), with the tool version
   * replaced by {@value #VERSION_PLACEHOLDER}.
   */
  private static String report(Sample sample, String format) {
    CliRun run =
        CliRun.runIn(
            ROOT,
            Map.of("NO_COLOR", "1", ReportAudit.SOURCE_DATE_EPOCH, "0"),
            "report",
            "--profile",
            sample.profile(),
            "--format",
            format,
            absolute(sample.spec()));
    assertThat(run.err()).as("stderr of %s", sample.spec()).isEmpty();
    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    return run.out().replace(Version.get(), VERSION_PLACEHOLDER);
  }

  /**
   * A file of the repository as an absolute path: reports still name it relative to the working
   * directory, and the test does not depend on how the command resolves relative arguments.
   */
  private static String absolute(String file) {
    return ROOT.resolve(file).toString();
  }

  /**
   * {@code threatlint check ARGS} in-process, with the repository root as working directory and no
   * colour.
   */
  static CliRun check(String... args) {
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    return CliRun.runIn(ROOT, all.toArray(String[]::new));
  }

  private static void compare(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(golden))
        .as("%s is missing; create it with -Dthreatlint.updateGolden=true", ROOT.relativize(golden))
        .isTrue();
    assertThat(actual)
        .as(
            "%s differs from the output; if the change is intended, rerun with -Dthreatlint.updateGolden=true",
            ROOT.relativize(golden))
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String pretty(JsonNode node) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
  }

  private static String rootUri() {
    String uri = ROOT.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /**
   * The files directly in the folder that are OpenAPI or Swagger documents (a top-level openapi or
   * swagger key).
   */
  private static List<Path> rootDocuments(Path folder) throws IOException {
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.matches(".*\\.(ya?ml|json)")) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (Pattern.compile(
                "^(openapi|swagger):|^\\s*\"(openapi|swagger)\"\\s*:", Pattern.MULTILINE)
            .matcher(text)
            .find()) {
          roots.add(file);
        }
      }
    }
    return roots;
  }

  /**
   * The folder above the module that holds {@code sample-specs/} (tests run in the module's
   * folder).
   */
  private static Path repositoryRoot() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isDirectory(folder.resolve("sample-specs"))
          && Files.exists(folder.resolve("pom.xml"))) {
        return folder;
      }
    }
    throw new IllegalStateException("no sample-specs folder above " + Path.of("").toAbsolutePath());
  }
}

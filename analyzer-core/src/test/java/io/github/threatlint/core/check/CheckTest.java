package io.github.threatlint.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one entry point, with a rule of its own: what front ends and an editor rely on. */
class CheckTest {
  private static final List<RuleDescriptor> CATALOG = List.of(new RuleDescriptor(Flagged.class));

  /** Reports every object with an {@code x-flag}, its value as the message. */
  @RuleInfo(
      id = "test-flagged",
      title = "Flagged node",
      description = "Reports objects carrying x-flag.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 5.0,
      section = "doc")
  public static final class Flagged implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      JsonNode flag = node.node().get("x-flag");
      if (flag != null) {
        context.report(node, flag.asText());
      }
    }
  }

  @TempDir Path project;

  @Test
  void findingsSettleInInputOrderAsTheWholeResultHasThem() throws Exception {
    write("shared.yaml", "type: object\nx-flag: shared fragment\n");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      files.add(
          write(
              "api-" + (char) ('a' + i) + ".yaml",
              spec("api " + i) + "components:\n  schemas:\n    Shared: {$ref: 'shared.yaml'}\n"));
    }
    List<String> settledFiles = Collections.synchronizedList(new ArrayList<>());
    List<Finding> settledFindings = Collections.synchronizedList(new ArrayList<>());
    List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
    CheckListener listener =
        new CheckListener() {
          @Override
          public void analysed(int done, int total, String displayPath) {
            progress.add(done);
            assertThat(total).isEqualTo(12);
          }

          @Override
          public void settled(
              int index, String displayPath, List<Finding> findings, List<ToolError> errors) {
            settledFiles.add(displayPath);
            settledFindings.addAll(findings);
          }
        };

    CheckResult check =
        Check.run(CheckRequest.builder(project, CATALOG).files(files).threads(4).build(), listener);

    assertThat(settledFiles).containsExactlyElementsOf(check.result().files());
    // file by file in input order: the shared fragment's finding comes with the first document that
    // reaches it
    assertThat(settledFindings).containsExactlyInAnyOrderElementsOf(check.result().findings());
    assertThat(settledFindings.subList(0, 2))
        .extracting(Finding::message)
        .containsExactly("api 0", "shared fragment");
    assertThat(settledFindings.subList(2, 13))
        .containsExactlyElementsOf(check.result().findings().subList(1, 12));
    assertThat(progress).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    // the shared fragment is reported once, in the words of the first document
    assertThat(check.result().findings())
        .filteredOn(f -> f.file().equals("shared.yaml"))
        .hasSize(1);
  }

  @Test
  void theFindingsOfFilesInOrderOrNotAreSortedByFile() throws Exception {
    Path a = write("a.yaml", spec("a"));
    Path b = write("b.yaml", spec("b"));
    Path c = write("c.yaml", spec("c"));

    for (List<Path> files : List.of(List.of(a, b, c), List.of(c, a, b), List.of(b, c, a))) {
      CheckResult check =
          Check.run(CheckRequest.builder(project, CATALOG).files(files).threads(2).build());

      assertThat(check.result().findings())
          .extracting(Finding::message)
          .as("files %s", files)
          .containsExactly("a", "b", "c");
    }
  }

  @Test
  void anOverlayStandsForUnsavedTextOfRootDocumentsAndReferencedFilesAlike() throws Exception {
    Path api =
        write(
            "api.yaml", spec("saved") + "components:\n  schemas:\n    Part: {$ref: 'part.yaml'}\n");
    write("part.yaml", "type: object\n");

    CheckResult check =
        Check.run(
            CheckRequest.builder(project, CATALOG)
                .files(List.of(api))
                .overlay(
                    api,
                    spec("unsaved") + "components:\n  schemas:\n    Part: {$ref: 'part.yaml'}\n")
                .overlay(project.resolve("part.yaml"), "type: object\nx-flag: unsaved part\n")
                .build());

    assertThat(messages(check)).containsExactly("unsaved", "unsaved part");
  }

  @Test
  void theResultNamesTheFilesEachDocumentsReferencesRead() throws Exception {
    Path api =
        write(
            "api.yaml",
            spec("a")
                + "components:\n  schemas:\n    Part: {$ref: 'part.yaml'}\n"
                + "    Gone: {$ref: 'gone.yaml'}\n");
    write("part.yaml", "type: object\n");
    Path other = write("other.yaml", spec("b"));

    CheckResult check =
        Check.run(CheckRequest.builder(project, CATALOG).files(List.of(api, other)).build());

    // a missing file is named too: creating it changes the result
    assertThat(check.referencedFiles().get("api.yaml"))
        .contains(project.resolve("part.yaml"), project.resolve("gone.yaml"));
    assertThat(check.referencedFiles().getOrDefault("other.yaml", java.util.Set.of())).isEmpty();
  }

  @Test
  void repeatedRunsInOneProcessGiveTheSameResult() throws Exception {
    Path api = write("api.yaml", spec("again"));
    CheckRequest request = CheckRequest.builder(project, CATALOG).files(List.of(api)).build();

    assertThat(Check.run(request).result()).isEqualTo(Check.run(request).result());
  }

  @Test
  void theConfigurationFoundUpwardIgnoresAndTheBaselineMarks() throws Exception {
    Path api =
        write(
            "specs/api.yaml",
            spec("kept") + "paths:\n  /a:\n    x-flag: ignored\n  /b:\n    x-flag: baselined\n");
    write(
        ".threatlint.yaml",
        "ignore:\n  - file: specs/api.yaml\n    rule: test-flagged\n    pointer: /paths/~1a\n"
            + "    reason: Checked by hand.\n");
    Path baseline = project.resolve("baseline.json");
    CheckResult first =
        Check.run(
            CheckRequest.builder(project.resolve("specs"), CATALOG).files(List.of(api)).build());
    io.github.threatlint.core.config.Baseline.of(
            first.result().findings().stream()
                .filter(f -> f.message().equals("baselined"))
                .toList(),
            baseline,
            "baseline.json",
            project.resolve("specs"))
        .write(baseline, project);

    CheckResult check =
        Check.run(
            CheckRequest.builder(project.resolve("specs"), CATALOG)
                .files(List.of(api))
                .baseline(baseline)
                .build());

    assertThat(check.configuration().displayPath())
        .isEqualTo(project.resolve(".threatlint.yaml").toString());
    assertThat(check.result().findings())
        .extracting(f -> f.message() + " " + (f.isSuppressed() ? f.suppression().reason() : "-"))
        .containsExactly(
            "kept -",
            "ignored Checked by hand.",
            "baselined in the baseline " + baseline.toString());
    assertThat(check.beforeBaseline().findings()).filteredOn(Finding::isSuppressed).hasSize(1);
    assertThat(check.baselineMatch().fixed()).isEmpty();
  }

  @Test
  void standardInputIsOneInputUnderItsName() throws Exception {
    CheckResult check =
        Check.run(
            CheckRequest.builder(project, CATALOG)
                .stdin(
                    new ByteArrayInputStream(spec("piped").getBytes(StandardCharsets.UTF_8)),
                    "<stdin>")
                .build());

    assertThat(check.result().files()).containsExactly("<stdin>");
    assertThat(messages(check)).containsExactly("piped");
  }

  @Test
  void aWrongSettingSaysWhich() throws IOException {
    Path api = write("api.yaml", spec("x"));
    assertThatThrownBy(
            () ->
                Check.run(
                    CheckRequest.builder(project, CATALOG)
                        .files(List.of(api))
                        .configFile(project.resolve("missing.yaml"), "missing.yaml")
                        .build()))
        .isInstanceOfSatisfying(
            CheckException.class,
            e -> assertThat(e.setting()).isEqualTo(CheckException.Setting.CONFIGURATION_FILE))
        .hasMessage("missing.yaml: error: no such configuration file");
    assertThatThrownBy(
            () ->
                Check.run(
                    CheckRequest.builder(project, CATALOG)
                        .files(List.of(api))
                        .enable(List.of("test-flaged"))
                        .build()))
        .isInstanceOfSatisfying(
            CheckException.class,
            e -> assertThat(e.setting()).isEqualTo(CheckException.Setting.ENABLE))
        .hasMessageStartingWith("unknown rule 'test-flaged' (did you mean 'test-flagged'?)");
    assertThatThrownBy(
            () ->
                Check.run(
                    CheckRequest.builder(project, CATALOG)
                        .files(List.of(api))
                        .root(project.resolve("none"))
                        .build()))
        .isInstanceOfSatisfying(
            CheckException.class,
            e -> assertThat(e.setting()).isEqualTo(CheckException.Setting.ROOT));
  }

  private static List<String> messages(CheckResult check) {
    return check.result().findings().stream().map(Finding::message).toList();
  }

  private static String spec(String flag) {
    return "openapi: 3.0.3\ninfo: {title: t, version: '1', x-flag: " + flag + "}\n";
  }

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}

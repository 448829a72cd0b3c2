package io.github.threatlint.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.engine.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which configuration a check finds and which rules, at which levels, it runs: the request, then
 * the configuration.
 */
class CheckSelectionTest {
  /** Warning in every profile. */
  @RuleInfo(
      id = "test-always",
      title = "Always",
      description = "Reports every document.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class Always implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {
      context.report(document.root(), "always");
    }
  }

  /** Off in recommended, error in sfti and strict. */
  @RuleInfo(
      id = "test-sfti",
      title = "SFTI",
      description = "Reports every document.",
      level = Level.OFF,
      sftiLevel = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class Sfti implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {
      context.report(document.root(), "sfti");
    }
  }

  private static final List<RuleDescriptor> CATALOG =
      List.of(new RuleDescriptor(Always.class), new RuleDescriptor(Sfti.class));

  @TempDir Path project;

  @Test
  void withoutConfigurationTheFallbackProfileChooses() throws Exception {
    Path api = write("api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n");

    assertThat(levels(Check.run(request(api).build()))).containsExactly("test-always warning");
    CheckResult sfti = Check.run(request(api).fallbackProfile(Profile.SFTI).build());
    assertThat(sfti.profile()).isEqualTo(Profile.SFTI);
    assertThat(levels(sfti)).containsExactly("test-always warning", "test-sfti error");
  }

  @Test
  void theConfigurationFoundUpwardFromTheSearchFolderExtendsAProfileAndSetsLevels()
      throws Exception {
    Path api = write("specs/v1/api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n");
    write(".threatlint.yaml", "extends: sfti\nrules:\n  test-always: note\n");

    CheckResult check =
        Check.run(request(api).configSearchFrom(project.resolve("specs/v1")).build());

    assertThat(check.configuration().displayPath()).isEqualTo(".threatlint.yaml");
    assertThat(check.profile()).isEqualTo(Profile.SFTI);
    assertThat(levels(check)).containsExactly("test-always note", "test-sfti error");
  }

  @Test
  void theRequestWinsOverTheConfigurationAndDisableOverEverything() throws Exception {
    Path api = write("api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n");
    write(".threatlint.yaml", "extends: sfti\n");
    write("ci/strict.yaml", "rules:\n  test-sfti: off\n");

    CheckResult recommended = Check.run(request(api).profile(Profile.RECOMMENDED).build());
    assertThat(levels(recommended)).containsExactly("test-always warning");

    CheckResult given =
        Check.run(
            request(api)
                .configFile(project.resolve("ci/strict.yaml"), "ci/strict.yaml")
                .enable(List.of("test-sfti"))
                .disable(List.of("test-always"))
                .build());
    assertThat(given.configuration().displayPath()).isEqualTo("ci/strict.yaml");
    // the configuration given replaces the one found; enable switches its rule back on at its
    // strict level
    assertThat(given.profile()).isEqualTo(Profile.RECOMMENDED);
    assertThat(levels(given)).containsExactly("test-sfti error");
  }

  private CheckRequest.Builder request(Path api) {
    return CheckRequest.builder(project, CATALOG).files(List.of(api));
  }

  /** "rule level" of each finding, which is one per rule that ran. */
  private static List<String> levels(CheckResult check) {
    return check.result().findings().stream()
        .map(f -> f.ruleId() + " " + f.level().label())
        .sorted()
        .toList();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}

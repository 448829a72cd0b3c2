package io.github.threatlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Maven fills the parameters, from the plugin descriptor's defaults and from a POM. */
@MojoTest
class CheckMojoParametersTest {

  @Test
  @InjectMojo(goal = "check", pom = "src/test/resources/unit/defaults/pom.xml")
  void defaults(CheckMojo mojo) {
    // real Maven leaves specs null when it is not configured; the harness gives an empty one: both
    // mean the defaults
    assertThat(mojo.specs == null ? SpecFileSet.DEFAULT_INCLUDES : mojo.specs.effectiveIncludes())
        .isEqualTo(SpecFileSet.DEFAULT_INCLUDES);
    assertThat(mojo.root).isEqualTo(mojo.projectDirectory);
    assertThat(mojo.outputDirectory.getPath()).endsWith(File.separator + "threatlint");
    assertThat(mojo.profile).isNull();
    assertThat(mojo.formats).containsExactly("text", "sarif");
    assertThat(mojo.failOn).isEqualTo("error");
    assertThat(mojo.failOnViolation).isTrue();
    assertThat(mojo.skip).isFalse();
    assertThat(mojo.configLocation).isNull();
    assertThat(mojo.baseline).isNull();
    assertThat(mojo.enable).isEmpty();
    assertThat(mojo.disable).isEmpty();
    assertThat(mojo.sarifCategory).isNull();
  }

  @Test
  @InjectMojo(goal = "check", pom = "src/test/resources/unit/configured/pom.xml")
  void configuredInThePom(CheckMojo mojo) {
    assertThat(mojo.specs.getDirectory().getName()).isEqualTo("api");
    assertThat(mojo.specs.getIncludes()).containsExactly("**/*.yaml");
    assertThat(mojo.specs.getExcludes()).containsExactly("examples/**");
    assertThat(mojo.profile).isEqualTo("strict");
    assertThat(mojo.formats).containsExactly("json");
    assertThat(mojo.failOn).isEqualTo("warning");
    assertThat(mojo.failOnViolation).isFalse();
    assertThat(mojo.configLocation.getName()).isEqualTo("threatlint.yaml");
    assertThat(mojo.baseline.getName()).isEqualTo("threatlint-baseline.json");
    assertThat(mojo.skip).isTrue();
  }

  @Test
  @InjectMojo(goal = "check", pom = "src/test/resources/unit/defaults/pom.xml")
  @MojoParameter(name = "specs", value = "api/openapi.yaml,api/admin/*.json")
  @MojoParameter(name = "formats", value = "text,json")
  void commaSeparatedValuesAsFromTheCommandLine(CheckMojo mojo) {
    assertThat(mojo.specs.getIncludes()).containsExactly("api/openapi.yaml", "api/admin/*.json");
    assertThat(mojo.specs.getDirectory()).isNull();
    assertThat(mojo.formats).containsExactly("text", "json");
  }

  @TempDir Path project;

  @Test
  @InjectMojo(goal = "check", pom = "src/test/resources/unit/defaults/pom.xml")
  void findingsFailTheBuildAndBrokenParametersStopIt(CheckMojo mojo) throws Exception {
    Files.createDirectories(project.resolve("src/main/openapi"));
    Files.writeString(
        project.resolve("src/main/openapi/museum.yaml"),
        """
        openapi: 3.0.3
        info: {title: Museum tickets, version: 1.0.0}
        paths:
          /visits:
            post:
              responses:
                "201": {description: Booked}
        """);
    mojo.projectDirectory = project.toFile();
    mojo.executionRootDirectory = project.toFile();
    mojo.root = project.toFile();
    mojo.outputDirectory = project.resolve("target/threatlint").toFile();

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "threatlint found 1 security problem at level error in src/main/openapi/museum.yaml (listed above "
                + "with its file:line:col, and in target/threatlint/threatlint.txt). Fix it as the message says, or accept "
                + "findings for now in a baseline file (parameter baseline; see the threatlint README).");

    mojo.failOnViolation = false;
    mojo.execute();

    mojo.failOn = "fatal";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "threatlint: failOn (threatlint.failOn) takes error, warning, note or none, not 'fatal'");

    mojo.skip = true;
    mojo.execute();
  }
}

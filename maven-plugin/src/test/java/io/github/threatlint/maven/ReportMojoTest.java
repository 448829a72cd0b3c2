package io.github.threatlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report goal on a project written for the test: the threat-model report through the same check
 * as the check goal.
 */
class ReportMojoTest {
  @TempDir Path project;

  private final ReportMojo mojo = new ReportMojo();

  @Test
  void writesTheThreatModelReportInBothFormatsWithTheSftiProfile() throws Exception {
    write(
        "src/main/openapi/ferry.yaml",
        """
        openapi: 3.0.3
        info: {title: Ferry tickets, version: 1.0.0}
        paths:
          /tickets:
            get:
              responses:
                "200": {description: Tickets}
        """);
    mojo.reportFormats = List.of("html", "markdown");

    List<Path> written = mojo.write(parameters());

    assertThat(written)
        .containsExactly(
            project.resolve("target/threatlint/threatlint-report.html"),
            project.resolve("target/threatlint/threatlint-report.md"));
    assertThat(Files.readString(written.get(0)))
        .startsWith("<!DOCTYPE html>")
        .contains("Ferry tickets");
    assertThat(Files.readString(written.get(1))).contains("Ferry tickets", "profile `sfti`");
  }

  @Test
  void theReportShowsTheMitigationsTheRulesRecordedInTheOnePass() throws Exception {
    write(
        "src/main/openapi/ferry.yaml",
        """
        openapi: 3.0.3
        info: {title: Ferry tickets, version: 1.0.0}
        servers:
          - url: https://ferry.example/v1
        paths:
          /tickets:
            get:
              responses:
                "200": {description: Tickets}
        """);
    mojo.reportFormats = List.of("markdown");

    List<Path> written = mojo.write(parameters());

    // transport-not-https records the https server as evidence; the report shows it, it does not
    // judge the spec itself
    assertThat(Files.readString(written.get(0)))
        .contains("Servers are reached over TLS (https): shown at 1 place");
  }

  @Test
  void anUnknownFormatIsNamed() throws IOException {
    write(
        "src/main/openapi/ferry.yaml",
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    mojo.reportFormats = List.of("pdf");

    assertThatThrownBy(() -> mojo.write(parameters()))
        .hasMessage("reportFormats (threatlint.reportFormats) takes html and markdown, not 'pdf'");
  }

  private CheckParameters parameters() {
    return new CheckParameters(
        project,
        project,
        new SpecFileSet(),
        project,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        project.resolve("target/threatlint"),
        "none",
        false,
        null,
        null);
  }

  private void write(String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}

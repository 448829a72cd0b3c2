package io.github.threatlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.check.SpecFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFileSetTest {
  @TempDir Path project;

  @Test
  void defaultIncludesFindSpecificationsAndLeaveFragmentsOut() throws IOException {
    write(
        "src/main/openapi/orders.yaml",
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    write(
        "src/main/openapi/schemas/order.yaml", "type: object\nproperties:\n  id: {type: string}\n");
    write("src/main/openapi/legacy/orders.json", "{\n  \"swagger\": \"2.0\"\n}\n");
    write("src/main/resources/static/openapi.yml", "# comment first\n\"openapi\": 3.1.0\n");
    write("src/main/resources/static/swagger-ui.css", "body {}\n");
    write("src/main/resources/application.yaml", "openapi: not at all\n");
    write("docs/openapi.yaml", "openapi: 3.0.0\n");

    SpecFinder.Scan scan = new SpecFileSet().scan(project);

    assertThat(relative(scan.documents()))
        .containsExactly(
            "src/main/openapi/legacy/orders.json",
            "src/main/openapi/orders.yaml",
            "src/main/resources/static/openapi.yml");
    assertThat(relative(scan.fragments())).containsExactly("src/main/openapi/schemas/order.yaml");
  }

  @Test
  void includesExcludesAndDirectory() throws IOException {
    write("api/public/catalog.yaml", "openapi: 3.0.3\n");
    write("api/internal/admin.yaml", "openapi: 3.0.3\n");
    SpecFileSet specs = new SpecFileSet();
    specs.setDirectory(project.resolve("api").toFile());
    specs.setIncludes(List.of("**/*.yaml"));
    specs.setExcludes(List.of("internal/**"));

    assertThat(relative(specs.scan(Path.of("/elsewhere")).documents()))
        .containsExactly("api/public/catalog.yaml");
  }

  @Test
  void aFileNamedWithoutWildcardsIsAlwaysChecked() throws IOException {
    write("api/fragment.yaml", "type: string\n");
    SpecFileSet specs = new SpecFileSet();
    specs.set(" api/fragment.yaml , api/missing.yaml,");

    assertThat(specs.getIncludes()).containsExactly("api/fragment.yaml", "api/missing.yaml");
    assertThat(relative(specs.scan(project).documents()))
        .containsExactly("api/fragment.yaml", "api/missing.yaml");
  }

  @Test
  void missingFoldersMatchNothing() throws IOException {
    SpecFinder.Scan scan = new SpecFileSet().scan(project);
    assertThat(scan.documents()).isEmpty();
    assertThat(scan.fragments()).isEmpty();
  }

  private void write(String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> relative(List<Path> files) {
    return files.stream()
        .map(file -> project.relativize(file).toString().replace('\\', '/'))
        .toList();
  }
}

package io.github.threatlint.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one search for root documents, as the command line and the Maven plugin use it. */
class SpecFinderTest {
  @TempDir Path project;

  private SpecFinder finder;

  @BeforeEach
  void writeProject() throws IOException {
    write("specs/orders.yaml", "openapi: 3.0.3\n");
    write("specs/v2/orders.json", "{\"info\": {}, \"swagger\": \"2.0\"}");
    write("specs/v2/nested.json", "{\"info\": {\"openapi\": \"3.0.0\"}}");
    write("specs/schemas/order.yaml", "type: object\n");
    write("specs/quoted.yml", "# first a comment\n\"openapi\": 3.1.0\n");
    write("specs/README.md", "openapi: 3.0.3\n");
    write("specs/.hidden/secret.yaml", "openapi: 3.0.3\n");
    write("specs/node_modules/pkg/api.yaml", "openapi: 3.0.3\n");
    finder = new SpecFinder(project, 1 << 20);
  }

  @Test
  void foldersAndGlobsStandForTheRootDocumentsTheyReach() throws Exception {
    assertThat(relative(finder.find(List.of("specs"))))
        .containsExactly("specs/orders.yaml", "specs/quoted.yml", "specs/v2/orders.json");
    assertThat(relative(finder.find(List.of("specs/**/*.{json,yml}"))))
        .containsExactly("specs/quoted.yml", "specs/v2/orders.json");
    assertThat(
            relative(
                finder.find(
                    List.of("specs/*.yaml", "specs/orders.yaml", "specs/schemas/order.yaml"))))
        .as("each once, in argument order; a file named is taken as named")
        .containsExactly("specs/orders.yaml", "specs/schemas/order.yaml");
    assertThatThrownBy(() -> finder.find(List.of("specs/schemas")))
        .hasMessageStartingWith("no OpenAPI or Swagger document");
    assertThatThrownBy(() -> finder.find(List.of("specs/**/*.txt")))
        .hasMessage("no OpenAPI or Swagger document matches specs/**/*.txt");
  }

  @Test
  void includesAndExcludesSplitDocumentsFromFragments() throws Exception {
    SpecFinder.Scan scan =
        finder.scan(project, List.of("specs/", "./missing.yaml"), List.of("specs/v2/**"));

    assertThat(relative(scan.documents()))
        .containsExactly("missing.yaml", "specs/orders.yaml", "specs/quoted.yml");
    assertThat(relative(scan.fragments())).containsExactly("specs/schemas/order.yaml");
  }

  @Test
  void filesThatLookLikeDocumentsButCannotBeReadAreTakenSoTheAnalysisReportsThem()
      throws Exception {
    write("odd/flow.yaml", "{openapi: 3.0.3, info: {title: x}}\n");
    write("odd/explicit.yaml", "? openapi\n: 3.0.3\n");
    write("odd/broken.json", "{\"info\": {,}, \"openapi\": \"3.0.3\"}");
    write("odd/commented.json", "// generated\n{\"openapi\": \"3.0.3\"}");
    write("odd/large.yaml", "openapi: 3.0.3\nx: " + "a".repeat(1 << 20) + "\n");
    Files.write(project.resolve("odd/latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});
    Files.write(project.resolve("odd/nul.json"), new byte[] {0, '{', '}'});
    write("odd/mentions.yaml", "description: an openapi fragment\n");
    write("odd/template.yaml", "a: {{ .Values.x }}\n");

    assertThat(relative(finder.find(List.of("odd"))))
        .containsExactly(
            "odd/broken.json",
            "odd/commented.json",
            "odd/explicit.yaml",
            "odd/flow.yaml",
            "odd/large.yaml",
            "odd/latin1.yaml",
            "odd/nul.json");
  }

  @Test
  void aFileIsReadWholeUnlessItsHeadHasARootKey() throws Exception {
    // a comment longer than the head, ending the head inside a two-byte character
    write("late/commented.yaml", "# x" + "\u00e9".repeat(5000) + "\nopenapi: 3.0.3\n");
    write("late/fragment.yaml", "info:\n  openapi: 3.0.3\n" + "x: y\n".repeat(3000));
    byte[] text = ("openapi: 3.0.3\nx: " + "a".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    byte[] invalid = Arrays.copyOf(text, text.length + 1);
    invalid[text.length] = (byte) 0xE9;
    Files.write(project.resolve("late/invalid.yaml"), invalid);

    assertThat(relative(finder.find(List.of("late"))))
        .as(
            "not UTF-8 past the head: taken, as a file found unreadable is, for the analysis to report")
        .containsExactly("late/commented.yaml", "late/invalid.yaml");
    assertThat(finder.isRootDocument(project.resolve("late/invalid.yaml"))).isFalse();
    assertThat(finder.isRootDocument(project.resolve("late/commented.yaml"))).isTrue();
  }

  @Test
  void theSearchStartsBelowTheLiteralPrefix() {
    assertThat(SpecFinder.literalPrefix("src/main/resources/**/openapi*.yaml"))
        .isEqualTo("src/main/resources/");
    assertThat(SpecFinder.literalPrefix("src/{main,test}/api.yaml")).isEqualTo("src/");
    assertThat(SpecFinder.literalPrefix("*.yaml")).isEmpty();
  }

  private void write(String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> relative(List<Path> files) {
    return files.stream()
        .map(file -> project.relativize(file.toAbsolutePath()).toString().replace('\\', '/'))
        .toList();
  }
}

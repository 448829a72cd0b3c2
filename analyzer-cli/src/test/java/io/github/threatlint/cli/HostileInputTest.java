package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile inputs: each gives findings or one clear line on stderr with exit code 2,
 * within bounded time, never a stack trace.
 */
class HostileInputTest {
  @TempDir static Path dir;

  static Stream<Arguments> inputs() {
    String nested = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    StringBuilder laughs =
        new StringBuilder(
            "openapi: 3.0.0\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      laughs
          .append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + previous)))
          .append("]\n");
    }
    return Stream.of(
        Arguments.of("empty.yaml", bytes(""), "the file is empty"),
        Arguments.of("garbage.bin.yaml", new byte[] {0, 1, 2, (byte) 0xFF, 0, 7}, "binary content"),
        Arguments.of(
            "utf32.yaml",
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'a', 0, 0, 0},
            ":1:1: error: UTF-32"),
        Arguments.of(
            "late-nul.yaml",
            bytes("openapi: 3.0.0\n" + "# padding\n".repeat(1000) + "x: a\u0000\n"),
            ":1002:5: error: invalid YAML: the control character U+0000"),
        Arguments.of(
            "long-line.yaml",
            bytes("openapi: 3.0.0\ninfo: {title: x, version: '1'}\nx: [" + "a".repeat(16 << 20)),
            "invalid YAML"),
        Arguments.of(
            "latin1.yaml", new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'}, "not valid UTF-8"),
        Arguments.of(
            "truncated.json", bytes("{\"openapi\": \"3.0.0\", \"paths\": {"), "invalid JSON"),
        Arguments.of(
            "truncated.yaml",
            bytes("openapi: 3.0.0\npaths:\n  /a:\n    get: {responses: [\n"),
            "invalid YAML"),
        Arguments.of("laughs.yaml", bytes(laughs.toString()), "alias"),
        Arguments.of("nested.json", bytes(nested), "exceeds a parser limit"),
        Arguments.of(
            "nested.yaml", bytes("a:\n" + "[".repeat(10_000) + "]".repeat(10_000)), "YAML"),
        Arguments.of(
            "version.yaml",
            bytes("openapi: 4.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n"),
            "unsupported OpenAPI version '4.0.0'"),
        Arguments.of("array.json", bytes("[{\"openapi\": \"3.0.0\"}]"), "is an array"),
        Arguments.of("scalar.yaml", bytes("just a sentence\n"), "a single value"),
        Arguments.of("tabs.yaml", bytes("openapi: 3.0.0\ninfo:\n\ttitle: x\n"), "invalid YAML"),
        Arguments.of(
            "recursive-anchor.yaml", bytes("openapi: 3.0.0\nx: &r\n  y: *r\n"), "recursive anchor"),
        Arguments.of(
            "java-tag.yaml",
            bytes(
                "openapi: 3.0.0\nx: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n"),
            "invalid YAML"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void givesOneClearLineAndExitTwo(String name, byte[] content, String expected)
      throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> CliRun.run("check", file.toString()));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith(file.toString())
        .contains(": error: ")
        .contains(expected);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aFolderScanReportsTheFilesItCannotReadInsteadOfDroppingThem() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("scan"));
    Files.writeString(
        folder.resolve("flow.yaml"), "{openapi: 3.0.3, info: {title: x, version: '1'}, paths: {}}");
    Files.writeString(folder.resolve("broken.json"), "{\"info\": {,}, \"openapi\": \"3.0.3\"}");
    Files.write(folder.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    CliRun run = CliRun.run("check", folder.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip().lines())
        .hasSize(2)
        .anyMatch(
            line -> line.startsWith(folder.resolve("broken.json") + ":1:11: error: invalid JSON"))
        .anyMatch(
            line -> line.startsWith(folder.resolve("latin1.yaml") + ": error: not valid UTF-8"));
    assertThat(run.out()).contains("flow.yaml:1:18: note [info-contact-missing]");
    CliRun named = CliRun.run("check", folder.resolve("flow.yaml").toString());
    assertThat(named.exit()).as(named.err()).isIn(0, 1);
    assertThat(named.err()).isEmpty();
  }

  @Test
  void utf16WithByteOrderMarkIsRead() throws IOException {
    Path file = dir.resolve("utf16.yaml");
    byte[] text =
        "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n"
            .getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(text, 0, withBom, 2, text.length);
    Files.write(file, withBom);
    CliRun run = CliRun.run("check", file.toString());
    assertThat(run.exit()).isIn(0, 1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void devicesAndFifosAreNotRead() throws Exception {
    Path fifo = dir.resolve("fifo.yaml");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    Path spec = dir.resolve("refers-to-fifo.yaml");
    Files.writeString(
        spec,
        "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a: {$ref: 'fifo.yaml'}\n");
    for (String input : new String[] {fifo.toString(), "/dev/zero"}) {
      CliRun run =
          assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.run("check", input));
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().strip())
          .isEqualTo(
              input
                  + ": error: is not a regular file (a device, FIFO or socket); only regular files are read");
    }
    CliRun viaRef =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> CliRun.runIn(dir, "check", spec.toString()));
    assertThat(viaRef.out()).contains("[ref-unresolved]").contains("not a regular file");
  }

  @Test
  void limitsAndOptionsOutOfRangeAreUsageErrors() throws IOException {
    Path file = dir.resolve("small.yaml");
    Files.writeString(file, "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n");
    CliRun huge = CliRun.run("check", "--max-file-size", "8g", file.toString());
    assertThat(huge.exit()).isEqualTo(2);
    assertThat(huge.err()).contains("--max-file-size takes at most 1g");
    CliRun noJobs = CliRun.run("check", "-j", "0", file.toString());
    assertThat(noJobs.exit()).isEqualTo(2);
    assertThat(noJobs.err()).contains("--jobs takes a positive number");
    CliRun folder = CliRun.run("check", "-c", dir.toString(), file.toString());
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err()).contains("is a directory, not a configuration file");
    Path config = dir.resolve("big-config.yaml");
    Files.writeString(config, "# " + "x".repeat(5 * 1024 * 1024) + "\n");
    CliRun bigConfig = CliRun.run("check", "-c", config.toString(), file.toString());
    assertThat(bigConfig.exit()).isEqualTo(2);
    assertThat(bigConfig.err())
        .contains("more than the limit of")
        .doesNotContain("--max-file-size");
  }

  @Test
  void directoryIsAnError() {
    CliRun run = CliRun.run("check", "--jobs", "1", dir.resolve("nothing-here").toString());
    assertThat(run.exit()).isEqualTo(2);
  }

  @Test
  void sizeLimitIsClearAndAdjustable() throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.writeString(
        file,
        "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n# " + "x".repeat(3000) + "\n");
    CliRun refused = CliRun.run("check", "--max-file-size", "1k", file.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("more than the limit of 1024").contains("--max-file-size");
    assertThat(CliRun.run("check", "--max-file-size", "1m", file.toString()).exit()).isZero();
  }

  @Test
  void recursiveSchemasAndSelfReferencesTerminate() throws IOException {
    Path file = dir.resolve("recursive.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "openapi: 3.1.0",
            "info: {title: x, version: '1'}",
            "paths:",
            "  /v1/nodes:",
            "    get:",
            "      security: [{oauth: [read]}]",
            "      responses:",
            "        '200':",
            "          description: ok",
            "          content:",
            "            application/json:",
            "              schema: {$ref: '#/components/schemas/Node'}",
            "components:",
            "  securitySchemes:",
            "    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://a.example/t', scopes: {read: r}}}}",
            "  schemas:",
            "    Node:",
            "      type: object",
            "      properties:",
            "        children: {type: array, items: {$ref: '#/components/schemas/Node'}}",
            "        other: {$ref: '#/components/schemas/Other'}",
            "    Other: {$ref: '#/components/schemas/Loop'}",
            "    Loop: {$ref: '#/components/schemas/Other'}",
            "    Self: {$ref: '#/components/schemas/Self'}",
            ""));
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> CliRun.run("check", "--profile", "strict", file.toString()));
    assertThat(run.exit()).isIn(0, 1);
    assertThat(run.err()).isEmpty();
  }

  /**
   * 9^4 aliased copies of a schema with nine unbounded strings: one finding per string of the text,
   * not 59,049.
   */
  @Test
  void aliasesDoNotMultiplyFindings() throws IOException {
    StringBuilder spec =
        new StringBuilder(
            "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n");
    spec.append("    S0: &s0\n      type: object\n      properties:\n");
    for (int p = 1; p <= 9; p++) {
      spec.append("        p").append(p).append(": {type: string}\n");
    }
    for (int level = 1; level <= 4; level++) {
      spec.append("    S")
          .append(level)
          .append(": &s")
          .append(level)
          .append("\n      allOf: [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*s" + (level - 1))))
          .append("]\n");
    }
    Path file = dir.resolve("aliases.yaml");
    Files.writeString(file, spec);
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                CliRun.run(
                    "check",
                    "--profile",
                    "strict",
                    "--enable",
                    "string-max-length",
                    file.toString()));
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines().filter(line -> line.contains("[string-max-length]")).count())
        .isEqualTo(9);
  }

  @Test
  void aFileOverTheTimeLimitIsAnErrorAndTheOthersStillReport() throws IOException {
    StringBuilder spec =
        new StringBuilder("openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n");
    // enough paths that reading and checking them outlasts 2 s by far on a loaded machine (30,000
    // did only while operation-security-missing searched a list of all of them per operation)
    for (int i = 0; i < 100_000; i++) {
      spec.append("  /v1/r")
          .append(i)
          .append(":\n    get:\n      responses: {'200': {description: ok}}\n");
    }
    Path slow = dir.resolve("slow.yaml");
    Files.writeString(slow, spec);
    Path quick = dir.resolve("quick.yaml");
    Files.writeString(
        quick,
        "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /v1/a:\n    get:\n"
            + "      responses: {'200': {description: ok}}\n"
            + "components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\n");
    CliRun.run(
        "check", quick.toString()); // warms the parsers up: a cold first file can take a second
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                CliRun.run(
                    "check",
                    "--time-limit",
                    "2",
                    "--jobs",
                    "1",
                    slow.toString(),
                    quick.toString()));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            slow
                + ": error: the analysis took longer than the time limit of 2 s per file, "
                + "and was stopped (raise it with --time-limit)");
    assertThat(run.out())
        .contains("quick.yaml:5:5: error [operation-security-missing]")
        .doesNotContain("slow.yaml:");

    // the configuration's timeLimit, and the report command, which runs the same check
    Path config = dir.resolve("time-limit.yaml");
    Files.writeString(config, "timeLimit: 2\n");
    CliRun report =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                CliRun.run(
                    "report",
                    "-c",
                    config.toString(),
                    "--format",
                    "markdown",
                    slow.toString(),
                    quick.toString()));
    assertThat(report.exit()).isEqualTo(2);
    assertThat(report.err())
        .contains(slow + ": error: the analysis took longer than the time limit of 2 s per file");
    assertThat(report.out()).contains("quick.yaml");
  }

  @Test
  void tenThousandPaths() throws IOException {
    // one operation requires the scheme, so each of the 10,000 open ones is its own finding
    StringBuilder spec =
        new StringBuilder(
            "openapi: 3.0.0\ninfo: {title: x, version: '1'}\n"
                + "components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\n"
                + "paths:\n  /v1/secured:\n    get:\n      security: [{key: []}]\n"
                + "      responses: {'200': {description: ok}}\n");
    for (int i = 0; i < 10_000; i++) {
      spec.append("  /v1/r")
          .append(i)
          .append(":\n    get:\n      responses: {'200': {description: ok}}\n");
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, spec);
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> CliRun.run("check", "--quiet", file.toString()));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(
            run.out().lines().filter(line -> line.contains("[operation-security-missing]")).count())
        .isEqualTo(10_000);
  }
}

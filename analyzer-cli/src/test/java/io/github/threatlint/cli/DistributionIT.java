package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archives that {@code mvn package} made (run in the integration-test phase):
 * unpacked as a user unpacks them, {@code bin/threatlint check} prints what the README shows,
 * {@code java -jar} runs the jar, and the zip holds the same files as the tar.gz.
 */
class DistributionIT {
  /** target/threatlint-VERSION, without the extension: set by the POM. */
  private static final String ARCHIVE = System.getProperty("threatlint.distribution");

  @TempDir static Path unpacked;

  private static Path home;

  @BeforeAll
  static void untar() throws Exception {
    // set by the POM for the integration-test phase only; -Dtest=DistributionIT also selects it in
    // the test phase
    assumeTrue(
        ARCHIVE != null,
        "the archives are made in the package phase; this test runs in integration-test");
    Run tar = run(unpacked, List.of("tar", "-xzf", ARCHIVE + ".tar.gz"));
    assertThat(tar.exit()).as(tar.err()).isZero();
    home = unpacked.resolve(Path.of(ARCHIVE).getFileName());
  }

  record Run(int exit, String out, String err) {}

  private static Run run(Path directory, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("FORCE_COLOR");
    // bin/threatlint keeps its class-data archive there, not in the home folder of whoever builds
    builder.environment().put("XDG_CACHE_HOME", unpacked.resolve("cache").toString());
    Path out = Files.createTempFile(unpacked, "out", ".txt");
    Path err = Files.createTempFile(unpacked, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command + " finishes").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void theArchiveHoldsTheLaunchersTheJarTheLicenceAndAReadme() throws IOException {
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/threatlint")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(home.resolve("lib/threatlint.jar")).isRegularFile();
    assertThat(home.resolve("LICENSE")).isRegularFile();
    assertThat(Files.readString(home.resolve("README.md")))
        .contains("java -jar lib/threatlint.jar check")
        .doesNotContain("${project.version}");
    String bat = Files.readString(home.resolve("bin/threatlint.bat"));
    assertThat(bat).contains("-jar \"%THREATLINT_HOME%\\lib\\threatlint.jar\" %*\r\n");
    assertThat(bat.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void binThreatlintCheckPrintsWhatTheReadmeShows() throws Exception {
    String readme = Files.readString(SampleGoldenTest.README, StandardCharsets.UTF_8);
    String block = SampleGoldenTest.readmeSampleBlock(readme).group(2);
    String command = block.substring(0, block.indexOf('\n'));
    assertThat(command).startsWith("$ ./threatlint check ");
    List<String> args = new ArrayList<>(List.of(home.resolve("bin/threatlint").toString()));
    args.addAll(List.of(command.substring("$ ./threatlint ".length()).split(" ")));
    Run check = run(SampleGoldenTest.ROOT, args);
    assertThat(check.err()).isEmpty();
    assertThat(check.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(check.out()).isEqualTo(block.substring(command.length() + 1));
  }

  @Test
  void binThreatlintWorksThroughASymbolicLink() throws Exception {
    Path link =
        Files.createSymbolicLink(
            unpacked.resolve("threatlint-link"), home.resolve("bin/threatlint"));
    Run version = run(unpacked, List.of(link.toString(), "--version"));
    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("threatlint ");
  }

  @Test
  void binThreatlintKeepsAClassDataArchiveInTheCacheFolderAndUsesIt() throws Exception {
    Path bin = home.resolve("bin/threatlint");
    Run first = run(unpacked, List.of(bin.toString(), "--version"));
    assertThat(first.err()).isEmpty();
    assertThat(first.exit()).isZero();
    try (var files = Files.list(unpacked.resolve("cache/threatlint"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .anyMatch(name -> name.endsWith(".jsa"))
          .noneMatch(name -> name.startsWith("training."));
    }
    // -Xshare:on makes a JVM that cannot map the archive fail instead of going without it
    List<String> command =
        List.of("env", "THREATLINT_JAVA_OPTS=-Xshare:on", bin.toString(), "--version");
    Run second = run(unpacked, command);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).startsWith("threatlint ");
  }

  @Test
  void picocliIsInTheClassDataArchiveVerifiedSoThatNoStartVerifiesItAgain() throws Exception {
    // the build upgrades picocli's Java 5 class files (ClassFileUpgrade): JDK 17 archives class
    // files of Java 5 unverified and verifies them at every start
    try (InputStream in = Files.newInputStream(home.resolve("lib/threatlint.jar"));
        ZipInputStream jar = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
        if (entry.getName().equals("picocli/CommandLine.class")) {
          byte[] header = jar.readNBytes(8);
          assertThat((header[6] << 8) | header[7]).as("class file version").isEqualTo(52);
        }
      }
    }
    Path bin = home.resolve("bin/threatlint");
    Run first = run(unpacked, List.of(bin.toString(), "--version"));
    assertThat(first.exit()).as(first.err()).isZero();
    Path log = unpacked.resolve("class-init.log");
    String options = "THREATLINT_JAVA_OPTS=-Xshare:on -Xlog:class+init=info:file=" + log;
    // a check, as the archive's training runs (--version also loads classes that no check does,
    // from the jar, and those are verified in any case)
    String sample = home.resolve("lib/training/wealth-api.yaml").toString();
    List<String> check = List.of(bin.toString(), "check", "--fail-on", "none", sample);
    List<String> command = new ArrayList<>(List.of("env", options));
    command.addAll(check);
    Run second = run(unpacked, command);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(Files.readString(log))
        .contains("Initializing 'picocli/CommandLine'")
        .doesNotContain("Start class verification for: picocli.");
  }

  @Test
  void javaDashJarRunsTheJar() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Run explain =
        run(
            home,
            List.of(java, "-jar", "lib/threatlint.jar", "explain", "operation-security-missing"));
    assertThat(explain.exit()).as(explain.err()).isZero();
    assertThat(explain.out())
        .contains("# Operation without authentication (`operation-security-missing`)");
  }

  @Test
  void theZipHoldsTheSameFilesAsTheTarball() throws Exception {
    TreeSet<String> zipped = new TreeSet<>();
    try (InputStream in = Files.newInputStream(Path.of(ARCHIVE + ".zip"));
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory()) {
          zipped.add(entry.getName());
        }
      }
    }
    Run list = run(unpacked, List.of("tar", "-tzf", ARCHIVE + ".tar.gz"));
    TreeSet<String> tarred =
        new TreeSet<>(list.out().lines().filter(name -> !name.endsWith("/")).toList());
    String base = Path.of(ARCHIVE).getFileName() + "/";
    assertThat(zipped)
        .isEqualTo(tarred)
        .containsExactly(
            base + "LICENSE",
            base + "README.md",
            base + "bin/threatlint",
            base + "bin/threatlint.bat",
            base + "lib/threatlint.jar",
            base + "lib/training/client-onboarding-api.yaml",
            base + "lib/training/corporate-events-api.yaml",
            base + "lib/training/payment-initiation-api.json",
            base + "lib/training/wealth-api.yaml");
  }
}

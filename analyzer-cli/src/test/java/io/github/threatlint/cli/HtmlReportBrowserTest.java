package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium renders it to a screenshot and prints it to
 * PDF, offline (the report must need nothing from the network). Skipped, with a message, only where
 * no Chromium is installed ({@code .ci/run} installs Debian's). The pictures are kept under {@code
 * target/browser-check/} for a person to look at.
 */
class HtmlReportBrowserTest {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2000;
  private static final Path KEPT = Path.of("target", "browser-check");
  private static final String NO_CHROMIUM =
      "Chromium is not installed (Debian: apt-get install chromium), so the HTML report was not checked in a browser";
  private static Path chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() {
    String override = System.getenv("THREATLINT_CHROMIUM");
    List<String> names =
        override == null
            ? List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
            : List.of(override);
    for (String name : names) {
      Path direct = Path.of(name);
      if (direct.isAbsolute() && Files.isExecutable(direct)) {
        chromium = direct;
        return;
      }
      for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (!folder.isEmpty() && Files.isExecutable(candidate)) {
          chromium = candidate;
          return;
        }
      }
    }
    // each test skips with the message, so that the skip and its reason show in the build's test
    // counts
    System.err.println("HtmlReportBrowserTest: " + NO_CHROMIUM);
  }

  @BeforeEach
  void requireChromium() {
    Assumptions.assumeTrue(chromium != null, NO_CHROMIUM);
  }

  private Path report() throws IOException {
    Path spec = ReportSpecs.copy(dir.resolve("specs"), ReportSpecs.WEALTH_OPEN);
    Path report = dir.resolve("report.html");
    CliRun run = CliRun.run("report", spec.toString(), "-o", report.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    return report;
  }

  private void chromium(String... arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + command);
    }
    assertThat(process.exitValue())
        .as("Chromium exit code; log: " + Files.readString(dir.resolve("chromium.log")))
        .isZero();
  }

  @Test
  void rendersWithItsStylesAndCharts() throws Exception {
    Path report = report();
    Path screenshot = dir.resolve("report.png");
    chromium(
        "--hide-scrollbars",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--screenshot=" + screenshot,
        report.toUri().toString());
    keep(screenshot);

    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image).as("a PNG screenshot").isNotNull();
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    int inked = 0;
    int findingsRed = 0;
    int notEvidencedAmber = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r + g + b < 600) {
          inked++;
        }
        if (near(r, g, b, 0xb4, 0x23, 0x18)) {
          findingsRed++;
        }
        if (near(r, g, b, 0xb5, 0x47, 0x08)) {
          notEvidencedAmber++;
        }
      }
    }
    int sampled = (WIDTH / 2) * (HEIGHT / 2);
    // text, tables and the status bar: a page, not a blank or an error screen
    assertThat(inked).as("non-white pixels").isGreaterThan(sampled / 50);
    // the inline CSS and SVG took effect: the status bar and the pills carry the status colours
    assertThat(findingsRed).as("pixels in the colour of findings").isGreaterThan(300);
    // (the open spec's https server is on a reserved example domain, which server-non-production
    // reports: it shows hardly any mitigation in full, but many scenarios without evidence)
    assertThat(notEvidencedAmber)
        .as("pixels in the colour of scenarios without evidence")
        .isGreaterThan(300);
  }

  @Test
  void printsToPdf() throws Exception {
    Path report = report();
    Path pdf = dir.resolve("report.pdf");
    chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, report.toUri().toString());
    keep(pdf);
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    Matcher pages =
        Pattern.compile("/Type\\s*/Page[^s]")
            .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    int count = 0;
    while (pages.find()) {
      count++;
    }
    assertThat(count).as("printed pages").isGreaterThan(3);
  }

  /**
   * At a desktop and a phone width, the page lays out as it should: the architecture picture of
   * that width is shown, its boxes inside the viewport, none of its texts overflowing, every
   * in-page link (the picture's finding marks included) has its target, the page is no wider than
   * the screen. A script (test resource {@code browser/report-check.js}) measures in the report
   * framed at that width and posts what it found to the frame page, which Chromium dumps.
   */
  @Test
  void laysOutAtDesktopAndPhoneWidths() throws Exception {
    Path report = report();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    String script;
    try (var in = HtmlReportBrowserTest.class.getResourceAsStream("/browser/report-check.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        dir.resolve("checked.html"),
        html.replace("</body>", "<script>" + script + "</script></body>"));
    for (int width : new int[] {WIDTH, 375}) {
      Path frame = dir.resolve("frame-" + width + ".html");
      Files.writeString(
          frame,
          "<!DOCTYPE html><html><body style=\"margin:0\"><pre id=\"result\"></pre>"
              + "<iframe src=\"checked.html\" width=\""
              + width
              + "\" height=\"900\" style=\"border:0\"></iframe><script>window.addEventListener('message',"
              + " function (e) { document.getElementById('result').textContent = e.data; });</script></body></html>");
      chromium(
          "--window-size=" + (width + 100) + ",1000",
          "--virtual-time-budget=10000",
          "--dump-dom",
          frame.toUri().toString());
      String dump = Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8);
      Matcher result = Pattern.compile("<pre id=\"result\">(.*?)</pre>").matcher(dump);
      assertThat(result.find()).as("the check's result at %d px; log: %s", width, dump).isTrue();
      var json =
          new ObjectMapper()
              .readTree(
                  result
                      .group(1)
                      .replace("&gt;", ">")
                      .replace("&lt;", "<")
                      .replace("&amp;", "&")
                      .replace("&quot;", "\""));
      assertThat(json.path("viewport").asInt()).isEqualTo(width);
      assertThat(json.path("shown").toString())
          .as("the picture for %d px", width)
          .isEqualTo(width == WIDTH ? "[\"wide\"]" : "[\"narrow\"]");
      assertThat(json.path("boxes").asInt()).as("boxes of the picture").isGreaterThanOrEqualTo(4);
      assertThat(json.path("texts").asInt()).as("texts of the picture").isGreaterThan(10);
      assertThat(json.path("marks").asInt()).as("finding marks in the picture").isPositive();
      assertThat(json.path("links").asInt()).as("in-page links").isGreaterThan(20);
      assertThat(json.path("problems")).as("problems at %d px", width).isEmpty();
    }
  }

  private static boolean near(int r, int g, int b, int er, int eg, int eb) {
    return Math.abs(r - er) < 24 && Math.abs(g - eg) < 24 && Math.abs(b - eb) < 24;
  }

  private static void keep(Path file) throws IOException {
    Files.createDirectories(KEPT);
    Files.copy(
        file, KEPT.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}

package io.github.threatlint.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are never written through a symbolic link of the checkout. */
class OutputFileTest {
  @TempDir Path temp;
  private Path checkout;
  private Path secret;

  @BeforeEach
  void links() throws IOException {
    checkout = Files.createDirectories(temp.resolve("checkout"));
    Files.createDirectories(temp.resolve("outside"));
    secret = Files.writeString(temp.resolve("outside/secret.txt"), "keep");
  }

  @Test
  void aLinkNamedAsTheOutputIsReplacedNotWrittenThrough() throws IOException {
    Path link = Files.createSymbolicLink(checkout.resolve("report.sarif"), secret);
    OutputFile.write(link, checkout, writer -> writer.write("report"));
    assertThat(secret).hasContent("keep");
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(link).hasContent("report");
    assertThat(checkout.toFile().list()).containsExactly("report.sarif");
  }

  @Test
  void aFolderLinkThatLeavesTheCheckoutIsRefused() throws IOException {
    Files.createSymbolicLink(checkout.resolve("out"), temp.resolve("outside"));
    assertThatThrownBy(
            () -> OutputFile.write(checkout.resolve("out/secret.txt"), checkout, w -> w.write("x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("its folder out is, or goes through, a symbolic link to ")
        .hasMessageContaining("outside");
    assertThatThrownBy(
            () ->
                OutputFile.write(
                    checkout.resolve("out/new/report.txt"), checkout, w -> w.write("x")))
        .hasMessageContaining("symbolic link");
    assertThat(secret).hasContent("keep");
    assertThat(temp.resolve("outside/new")).doesNotExist();
  }

  @Test
  void aFolderLinkInsideTheCheckoutAndAPathNamedOutsideAreWritten() throws IOException {
    Path reports = Files.createDirectories(checkout.resolve("build/reports"));
    Files.createSymbolicLink(checkout.resolve("reports"), reports);
    OutputFile.write(checkout.resolve("reports/a.txt"), checkout, w -> w.write("a"));
    assertThat(reports.resolve("a.txt")).hasContent("a");
    OutputFile.write(temp.resolve("elsewhere/b.txt"), checkout, w -> w.write("b"));
    assertThat(temp.resolve("elsewhere/b.txt")).hasContent("b");
  }

  @Test
  void aDeviceIsWrittenIntoNotReplacedByAFile() throws IOException {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.readAttributes(devNull, BasicFileAttributes.class).isOther());
    OutputFile.write(devNull, checkout, writer -> writer.write("report"));
    assertThat(Files.readAttributes(devNull, BasicFileAttributes.class).isOther()).isTrue();
    assertThat(Files.size(devNull)).isZero();
  }

  @Test
  void bytesBeyondTheWriteBufferReplaceAnExistingFileWhole() throws IOException {
    Path report = Files.writeString(checkout.resolve("report.sarif"), "an older, longer report");
    byte[] expected = new byte[2 * OutputFile.WRITE_BUFFER + 12_345];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (i * 31 + i / 7);
    }
    OutputFile.writeBytes(
        report,
        checkout,
        out -> {
          // as the generators hand them over: single bytes, small pieces, and one larger than the
          // buffer
          out.write(expected[0]);
          out.write(expected, 1, 8_000);
          int large = OutputFile.WRITE_BUFFER + 100;
          out.write(expected, 8_001, large);
          int at = 8_001 + large;
          while (at < expected.length) {
            int piece = Math.min(7_919, expected.length - at);
            out.write(expected, at, piece);
            at += piece;
          }
        });
    assertThat(report).hasBinaryContent(expected);
    assertThat(checkout.toFile().list()).containsExactly("report.sarif");
  }

  @Test
  void aFolderIsNotReplaced() throws IOException {
    Files.createDirectories(checkout.resolve("report.json"));
    assertThatThrownBy(() -> OutputFile.write(checkout.resolve("report.json"), checkout, w -> {}))
        .hasMessage("it is a folder");
  }
}

package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read and parsed before the analysis asks for it, taken only when it is the same. */
class ParseAheadTest {
  private static final String SPEC = "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"t\"}}\n";

  @TempDir Path folder;

  @Test
  void theTreeIsTheOneTheFileParsesToNamedAsTheCallerNamesIt() throws Exception {
    Path file = write("api.json", SPEC);
    ParseAhead ahead = ParseAhead.start(file);

    ParsedFile taken = ahead.take(file, "specs/api.json", SourceReader.DEFAULT_MAX_BYTES);

    ParsedFile read = TreeParser.parse(new SourceFile(file, "specs/api.json", SPEC));
    assertThat(taken.source()).isEqualTo(read.source());
    assertThat(taken.root()).isEqualTo(read.root());
    assertThat(taken.index().region("/info/title")).isEqualTo(read.index().region("/info/title"));
    assertThat(taken.index().offset(2, 3)).isEqualTo(read.index().offset(2, 3));
  }

  @Test
  void theTreeIsTakenOnce() throws Exception {
    Path file = write("api.json", SPEC);
    ParseAhead ahead = ParseAhead.start(file);

    assertThat(ahead.take(file, "api.json", SourceReader.DEFAULT_MAX_BYTES)).isNotNull();
    assertThat(ahead.take(file, "api.json", SourceReader.DEFAULT_MAX_BYTES)).isNull();
  }

  @Test
  void anotherFileIsLeftToTheCallerAndDoesNotUseTheTreeUp() throws Exception {
    Path file = write("api.json", SPEC);
    Path other = write("other.json", SPEC);
    Files.createDirectories(folder.resolve("sub"));
    ParseAhead ahead = ParseAhead.start(file);

    assertThat(ahead.take(other, "other.json", SourceReader.DEFAULT_MAX_BYTES)).isNull();
    assertThat(ahead.take(folder.resolve("missing.json"), "missing.json", 100)).isNull();
    // the same file under another name of its path
    assertThat(
            ahead.take(
                folder.resolve("sub/../api.json"), "api.json", SourceReader.DEFAULT_MAX_BYTES))
        .isNotNull();
  }

  @Test
  void aFileOverTheCallersLimitIsLeftToTheCaller() throws Exception {
    Path file = write("api.json", SPEC);

    assertThat(ParseAhead.start(file).take(file, "api.json", SPEC.length() - 1)).isNull();
    assertThat(ParseAhead.start(file).take(file, "api.json", SPEC.length())).isNotNull();
  }

  @Test
  void whatCannotBeReadOrParsedIsLeftToTheCaller() throws Exception {
    Path broken = write("broken.json", "{\"openapi\": ");
    Path empty = write("empty.yaml", "");

    assertThat(ParseAhead.start(broken).take(broken, "broken.json", 100)).isNull();
    assertThat(ParseAhead.start(empty).take(empty, "empty.yaml", 100)).isNull();
    assertThat(ParseAhead.start(folder).take(folder, "folder", 100)).isNull();
    assertThat(ParseAhead.NONE.take(broken, "broken.json", 100)).isNull();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }
}

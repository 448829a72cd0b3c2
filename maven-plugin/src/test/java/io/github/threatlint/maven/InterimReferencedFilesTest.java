package io.github.threatlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.model.ExternalFiles;
import io.github.threatlint.core.source.ParsedFile;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterimReferencedFilesTest {
  @TempDir
  Path folder;

  @Test
  void followsRelativeFilesInsideTheRootOnly() throws Exception {
    Path root = Files.createDirectories(folder.resolve("project"));
    Files.createDirectories(root.resolve("api/schemas"));
    Files.writeString(root.resolve("api/openapi.yaml"), "openapi: 3.0.3\n");
    Files.writeString(root.resolve("api/schemas/ticket.yaml"), "type: object\n");
    Files.writeString(folder.resolve("secret.yaml"), "password: hunter2\n");
    ParsedFile document = TreeParser.parse(new SourceReader(1024).read(root.resolve("api/openapi.yaml"), "api/openapi.yaml"));
    ExternalFiles files = InterimReferencedFiles.confinedTo(root, root).apply(document);

    ExternalFiles.Loaded ticket = files.load(document, "schemas/ticket.yaml");
    assertThat(ticket.file().displayPath()).isEqualTo("api/schemas/ticket.yaml");
    assertThat(files.load(document, "./schemas/ticket.yaml").file()).isSameAs(ticket.file());

    assertThat(files.load(document, "../../secret.yaml").problem()).contains("is outside the root folder");
    assertThat(files.load(document, folder.resolve("secret.yaml").toString()).problem())
        .isEqualTo("only references relative to the referring file are followed");
    ExternalFiles.Loaded remote = files.load(document, "https://schemas.example.org/ticket.yaml");
    assertThat(remote.remote()).isTrue();
    assertThat(remote.problem()).isEqualTo("references to URLs are not fetched during a Maven build");
    assertThat(files.load(document, "schemas/missing.yaml").problem()).isEqualTo("api/schemas/missing.yaml: no such file");
  }
}

package io.github.threatlint.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The confined loader on an in-memory file system: locations, confinement, reading once, cycles.
 */
class SpecFilesTest {
  private FileSystem fs;
  private Path project;
  private final List<Path> opened = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void createFileSystem() throws IOException {
    fs = Jimfs.newFileSystem(Configuration.unix());
    project = fs.getPath("/work/project");
    Files.createDirectories(project);
    Files.createDirectories(fs.getPath("/work/outside"));
    Files.writeString(fs.getPath("/work/outside/secret.yaml"), "Secret: {type: string}\n");
    Files.createDirectories(fs.getPath("/etc"));
    Files.writeString(fs.getPath("/etc/passwd"), "root: x\n");
  }

  @AfterEach
  void closeFileSystem() throws IOException {
    fs.close();
  }

  private Path write(String relative, String... lines) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** Confined to the project, names relative to it, every opened file recorded. */
  private SpecFiles files() throws IOException {
    SourceReader reader = new SourceReader(SourceReader.DEFAULT_MAX_BYTES);
    return new SpecFiles(
        project,
        project,
        (path, displayPath) -> {
          opened.add(path);
          return reader.read(path, displayPath);
        },
        RemoteFiles.OFF);
  }

  private ParsedFile parse(Path file) throws Exception {
    return TreeParser.parse(
        new SourceReader(SourceReader.DEFAULT_MAX_BYTES)
            .read(file, project.relativize(file).toString()));
  }

  /** Reports every schema property named 'password': a rule to see where findings land. */
  @RuleInfo(
      id = "test-password-property",
      title = "Password property",
      description = "Reports properties named password, for tests.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {"DS"},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "data")
  public static final class PasswordProperty implements Checks.SchemaCheck {
    static final Map<String, AtomicInteger> VISITS = new ConcurrentHashMap<>();

    @Override
    public void checkSchema(SchemaVisit schema, RuleContext context) {
      VISITS.computeIfAbsent(schema.node().key(), key -> new AtomicInteger()).incrementAndGet();
      if ("password".equals(schema.propertyName())) {
        // worded for the document that reaches it, as messages naming the operations that use a
        // fragment are
        context.report(
            schema.node(),
            "a password property, as "
                + schema.document().root().get("info").text("title")
                + " uses it");
      }
    }
  }

  private AnalysisResult analyze(SpecFiles files, int threads, Path... roots) {
    Analyzer analyzer =
        new Analyzer(
            List.of(
                new EnabledRule(
                    new RuleDescriptor(PasswordProperty.class), Level.WARNING, Map.of())),
            SourceReader.DEFAULT_MAX_BYTES,
            threads,
            files::forDocument);
    List<Analyzer.Input> inputs = new ArrayList<>();
    for (Path root : roots) {
      inputs.add(new Analyzer.Input(root, project.relativize(root).toString()));
    }
    return analyzer.analyze(inputs);
  }

  @Test
  void aFindingInAFragmentHasTheFragmentsPathLineAndPointer() throws Exception {
    Path root =
        write(
            "api.yaml",
            "openapi: 3.0.3",
            "info: {title: Accounts, version: '1'}",
            "paths:",
            "  /accounts:",
            "    post:",
            "      requestBody:",
            "        content:",
            "          application/json:",
            "            schema: {$ref: './components/schemas/Account.yaml'}",
            "      responses: {'201': {description: created}}");
    write(
        "components/schemas/Account.yaml",
        "type: object",
        "properties:",
        "  owner:",
        "    $ref: ../../common.json#/Person");
    write(
        "common.json",
        "{",
        "  \"Person\": {",
        "    \"type\": \"object\",",
        "    \"properties\": {",
        "      \"password\": {\"type\": \"string\"}",
        "    }",
        "  }",
        "}");

    AnalysisResult result = analyze(files(), 1, root);

    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).hasSize(1);
    Finding finding = result.findings().get(0);
    assertThat(finding.file()).isEqualTo("common.json");
    assertThat(finding.region().startLine()).isEqualTo(5);
    assertThat(finding.pointer()).isEqualTo("/Person/properties/password");
  }

  @Test
  void aDocumentGivenItsOwnRootIsConfinedToItEvenToFilesAnotherDocumentRead() throws Exception {
    write("common/Money.yaml", "Money: {type: string}");
    Path wide = write("wide/api.yaml", "openapi: 3.0.3", "info: {title: w, version: '1'}");
    Path narrow = write("narrow/api.yaml", "openapi: 3.0.3", "info: {title: n, version: '1'}");
    SpecFiles files = files();

    ExternalFiles wideLoader = files.forDocument(parse(wide));
    ExternalFiles narrowLoader = files.forDocument(parse(narrow), project.resolve("narrow"));

    assertThat(wideLoader.load(parse(wide), "../common/Money.yaml").problem()).isNull();
    assertThat(narrowLoader.load(parse(narrow), "../common/Money.yaml").problem())
        .isEqualTo(
            "'../common/Money.yaml' leads to common/Money.yaml, outside the root folder 'narrow'; "
                + "it was not read (choose the root with --root)");
    assertThat(opened).containsExactly(project.resolve("common/Money.yaml"));
  }

  @Test
  void referencesOutOfTheRootAreRefusedWithoutOpeningTheFile() throws Exception {
    Files.createSymbolicLink(project.resolve("link.yaml"), fs.getPath("/work/outside/secret.yaml"));
    Files.createSymbolicLink(project.resolve("linked-folder"), fs.getPath("/work/outside"));
    Path root = write("api.yaml", "openapi: 3.0.3", "info: {title: t, version: '1'}", "paths: {}");
    write("inside.yaml", "Inside: {type: string}");
    ExternalFiles loader = files().forDocument(parse(root));
    ParsedFile from = parse(root);

    assertThat(loader.load(from, "../outside/secret.yaml").problem())
        .contains("outside the root folder");
    assertThat(loader.load(from, "../../etc/passwd").problem()).contains("outside the root folder");
    assertThat(loader.load(from, "/work/outside/secret.yaml").problem())
        .contains("is an absolute path");
    assertThat(loader.load(from, "file:///work/outside/secret.yaml").problem())
        .contains("file: URLs are not followed");
    assertThat(loader.load(from, "link.yaml").problem())
        .contains("symbolic link")
        .contains("outside the root folder");
    assertThat(loader.load(from, "linked-folder/secret.yaml").problem()).contains("symbolic link");
    assertThat(loader.load(from, "%2E%2E/outside/secret.yaml").problem())
        .contains("outside the root folder");
    assertThat(opened).isEmpty();

    // climbing out and back in stays inside: it is read
    ExternalFiles.Loaded inside = loader.load(from, "../project/inside.yaml");
    assertThat(inside.problem()).isNull();
    assertThat(inside.file().root().has("Inside")).isTrue();
    assertThat(opened).containsExactly(project.resolve("inside.yaml"));
  }

  @Test
  void aFileIsReadOnceHoweverAndFromWhicheverDocumentItIsNamed() throws Exception {
    write(
        "shared/common.yaml",
        "Money:",
        "  type: object",
        "  properties:",
        "    password: {type: string}");
    Path first =
        write(
            "a/api.yaml",
            "openapi: 3.0.3",
            "info: {title: A, version: '1'}",
            "paths: {}",
            "components:",
            "  schemas:",
            "    Money: {$ref: '../shared/common.yaml#/Money'}",
            "    Again: {$ref: '../shared/../shared/common.yaml#/Money'}",
            "    Nested: {$ref: './../a/../shared/common.yaml#/Money/properties/password'}");
    Path second =
        write(
            "b/api.yaml",
            "openapi: 3.1.0",
            "info: {title: B, version: '1'}",
            "paths: {}",
            "components:",
            "  schemas:",
            "    Price: {$ref: '../shared/common.yaml#/Money'}");
    PasswordProperty.VISITS.clear();

    AnalysisResult result = analyze(files(), 2, first, second);

    assertThat(result.errors()).isEmpty();
    assertThat(opened.stream().filter(path -> path.endsWith("common.yaml"))).hasSize(1);
    // the shared fragment's finding is reported once, in the fragment, though two documents reach
    // it
    // (and word it each in its own terms): with the words of the first document
    assertThat(result.findings()).extracting(Finding::file).containsExactly("shared/common.yaml");
    assertThat(result.findings())
        .extracting(Finding::message)
        .containsExactly("a password property, as A uses it");
    // within one document, a schema reached through three names (and inside another target) is
    // visited once
    assertThat(PasswordProperty.VISITS.get("shared/common.yaml#/Money/properties/password"))
        .hasValue(2);
  }

  @Test
  void referenceCyclesAcrossFilesTerminate() throws Exception {
    Path root =
        write(
            "api.yaml",
            "openapi: 3.0.3",
            "info: {title: t, version: '1'}",
            "paths: {}",
            "components:",
            "  schemas:",
            "    Node: {$ref: 'a.yaml#/Node'}",
            "    Loop: {$ref: 'b.yaml#/Loop'}");
    write("a.yaml", "Node:", "  type: object", "  properties:", "    next: {$ref: 'b.yaml#/Node'}");
    write("b.yaml", "Node: {$ref: 'a.yaml#/Node'}", "Loop: {$ref: 'c.yaml#/Loop'}");
    write("c.yaml", "Loop: {$ref: 'b.yaml#/Loop'}");

    AnalysisResult result = analyze(files(), 1, root);

    assertThat(result.errors()).isEmpty();
    ApiDocument document =
        new ApiDocument(parse(root), SpecVersion.OPENAPI_3_0, files().forDocument(parse(root)));
    NodeRef loop = document.root().get("components").get("schemas").get("Loop");
    assertThat(document.resolve(loop).problem()).contains("cycle");
  }

  @Test
  void schemaUsageFlowsThroughReferencesToOtherFiles() throws Exception {
    Path root =
        write(
            "api.yaml",
            "openapi: 3.0.3",
            "info: {title: t, version: '1'}",
            "paths:",
            "  /transfers:",
            "    post:",
            "      requestBody:",
            "        content:",
            "          application/json:",
            "            schema: {$ref: 'schemas/Transfer.yaml'}",
            "      responses:",
            "        '201':",
            "          description: created",
            "          content:",
            "            application/json:",
            "              schema: {$ref: 'schemas/Receipt.yaml'}");
    write(
        "schemas/Transfer.yaml",
        "type: object",
        "properties:",
        "  amount: {$ref: '../common.yaml#/Money'}");
    write(
        "schemas/Receipt.yaml",
        "type: object",
        "properties:",
        "  fee: {$ref: '../common.yaml#/Money'}");
    write(
        "common.yaml",
        "Money:",
        "  type: object",
        "  properties:",
        "    value: {type: string}",
        "Unused: {type: string}");
    SpecFiles files = files();
    ParsedFile rootFile = parse(root);
    ExternalFiles loader = files.forDocument(rootFile);
    ApiDocument document = new ApiDocument(rootFile, SpecVersion.OPENAPI_3_0, loader);
    ParsedFile common = loader.load(rootFile, "common.yaml").file();
    NodeRef money = new NodeRef(common, "/Money", common.root().get("Money"));
    NodeRef value = money.get("properties").get("value");
    NodeRef unused = new NodeRef(common, "/Unused", common.root().get("Unused"));

    assertThat(document.schemaUsage().isInput(money)).isTrue();
    assertThat(document.schemaUsage().isOutput(money)).isTrue();
    assertThat(document.schemaUsage().isInput(value)).isTrue();
    assertThat(document.schemaUsage().flags(unused)).isZero();
  }

  @Test
  void aReferenceBackToTheRootDocumentFindsTheRootItself() throws Exception {
    Path root =
        write(
            "api.yaml",
            "openapi: 3.0.3",
            "info: {title: t, version: '1'}",
            "paths: {}",
            "components:",
            "  schemas:",
            "    Id: {type: string}",
            "    Wrapper: {$ref: 'wrapper.yaml'}");
    write(
        "wrapper.yaml",
        "type: object",
        "properties:",
        "  id: {$ref: 'api.yaml#/components/schemas/Id'}");
    ParsedFile rootFile = parse(root);
    ExternalFiles loader = files().forDocument(rootFile);

    assertThat(loader.load(rootFile, "wrapper.yaml").file()).isNotNull();
    assertThat(loader.load(loader.load(rootFile, "wrapper.yaml").file(), "api.yaml").file())
        .isSameAs(rootFile);
    assertThat(opened).containsExactly(project.resolve("wrapper.yaml"));
  }

  @Test
  void missingFilesAndUnparsableFragmentsSayWhy() throws Exception {
    Path root = write("api.yaml", "openapi: 3.0.3", "info: {title: t, version: '1'}", "paths: {}");
    write("broken.yaml", "a: [1, 2", "b: c");
    ParsedFile rootFile = parse(root);
    ExternalFiles loader = files().forDocument(rootFile);

    assertThat(loader.load(rootFile, "missing.yaml").problem())
        .isEqualTo("the file missing.yaml does not exist");
    assertThat(loader.load(rootFile, "broken.yaml").problem())
        .startsWith("broken.yaml cannot be used: invalid YAML")
        .contains("line ");
    assertThat(loader.load(rootFile, "components").problem()).contains("does not exist");
    assertThat(loader.load(rootFile, "Broken.yaml").problem())
        .isEqualTo(
            "the file Broken.yaml does not exist (there is "
                + "broken.yaml, whose name differs in letter case only: file names are case-sensitive on most systems)");
    assertThat(loader.load(rootFile, "ftp://example.com/x.yaml").problem())
        .contains("'ftp:' are not followed");
  }
}

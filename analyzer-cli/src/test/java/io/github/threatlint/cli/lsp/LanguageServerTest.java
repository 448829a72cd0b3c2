package io.github.threatlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real server as an editor does, through LSP4J's client launcher over in-process pipes.
 */
class LanguageServerTest {
  private static final String SPEC =
      """
      openapi: 3.0.3
      info:
        title: Accounts
        version: 1.0.0
      paths: {}
      components:
        securitySchemes:
          basicAuth:
            type: http
            scheme: basic
      """;
  private static final String ROOT_WITH_FRAGMENT =
      """
      openapi: 3.0.3
      info:
        title: Accounts
        version: 1.0.0
      paths: {}
      components:
        securitySchemes:
          basicAuth:
            $ref: schemes.yaml#/basicAuth
      """;
  private static final String FRAGMENT =
      """
      basicAuth:
        type: http
        scheme: basic
      """;

  @TempDir Path folder;

  private final Client client = new Client();
  private ThreatlintLanguageServer threatlint;
  private LanguageServer server;
  private Future<Void> serverListening;
  private Future<Void> clientListening;
  private int version;

  @BeforeEach
  void start() throws Exception {
    // NIO pipes: java.io's piped streams fail once a thread that wrote to them has ended, and many
    // threads write here
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream clientOut = Channels.newOutputStream(toServer.sink());
    InputStream clientIn = Channels.newInputStream(toClient.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    threatlint = new ThreatlintLanguageServer(20);
    Launcher<LanguageClient> serverLauncher =
        LSPLauncher.createServerLauncher(threatlint, serverIn, serverOut);
    threatlint.connect(serverLauncher.getRemoteProxy());
    serverListening = serverLauncher.startListening();
    Launcher<LanguageServer> clientLauncher =
        LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    clientListening = clientLauncher.startListening();
    server = clientLauncher.getRemoteProxy();
    InitializeParams params = new InitializeParams();
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "specs")));
    InitializeResult initialized = server.initialize(params).get(10, TimeUnit.SECONDS);
    assertThat(initialized.getCapabilities().getHoverProvider().getLeft()).isTrue();
    server.initialized(new org.eclipse.lsp4j.InitializedParams());
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown().get(10, TimeUnit.SECONDS);
    server.exit();
    serverListening.cancel(true);
    clientListening.cancel(true);
  }

  @Test
  void findingsComeAndGoAsTheSpecIsEdited() throws Exception {
    Path spec = write("spec.yaml", SPEC);
    open(spec, SPEC);
    Diagnostic basic =
        single(
            client.await(spec, diagnostics -> hasRule(diagnostics, "http-basic-auth")),
            "http-basic-auth");
    assertThat(basic.getRange().getStart()).isEqualTo(new Position(9, 6));
    assertThat(basic.getRange().getEnd()).isEqualTo(new Position(9, 19));
    assertThat(basic.getSource()).isEqualTo("threatlint");
    assertThat(basic.getCodeDescription().getHref()).endsWith("/docs/rules/http-basic-auth.md");
    assertThat(basic.getSeverity()).isIn(DiagnosticSeverity.Error, DiagnosticSeverity.Warning);

    Hover hover =
        server
            .getTextDocumentService()
            .hover(new HoverParams(id(spec), new Position(9, 16)))
            .get(10, TimeUnit.SECONDS);
    assertThat(hover.getContents().getRight().getValue())
        .startsWith("**http-basic-auth**")
        .contains("**When not to fix.**", "/docs/rules/http-basic-auth.md");

    change(spec, SPEC.replace("scheme: basic", "scheme: bearer"));
    client.await(spec, diagnostics -> !hasRule(diagnostics, "http-basic-auth"));

    change(spec, SPEC.replace("    basicAuth:\n", "    basicAuth: [\n"));
    List<Diagnostic> broken =
        client.await(spec, diagnostics -> diagnostics.stream().noneMatch(d -> d.getCode() != null));
    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(broken.get(0).getRange().getStart().getLine()).isBetween(7, 10);

    change(spec, SPEC);
    client.await(spec, diagnostics -> hasRule(diagnostics, "http-basic-auth"));
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(id(spec)));
    client.await(spec, List::isEmpty);
  }

  @Test
  void theOtherPlacesAFindingRefersToAreItsRelatedInformation() throws Exception {
    String text =
        """
        openapi: 3.0.3
        info:
          title: Accounts
          version: 1.0.0
        paths:
          /a:
            get:
              operationId: listAccounts
              responses:
                '200': {description: ok}
          /b:
            get:
              operationId: listAccounts
              responses:
                '200': {description: ok}
        """;
    Path spec = write("spec.yaml", text);
    open(spec, text);
    Diagnostic duplicate =
        single(
            client.await(spec, diagnostics -> hasRule(diagnostics, "operation-id-invalid")),
            "operation-id-invalid");

    assertThat(duplicate.getRange().getStart().getLine()).isEqualTo(12);
    assertThat(duplicate.getRelatedInformation()).hasSize(1);
    DiagnosticRelatedInformation first = duplicate.getRelatedInformation().get(0);
    assertThat(first.getMessage()).isEqualTo("first used by GET /a");
    assertThat(first.getLocation().getUri()).isEqualTo(spec.toUri().toString());
    assertThat(first.getLocation().getRange().getStart()).isEqualTo(new Position(7, 6));
  }

  @Test
  void aFindingInAFragmentIsOnTheFragmentAndItsSuppressionEditClearsIt() throws Exception {
    Path root = write("openapi.yaml", ROOT_WITH_FRAGMENT);
    Path fragment = write("schemes.yaml", FRAGMENT);
    open(root, ROOT_WITH_FRAGMENT);
    Diagnostic basic =
        single(
            client.await(fragment, diagnostics -> hasRule(diagnostics, "http-basic-auth")),
            "http-basic-auth");
    assertThat(basic.getRange().getStart().getLine()).isEqualTo(2);

    open(fragment, FRAGMENT);
    List<Either<Command, CodeAction>> actions =
        server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    id(fragment), basic.getRange(), new CodeActionContext(List.of(basic))))
            .get(10, TimeUnit.SECONDS);
    CodeAction suppress =
        actions.stream()
            .map(Either::getRight)
            .filter(a -> a.getTitle().startsWith("Suppress"))
            .findFirst()
            .orElseThrow();
    List<TextEdit> edits = suppress.getEdit().getChanges().get(fragment.toUri().toString());
    String suppressed = apply(FRAGMENT, edits);
    assertThat(suppressed)
        .isEqualTo(
            """
        basicAuth:
          x-threatlint-ignore:
            http-basic-auth: %s
          type: http
          scheme: basic
        """
                .formatted(SuppressionEdit.REASON_PLACEHOLDER));

    // editing the fragment re-analyses the root that uses it
    change(fragment, suppressed);
    client.await(fragment, diagnostics -> !hasRule(diagnostics, "http-basic-auth"));

    CodeAction explain =
        actions.stream()
            .map(Either::getRight)
            .filter(a -> a.getTitle().startsWith("Explain"))
            .findFirst()
            .orElseThrow();
    server
        .getWorkspaceService()
        .executeCommand(
            new ExecuteCommandParams(
                explain.getCommand().getCommand(), explain.getCommand().getArguments()))
        .get(10, TimeUnit.SECONDS);
    assertThat(client.shown.poll(10, TimeUnit.SECONDS)).endsWith("/docs/rules/http-basic-auth.md");
  }

  @Test
  void aJsonSpecsFindingInAListGetsItsSuppressionInTheListItem() throws Exception {
    String json =
        """
        {
            "openapi": "3.0.3",
            "info": {"title": "Accounts", "version": "1.0.0"},
            "servers": [
                {
                    "url": "http://api.example.com"
                }
            ],
            "paths": {}
        }
        """;
    Path spec = write("spec.json", json);
    open(spec, json);
    Diagnostic plain =
        single(
            client.await(spec, diagnostics -> hasRule(diagnostics, "transport-not-https")),
            "transport-not-https");

    String suppressed = apply(json, suppressionEdits(spec, plain));
    assertThat(suppressed)
        .contains(
            """
                {
                    "x-threatlint-ignore": {
                        "transport-not-https": "%s"
                    },
                    "url": "http://api.example.com"
                }
        """
                .formatted(SuppressionEdit.REASON_PLACEHOLDER));
    change(spec, suppressed);
    List<Diagnostic> after =
        client.await(spec, diagnostics -> !hasRule(diagnostics, "transport-not-https"));
    assertThat(after)
        .noneMatch(d -> d.getSeverity() == DiagnosticSeverity.Error && d.getCode() == null);
  }

  @Test
  void anUnsavedBufferIsAnalysedFromItsTextWithReferencesFromTheWorkspaceFolder() throws Exception {
    Path fragment = write("schemes.yaml", FRAGMENT);
    String untitled = "untitled:Untitled-1";
    String text = ROOT_WITH_FRAGMENT + "    outside:\n      $ref: ../outside.yaml#/basicAuth\n";
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(untitled, "yaml", ++version, text)));
    client.await(fragment, diagnostics -> hasRule(diagnostics, "http-basic-auth"));
    List<Diagnostic> own = client.await(untitled, diagnostics -> !diagnostics.isEmpty());
    assertThat(own).anyMatch(d -> d.getMessage().contains("outside the root folder"));

    // a file the editor has not saved yet is its text too
    Path unsaved = folder.resolve("new.yaml");
    open(unsaved, SPEC);
    client.await(unsaved, diagnostics -> hasRule(diagnostics, "http-basic-auth"));

    server
        .getTextDocumentService()
        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(untitled)));
    client.await(untitled, List::isEmpty);
    client.await(fragment, List::isEmpty);
  }

  @Test
  void aFragmentThatIsOnlyAnUnsavedBufferIsReadFromItsText() throws Exception {
    Path root = write("openapi.yaml", ROOT_WITH_FRAGMENT);
    Path fragment = folder.resolve("schemes.yaml");
    open(root, ROOT_WITH_FRAGMENT);
    client.await(
        root, diagnostics -> diagnostics.stream().anyMatch(d -> d.getMessage().contains("exist")));

    // the editor created schemes.yaml and has not saved it: the root reads its text
    open(fragment, FRAGMENT);
    client.await(fragment, diagnostics -> hasRule(diagnostics, "http-basic-auth"));
    client.await(
        root, diagnostics -> diagnostics.stream().noneMatch(d -> d.getMessage().contains("exist")));
    assertThat(Files.exists(fragment)).isFalse();

    change(fragment, FRAGMENT.replace("scheme: basic", "scheme: bearer"));
    client.await(fragment, diagnostics -> !hasRule(diagnostics, "http-basic-auth"));

    // closed without saving: it is gone again
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(id(fragment)));
    client.await(
        root, diagnostics -> diagnostics.stream().anyMatch(d -> d.getMessage().contains("exist")));
  }

  @Test
  void editingAFragmentAnalysesOnlyTheRootsThatUseIt() throws Exception {
    Path root = write("openapi.yaml", ROOT_WITH_FRAGMENT);
    Path fragment = write("schemes.yaml", FRAGMENT);
    Path other = write("other.yaml", SPEC);
    open(root, ROOT_WITH_FRAGMENT);
    open(other, SPEC);
    client.await(fragment, diagnostics -> hasRule(diagnostics, "http-basic-auth"));
    client.await(other, diagnostics -> hasRule(diagnostics, "http-basic-auth"));

    // the configuration changes on disk unannounced: only a root analysed again sees it
    write(".threatlint.yaml", "rules:\n  http-basic-auth: off\n");
    open(fragment, FRAGMENT);
    change(fragment, FRAGMENT + "# edited\n");
    client.await(fragment, diagnostics -> !hasRule(diagnostics, "http-basic-auth"));
    Hover stillThere =
        server
            .getTextDocumentService()
            .hover(new HoverParams(id(other), new Position(9, 16)))
            .get(10, TimeUnit.SECONDS);
    assertThat(stillThere).as("the other root was not analysed again").isNotNull();
    assertThat(hasRule(client.diagnostics.get(other.toUri().toString()), "http-basic-auth"))
        .isTrue();
  }

  @Test
  void diagnosticsAreSentAgainOnlyWhenTheyChange() throws Exception {
    Path spec = write("spec.yaml", SPEC);
    open(spec, SPEC);
    client.await(spec, diagnostics -> hasRule(diagnostics, "http-basic-auth"));
    int sent = client.sent(spec);

    change(spec, SPEC + "# a comment changes no finding\n");
    Thread.sleep(200); // past the pause in typing: the analysis has started, the hover waits for it
    server
        .getTextDocumentService()
        .hover(new HoverParams(id(spec), new Position(0, 0)))
        .get(10, TimeUnit.SECONDS);
    assertThat(client.sent(spec)).isEqualTo(sent);

    change(spec, SPEC.replace("scheme: basic", "scheme: bearer"));
    client.await(spec, diagnostics -> !hasRule(diagnostics, "http-basic-auth"));
    assertThat(client.sent(spec)).isEqualTo(sent + 1);
  }

  @Test
  void closedDocumentsAreForgotten() throws Exception {
    for (int i = 0; i < 20; i++) {
      Path spec = write("spec" + i + ".yaml", SPEC);
      open(spec, SPEC);
    }
    client.await(
        folder.resolve("spec19.yaml"), diagnostics -> hasRule(diagnostics, "http-basic-auth"));
    assertThat(threatlint.workspace().documentsHeld()).isPositive();
    for (int i = 0; i < 20; i++) {
      server
          .getTextDocumentService()
          .didClose(new DidCloseTextDocumentParams(id(folder.resolve("spec" + i + ".yaml"))));
    }
    client.await(folder.resolve("spec19.yaml"), List::isEmpty);
    assertThat(threatlint.workspace().documentsHeld()).isZero();
  }

  @Test
  void theConfigurationIsReReadAndABrokenOneIsOneDiagnosticWhileTheLastGoodOneGoesOn()
      throws Exception {
    Path spec = write("spec.yaml", SPEC);
    open(spec, SPEC);
    client.await(spec, diagnostics -> hasRule(diagnostics, "http-basic-auth"));

    Path configuration =
        write(
            ".threatlint.yaml",
            """
        rules:
          http-basic-auth: off
        docsUrl: https://wiki.example.com/threatlint/{rule}.html
        """);
    configurationChanged(configuration);
    List<Diagnostic> configured =
        client.await(spec, diagnostics -> !hasRule(diagnostics, "http-basic-auth"));
    assertThat(configured)
        .allSatisfy(
            d ->
                assertThat(d.getCodeDescription().getHref())
                    .startsWith("https://wiki.example.com/"));

    write(".threatlint.yaml", "rules:\n  no-such-rule: off\n");
    configurationChanged(configuration);
    List<Diagnostic> problem = client.await(configuration, diagnostics -> !diagnostics.isEmpty());
    assertThat(problem).hasSize(1);
    assertThat(problem.get(0).getRange().getStart().getLine()).isEqualTo(1);
    assertThat(problem.get(0).getMessage()).contains("no-such-rule");

    // the spec is still analysed, with the last good configuration
    change(spec, SPEC + "# edited\n");
    List<Diagnostic> stillConfigured = client.await(spec, diagnostics -> !diagnostics.isEmpty());
    assertThat(hasRule(stillConfigured, "http-basic-auth")).isFalse();

    write(".threatlint.yaml", "rules: {}\n");
    configurationChanged(configuration);
    client.await(configuration, List::isEmpty);
    client.await(spec, diagnostics -> hasRule(diagnostics, "http-basic-auth"));
  }

  private void configurationChanged(Path configuration) {
    server
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(
                List.of(new FileEvent(configuration.toUri().toString(), FileChangeType.Changed))));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }

  private void open(Path file, String text) {
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(file.toUri().toString(), "yaml", ++version, text)));
  }

  private void change(Path file, String text) {
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(file.toUri().toString(), ++version),
                List.of(new TextDocumentContentChangeEvent(text))));
  }

  private static TextDocumentIdentifier id(Path file) {
    return new TextDocumentIdentifier(file.toUri().toString());
  }

  /** The edits of the suppression code action offered for the diagnostic. */
  private List<TextEdit> suppressionEdits(Path file, Diagnostic diagnostic) throws Exception {
    return server
        .getTextDocumentService()
        .codeAction(
            new CodeActionParams(
                id(file), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))))
        .get(10, TimeUnit.SECONDS)
        .stream()
        .map(Either::getRight)
        .filter(action -> action.getTitle().startsWith("Suppress"))
        .findFirst()
        .orElseThrow()
        .getEdit()
        .getChanges()
        .get(file.toUri().toString());
  }

  /** The text with the edits made, edits being insertions (what the suppression makes). */
  private static String apply(String text, List<TextEdit> edits) {
    assertThat(edits).hasSize(1);
    TextEdit edit = edits.get(0);
    assertThat(edit.getRange().getStart()).isEqualTo(edit.getRange().getEnd());
    int offset = 0;
    for (int i = 0; i < edit.getRange().getStart().getLine(); i++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    offset += edit.getRange().getStart().getCharacter();
    return text.substring(0, offset) + edit.getNewText() + text.substring(offset);
  }

  private static boolean hasRule(List<Diagnostic> diagnostics, String ruleId) {
    return diagnostics.stream()
        .anyMatch(d -> d.getCode() != null && ruleId.equals(d.getCode().getLeft()));
  }

  private static Diagnostic single(List<Diagnostic> diagnostics, String ruleId) {
    List<Diagnostic> ofRule =
        diagnostics.stream()
            .filter(d -> d.getCode() != null && ruleId.equals(d.getCode().getLeft()))
            .toList();
    assertThat(ofRule).hasSize(1);
    return ofRule.get(0);
  }

  /** An editor that keeps the last diagnostics of each file and the pages it was asked to show. */
  private static final class Client implements LanguageClient {
    private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
    private final Map<String, Integer> published = new ConcurrentHashMap<>();
    private final BlockingQueue<String> shown = new LinkedBlockingQueue<>();

    /** Waits until the file's diagnostics satisfy the condition, and returns them. */
    List<Diagnostic> await(Path file, Predicate<List<Diagnostic>> condition)
        throws InterruptedException {
      return await(file.toUri().toString(), condition);
    }

    /** Waits until the diagnostics on the URI satisfy the condition, and returns them. */
    synchronized List<Diagnostic> await(String uri, Predicate<List<Diagnostic>> condition)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        List<Diagnostic> current = diagnostics.get(uri);
        if (current != null && condition.test(current)) {
          return current;
        }
        long left = deadline - System.nanoTime();
        assertThat(left).as("diagnostics of %s now %s", uri, current).isPositive();
        wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
      diagnostics.put(params.getUri(), params.getDiagnostics());
      published.merge(params.getUri(), 1, Integer::sum);
      notifyAll();
    }

    /** How many times the file's diagnostics were sent. */
    int sent(Path file) {
      return published.getOrDefault(file.toUri().toString(), 0);
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams params) {
      shown.add(params.getUri());
      return CompletableFuture.completedFuture(new ShowDocumentResult(true));
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams params) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
      System.err.println(params.getMessage());
    }
  }
}

package io.github.threatlint.cli.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server's lifecycle: what it can do (full-text sync, code actions, hover, the explain
 * command) and when it stops. The work is the {@link Workspace}'s.
 */
public final class ThreatlintLanguageServer implements LanguageServer, LanguageClientAware {
  private final Workspace workspace;
  private final CompletableFuture<Void> exited = new CompletableFuture<>();
  private volatile boolean shutDown;

  /**
   * @param debounceMillis how long typing must pause before the unsaved text is analysed
   */
  public ThreatlintLanguageServer(long debounceMillis) {
    this.workspace = new Workspace(debounceMillis);
  }

  /**
   * Serves one client on these streams until it sends {@code exit} or closes its end. True when the
   * client shut the server down before (the protocol's exit code 0).
   */
  public static boolean serve(InputStream in, OutputStream out) {
    ThreatlintLanguageServer server = new ThreatlintLanguageServer(Workspace.DEBOUNCE_MILLIS);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    server.exited.thenRun(() -> listening.cancel(true));
    try {
      listening.get();
    } catch (CancellationException | ExecutionException e) {
      // exit, or the client went away: either ends the server
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.workspace.close();
    return server.shutDown;
  }

  /** The open documents and their analyses (for tests of what the server holds). */
  Workspace workspace() {
    return workspace;
  }

  @Override
  public void connect(LanguageClient client) {
    workspace.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    workspace.open(Workspace.folder(params));
    ServerCapabilities capabilities = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(false));
    capabilities.setTextDocumentSync(sync);
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    capabilities.setHoverProvider(true);
    capabilities.setExecuteCommandProvider(
        new ExecuteCommandOptions(List.of(Workspace.EXPLAIN_COMMAND)));
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("threatlint")));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutDown = true;
    workspace.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exited.complete(null);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return workspace.documents();
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace.files();
  }
}

package io.github.threatlint.cli.lsp;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckCache;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.check.SpecFinder;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The editor's open documents and what threatlint says about them. Every analysis goes through
 * {@link Check#run}, as {@code threatlint check} does: the open root documents are its inputs, the
 * open buffers its overlay (unsaved text stands for the files), the workspace folder where the
 * configuration is looked for and the folder references may not leave. Analyses run one at a time
 * on one thread, so a burst of edits costs one analysis; each request catches what fails, so a bad
 * document or a rule's bug never stops the server.
 */
final class Workspace {
  static final long DEBOUNCE_MILLIS = 250;
  static final String EXPLAIN_COMMAND = "threatlint.explainRule";

  private final List<RuleDescriptor> catalog = BuiltInRules.all();
  private final long debounceMillis;
  private final ScheduledExecutorService analysis =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "threatlint-analysis");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * The open documents by absolute path: their URI as the editor spells it, and their current text.
   */
  private final Map<Path, OpenDocument> open = new ConcurrentHashMap<>();

  /** The open documents that are OpenAPI or Swagger root documents (the others are fragments). */
  private final Set<Path> roots = ConcurrentHashMap.newKeySet();

  /**
   * The diagnostics of each root's last analysis, by the file they are on (touched on the analysis
   * thread only).
   */
  private final Map<Path, Map<Path, List<Diagnostic>>> byRoot = new HashMap<>();

  /**
   * The local files each root's last analysis read or looked for through references (touched on the
   * analysis thread only): a change to one of them re-analyses that root, and no other.
   */
  private final Map<Path, Set<Path>> referenced = new HashMap<>();

  /**
   * The files that have diagnostics in the editor now: the URI they were published on and what
   * (touched on the analysis thread only). Only what changed is sent again: a large spec has
   * thousands of diagnostics, and an edit changes few files.
   */
  private final Map<Path, Published> published = new HashMap<>();

  private record Published(String uri, List<Diagnostic> diagnostics) {}

  /**
   * What each open root's last analysis leaves for its next one (swagger-parser's messages, kept
   * while only prose is edited).
   */
  private final CheckCache cache = new CheckCache();

  private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  /** The open documents whose saved file was not looked at since they were opened or saved. */
  private final Set<Path> unsettled = ConcurrentHashMap.newKeySet();

  private volatile LanguageClient client;
  private volatile Path folder;

  /**
   * The folder of unsaved buffers when the editor opened no workspace folder, made on first use.
   */
  private Path noFolder;

  private volatile DocsUrl docsUrl = DocsUrl.DEFAULT;

  /**
   * A copy of the last configuration that could be used, analysed with while the file is broken.
   */
  private Path lastGoodConfiguration;

  /** The configuration file that cannot be used now, and why; null while it can. */
  private Path brokenConfiguration;

  private CheckException configurationProblem;

  Workspace(long debounceMillis) {
    this.debounceMillis = debounceMillis;
  }

  void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  /** The folder the client opened: the first workspace folder, else the root URI, else none. */
  // rootUri is deprecated in favour of workspace folders, but editors that have no folders send
  // only it
  @SuppressWarnings("deprecation")
  static Path folder(InitializeParams params) {
    if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
      return filePath(params.getWorkspaceFolders().get(0).getUri());
    }
    return params.getRootUri() == null ? null : filePath(params.getRootUri());
  }

  void open(Path workspaceFolder) {
    this.folder = workspaceFolder;
  }

  void close() {
    analysis.shutdown();
  }

  TextDocumentService documents() {
    return new Documents();
  }

  WorkspaceService files() {
    return new WorkspaceFiles();
  }

  private record OpenDocument(String uri, String text) {}

  private final class Documents implements TextDocumentService {
    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
      Path path = path(params.getTextDocument().getUri());
      open.put(
          path,
          new OpenDocument(params.getTextDocument().getUri(), params.getTextDocument().getText()));
      unsettled.add(path);
      schedule(path, 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
      Path path = path(params.getTextDocument().getUri());
      // full sync: the last change holds the whole text
      String text = params.getContentChanges().get(params.getContentChanges().size() - 1).getText();
      open.put(path, new OpenDocument(params.getTextDocument().getUri(), text));
      schedule(path, debounceMillis);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
      Path path = path(params.getTextDocument().getUri());
      unsettled.add(path);
      schedule(path, 0);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
      Path path = path(params.getTextDocument().getUri());
      open.remove(path);
      unsettled.remove(path);
      // a closed root is forgotten; the roots that use a closed fragment read it from disk again
      submit(() -> analyseAffected(path, false));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(
        CodeActionParams params) {
      return CompletableFuture.supplyAsync(
          () -> {
            List<Either<Command, CodeAction>> actions = new ArrayList<>();
            try {
              Path path = path(params.getTextDocument().getUri());
              OpenDocument document = open.get(path);
              for (Diagnostic diagnostic : params.getContext().getDiagnostics()) {
                String ruleId = ruleId(diagnostic);
                if (ruleId == null) {
                  continue;
                }
                String pointer = pointer(path, diagnostic);
                if (document != null && pointer != null) {
                  TextEdit edit = SuppressionEdit.of(document.text(), pointer, ruleId);
                  if (edit != null) {
                    CodeAction suppress =
                        new CodeAction("Suppress " + ruleId + " with x-threatlint-ignore");
                    suppress.setKind(CodeActionKind.QuickFix);
                    suppress.setDiagnostics(List.of(diagnostic));
                    suppress.setEdit(new WorkspaceEdit(Map.of(document.uri(), List.of(edit))));
                    actions.add(Either.forRight(suppress));
                  }
                }
                CodeAction explain = new CodeAction("Explain rule " + ruleId);
                explain.setKind(CodeActionKind.QuickFix);
                explain.setDiagnostics(List.of(diagnostic));
                explain.setCommand(
                    new Command("Explain rule " + ruleId, EXPLAIN_COMMAND, List.of(ruleId)));
                actions.add(Either.forRight(explain));
              }
            } catch (RuntimeException e) {
              log("code actions failed: " + e);
            }
            return actions;
          });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              Path path = path(params.getTextDocument().getUri());
              for (Diagnostic diagnostic : diagnosticsOn(path)) {
                if (Diagnostics.contains(diagnostic.getRange(), params.getPosition())
                    && ruleId(diagnostic) != null) {
                  String text = Diagnostics.explanation(rule(ruleId(diagnostic)), docsUrl);
                  return text == null
                      ? null
                      : new Hover(new MarkupContent(MarkupKind.MARKDOWN, text));
                }
              }
            } catch (RuntimeException e) {
              log("hover failed: " + e);
            }
            return null;
          });
    }
  }

  private final class WorkspaceFiles implements WorkspaceService {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
      // threatlint's settings are in .threatlint.yaml, not in the editor
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
      submit(Workspace.this::analyseAll);
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
      if (EXPLAIN_COMMAND.equals(params.getCommand())
          && params.getArguments() != null
          && !params.getArguments().isEmpty()) {
        String ruleId = String.valueOf(params.getArguments().get(0)).replace("\"", "");
        if (rule(ruleId) != null) {
          ShowDocumentParams show = new ShowDocumentParams(docsUrl.of(ruleId));
          show.setExternal(true);
          return client.showDocument(show).thenApply(result -> null);
        }
      }
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Analyses after {@code delayMillis}, unless the document changes again before. */
  private void schedule(Path path, long delayMillis) {
    // scheduled while the entry is locked: a delay of 0 may run the analysis at once, and its
    // pending.remove must come after this put, not before it (it would leave a finished entry)
    pending.compute(
        path,
        (key, previous) -> {
          if (previous != null) {
            previous.cancel(false);
          }
          return analysis.schedule(() -> changed(path), delayMillis, TimeUnit.MILLISECONDS);
        });
  }

  private void submit(Runnable task) {
    analysis.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log("analysis failed: " + e);
          }
        });
  }

  /**
   * A document opened, edited or saved: itself when it is a root, else every open root (it may be
   * their fragment).
   */
  private void changed(Path path) {
    try {
      pending.remove(path);
      if (isConfiguration(path)) {
        analyseAll();
        return;
      }
      OpenDocument document = open.get(path);
      if (document == null) {
        return;
      }
      // whether a saved file is a root changes only when it is saved: a large spec is not read
      // again after each edit to tell
      boolean root =
          unsettled.remove(path) || !Files.isRegularFile(path)
              ? isRoot(path, document)
              : roots.contains(path);
      analyseAffected(path, root);
    } catch (RuntimeException e) {
      log("analysis of " + path + " failed: " + e);
    }
  }

  /**
   * A root as check tells one, by its saved file; a buffer that has no file yet, by its text. The
   * saved file decides while there is one, so that text made invalid by typing does not turn a root
   * into a fragment.
   */
  private static boolean isRoot(Path path, OpenDocument document) {
    return Files.isRegularFile(path)
        ? new SpecFinder(path.getParent(), SourceReader.DEFAULT_MAX_BYTES).isRootDocument(path)
        : SpecFinder.hasRootKey(document.text());
  }

  /**
   * Analyses what a change of {@code path} affects: itself when it is an open root, and the roots
   * whose last analysis read or looked for it (it may be their fragment, or a root they reference).
   * A file that is no open root any more is forgotten as a root.
   */
  private void analyseAffected(Path path, boolean isOpenRoot) {
    if (isOpenRoot) {
      roots.add(path);
    } else if (roots.remove(path)) {
      byRoot.remove(path);
      referenced.remove(path);
      cache.forget(path);
    }
    Path real = realPath(path);
    for (Path root : List.copyOf(roots)) {
      Set<Path> files = referenced.getOrDefault(root, Set.of());
      if (root.equals(path) || files.contains(path) || files.contains(real)) {
        analyse(root);
      }
    }
    publish();
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  private void analyseAll() {
    for (Path root : List.copyOf(roots)) {
      analyse(root);
    }
    publish();
  }

  /**
   * Runs the check on one root document with every open buffer as overlay, and keeps its
   * diagnostics by file.
   */
  private void analyse(Path root) {
    Path workspaceFolder = folderOf(root);
    CheckResult result;
    try {
      result = Check.run(request(root, workspaceFolder, null));
      rememberConfiguration(workspaceFolder);
    } catch (CheckException e) {
      if (e.setting() != CheckException.Setting.CONFIGURATION) {
        log(e.getMessage());
        return;
      }
      brokenConfiguration = configurationFile(workspaceFolder);
      configurationProblem = e;
      try {
        // analysis goes on with the configuration as it was when it last worked (or with none)
        result =
            Check.run(
                request(
                    root,
                    workspaceFolder,
                    lastGoodConfiguration == null ? emptyConfiguration() : lastGoodConfiguration));
      } catch (CheckException again) {
        log(again.getMessage());
        return;
      }
    }
    docsUrl = result.configuration().docsUrl();
    Map<Path, List<Diagnostic>> diagnostics = new HashMap<>();
    diagnostics.put(root, new ArrayList<>());
    for (Finding finding : result.result().findings()) {
      if (!finding.isSuppressed()) {
        diagnostics
            .computeIfAbsent(resolve(workspaceFolder, finding.file()), file -> new ArrayList<>())
            .add(
                Diagnostics.of(
                    finding, docsUrl, file -> resolve(workspaceFolder, file).toUri().toString()));
      }
    }
    for (ToolError error : result.result().errors()) {
      Path file = resolve(workspaceFolder, error.file());
      List<Diagnostic> onFile = diagnostics.computeIfAbsent(file, key -> new ArrayList<>());
      if (error.ruleId() == null) {
        // the file cannot be read or parsed: its findings would be guesses, the error is what to
        // fix
        onFile.removeIf(diagnostic -> ruleId(diagnostic) != null);
      }
      onFile.add(Diagnostics.of(error));
    }
    byRoot.put(root, diagnostics);
    referenced.put(
        root,
        result
            .referencedFiles()
            .getOrDefault(CheckRequest.displayPath(workspaceFolder, root), Set.of()));
  }

  private CheckRequest request(Path root, Path workspaceFolder, Path configurationFile) {
    CheckRequest.Builder request =
        CheckRequest.builder(workspaceFolder, catalog)
            .files(List.of(root))
            .configSearchFrom(workspaceFolder)
            .root(workspaceFolder)
            // one document, on one worker; with a second core, swagger-parser's model is built on
            // it while the rules run (as check does for fewer files than cores)
            .threads(2)
            .cache(cache);
    open.forEach((path, document) -> request.overlay(path, document.text()));
    if (configurationFile != null) {
      request.configFile(configurationFile, ConfigurationLoader.FILE_NAMES.get(0));
    }
    return request.build();
  }

  /** After a check that read it: the configuration works, keep a copy of it. */
  private void rememberConfiguration(Path workspaceFolder) {
    brokenConfiguration = null;
    configurationProblem = null;
    Path file = configurationFile(workspaceFolder);
    try {
      if (file == null) {
        lastGoodConfiguration = null;
        return;
      }
      if (lastGoodConfiguration == null) {
        lastGoodConfiguration = Files.createTempFile("threatlint-lsp-", ".yaml");
        lastGoodConfiguration.toFile().deleteOnExit();
      }
      Files.copy(file, lastGoodConfiguration, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      log("cannot keep a copy of " + file + ": " + e.getMessage());
    }
  }

  private Path emptyConfiguration() {
    try {
      Path empty = Files.createTempFile("threatlint-lsp-", ".yaml");
      empty.toFile().deleteOnExit();
      Files.writeString(empty, "{}\n");
      return empty;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path configurationFile(Path workspaceFolder) {
    try {
      return ConfigurationLoader.find(workspaceFolder).orElse(null);
    } catch (ConfigurationException e) {
      return null;
    }
  }

  private static boolean isConfiguration(Path path) {
    return path.getFileName() != null
        && ConfigurationLoader.FILE_NAMES.contains(path.getFileName().toString());
  }

  /**
   * Sends every file's diagnostics (the union over the roots that reach it), and clears those that
   * have none left.
   */
  private void publish() {
    Map<Path, List<Diagnostic>> all = new HashMap<>();
    for (Map<Path, List<Diagnostic>> diagnostics : byRoot.values()) {
      diagnostics.forEach(
          (file, list) -> {
            LinkedHashSet<Diagnostic> union =
                new LinkedHashSet<>(all.getOrDefault(file, List.of()));
            union.addAll(list);
            all.put(file, new ArrayList<>(union));
          });
    }
    if (brokenConfiguration != null && configurationProblem != null) {
      all.put(brokenConfiguration, List.of(Diagnostics.of(configurationProblem)));
    }
    Map<Path, Published> cleared = new HashMap<>(published);
    cleared.keySet().removeAll(all.keySet());
    // a closed buffer without a file is cleared on the URI it was shown on
    cleared.forEach(
        (file, shown) -> {
          send(shown.uri(), List.of());
          published.remove(file);
        });
    all.forEach(
        (file, diagnostics) -> {
          // a buffer closed meanwhile (the editor's thread) keeps the URI it was shown on: an
          // untitled one is cleared there when its close is handled, not on a file's URI
          OpenDocument document = open.get(file);
          Published shown = published.get(file);
          Published now =
              new Published(
                  document != null
                      ? document.uri()
                      : shown != null ? shown.uri() : file.toUri().toString(),
                  diagnostics);
          Published before =
              diagnostics.isEmpty() ? published.remove(file) : published.put(file, now);
          if (!now.equals(before) && !(before == null && diagnostics.isEmpty())) {
            send(now.uri(), diagnostics);
          }
        });
  }

  private void send(String uri, List<Diagnostic> diagnostics) {
    LanguageClient languageClient = client;
    if (languageClient != null) {
      languageClient.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
    }
  }

  private List<Diagnostic> diagnosticsOn(Path file) {
    CompletableFuture<List<Diagnostic>> found = new CompletableFuture<>();
    analysis.execute(
        () -> {
          List<Diagnostic> diagnostics = new ArrayList<>();
          byRoot
              .values()
              .forEach(byFile -> diagnostics.addAll(byFile.getOrDefault(file, List.of())));
          found.complete(diagnostics);
        });
    return found.join();
  }

  /**
   * The pointer of a diagnostic's node: from its data, else from the diagnostic of the same rule
   * and range that was published (for clients that do not return the data).
   */
  private String pointer(Path file, Diagnostic diagnostic) {
    String pointer = Diagnostics.pointer(diagnostic);
    if (pointer != null) {
      return pointer;
    }
    for (Diagnostic published : diagnosticsOn(file)) {
      if (published.getRange().equals(diagnostic.getRange())
          && Objects.equals(ruleId(published), ruleId(diagnostic))) {
        return Diagnostics.pointer(published);
      }
    }
    return null;
  }

  /**
   * How many entries the server keeps for documents (open texts, roots, their diagnostics and
   * referenced files, pending analyses): zero once every document is closed and analysed.
   */
  int documentsHeld() {
    CompletableFuture<Integer> held = new CompletableFuture<>();
    analysis.execute(
        () ->
            held.complete(
                open.size()
                    + roots.size()
                    + byRoot.size()
                    + referenced.size()
                    + pending.size()
                    + unsettled.size()
                    + cache.size()));
    return held.join();
  }

  private RuleDescriptor rule(String ruleId) {
    return catalog.stream().filter(rule -> rule.id().equals(ruleId)).findFirst().orElse(null);
  }

  private static String ruleId(Diagnostic diagnostic) {
    return diagnostic.getCode() == null || !diagnostic.getCode().isLeft()
        ? null
        : diagnostic.getCode().getLeft();
  }

  /** The workspace folder, or the document's own folder when the editor opened no folder. */
  private Path folderOf(Path path) {
    Path workspaceFolder = folder;
    return workspaceFolder != null ? workspaceFolder : path.getParent();
  }

  /** A file as a report names it (relative to the folder, or absolute), as an absolute path. */
  private static Path resolve(Path workspaceFolder, String displayPath) {
    return workspaceFolder.resolve(displayPath).toAbsolutePath().normalize();
  }

  static Path filePath(String uri) {
    return Path.of(URI.create(uri)).toAbsolutePath().normalize();
  }

  /**
   * The file a document stands for: the file of a {@code file:} URI; for a buffer that has no file
   * ({@code untitled:}), a file of that name in the workspace folder, so that its relative
   * references start from the folder and stay inside it.
   */
  private Path path(String uri) {
    if ("file".equalsIgnoreCase(URI.create(uri).getScheme())) {
      return filePath(uri);
    }
    return unsavedFolder().resolve(uri.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /**
   * Where buffers without a file are: the workspace folder, or without one an empty folder of their
   * own (their references then reach nothing).
   */
  private Path unsavedFolder() {
    Path workspaceFolder = folder;
    if (workspaceFolder != null) {
      return workspaceFolder;
    }
    synchronized (this) {
      if (noFolder == null) {
        try {
          noFolder = Files.createTempDirectory("threatlint-lsp-");
          noFolder.toFile().deleteOnExit();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return noFolder;
    }
  }

  private void log(String message) {
    LanguageClient languageClient = client;
    if (languageClient != null) {
      languageClient.logMessage(new MessageParams(MessageType.Error, "threatlint: " + message));
    } else {
      System.err.println("threatlint: " + message);
    }
  }
}

package io.github.threatlint.maven;

import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Mitigation;
import io.github.threatlint.core.engine.ToolError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folder SARIF paths are relative to. GitHub code scanning reads a SARIF path relative to the
 * repository, and the build's log and other reports name files relative to where Maven was started.
 * While every file lies under that folder, it serves SARIF too; a file outside it (a fragment
 * shared across modules) would be an absolute {@code file:} URI, which code scanning cannot place,
 * so then SARIF names every file relative to the repository root instead.
 */
final class RepositoryPaths {
  private RepositoryPaths() {}

  /**
   * The nearest folder from {@code start} upward that holds {@code .git} (a folder, or a file in a
   * worktree), else {@code start}.
   */
  static Path repositoryRoot(Path start) {
    Path folder = start.toAbsolutePath().normalize();
    for (Path candidate = folder; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve(".git"))) {
        return candidate;
      }
    }
    return folder;
  }

  /**
   * The folder SARIF paths are relative to, for this result: the display root, else the repository
   * root.
   */
  static Path sarifRoot(AnalysisResult result, Path displayRoot, Path projectDirectory) {
    boolean outside =
        result.findings().stream().anyMatch(finding -> isAbsolute(finding.file()))
            || result.errors().stream().anyMatch(error -> isAbsolute(error.file()));
    return outside ? repositoryRoot(projectDirectory) : displayRoot;
  }

  /**
   * The result with its files named relative to {@code root} ({@code ../} segments for those
   * outside it).
   */
  static AnalysisResult relativeTo(AnalysisResult result, Path displayRoot, Path root) {
    if (root.equals(displayRoot)) {
      return result;
    }
    List<Finding> findings =
        result.findings().stream()
            .map(
                f ->
                    new Finding(
                        f.ruleId(),
                        f.level(),
                        f.message(),
                        rebase(f.file(), displayRoot, root),
                        f.pointer(),
                        f.region(),
                        f.suppression()))
            .toList();
    List<ToolError> errors =
        result.errors().stream()
            .map(
                e ->
                    new ToolError(
                        rebase(e.file(), displayRoot, root),
                        e.line(),
                        e.column(),
                        e.ruleId(),
                        e.pointer(),
                        e.message()))
            .toList();
    List<String> files =
        result.files().stream().map(file -> rebase(file, displayRoot, root)).toList();
    List<Mitigation> evidence =
        result.evidence().stream()
            .map(
                m ->
                    new Mitigation(
                        m.id(),
                        m.shown(),
                        m.ruleId(),
                        m.description(),
                        rebase(m.file(), displayRoot, root),
                        m.pointer(),
                        m.region()))
            .toList();
    return new AnalysisResult(findings, errors, files, result.rules(), evidence);
  }

  private static String rebase(String file, Path displayRoot, Path root) {
    Path absolute = displayRoot.resolve(file).toAbsolutePath().normalize();
    return root.toAbsolutePath().normalize().relativize(absolute).toString().replace('\\', '/');
  }

  private static boolean isAbsolute(String file) {
    return Path.of(file).isAbsolute();
  }
}

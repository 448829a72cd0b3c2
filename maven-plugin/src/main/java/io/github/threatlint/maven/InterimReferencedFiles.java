package io.github.threatlint.maven;

import io.github.threatlint.core.model.ExternalFiles;
import io.github.threatlint.core.model.ExternalFiles.Loaded;
import io.github.threatlint.core.source.ParsedFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The files that {@code $ref}s lead to, loaded in the plugin until analyzer-core has its own confined
 * loader, which will replace this class. A reference is followed only when it is a relative path
 * whose target lies inside {@code root}, as written and after symbolic links; URLs are never fetched
 * during a build. Each file is read and parsed once per run.
 */
final class InterimReferencedFiles {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final Path root;
  private final Path realRoot;
  private final Path displayRoot;
  private final SourceReader reader = new SourceReader(SourceReader.DEFAULT_MAX_BYTES);
  private final Map<Path, Loaded> files = new ConcurrentHashMap<>();

  private InterimReferencedFiles(Path root, Path displayRoot) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = root.toRealPath();
    if (!Files.isDirectory(realRoot)) {
      throw new IOException(root + " is not a folder");
    }
    this.displayRoot = displayRoot;
  }

  /** The loader for each root document of a run, confined to {@code root}. */
  static Function<ParsedFile, ExternalFiles> confinedTo(Path root, Path displayRoot) throws IOException {
    InterimReferencedFiles files = new InterimReferencedFiles(root, displayRoot);
    return rootDocument -> files::load;
  }

  private Loaded load(ParsedFile from, String location) {
    if (SCHEME.matcher(location).find()) {
      boolean remote = location.startsWith("http:") || location.startsWith("https:");
      return new Loaded(null, remote ? "references to URLs are not fetched during a Maven build"
          : "only relative file references are followed", remote);
    }
    if (from.source().path() == null || location.startsWith("/") || location.startsWith("\\")) {
      return Loaded.refused("only references relative to the referring file are followed");
    }
    Path target;
    try {
      target = from.source().path().toAbsolutePath().normalize().resolveSibling(location).normalize();
    } catch (InvalidPathException e) {
      return Loaded.refused("'" + location + "' is not a file path");
    }
    if (!target.startsWith(root)) {
      return Loaded.refused(location + " is outside the root folder " + root + " (parameter root)");
    }
    return files.computeIfAbsent(target, this::read);
  }

  private Loaded read(Path target) {
    try {
      if (!target.toRealPath().startsWith(realRoot)) {
        return Loaded.refused(CheckRunner.display(displayRoot, target) + " leads outside the root folder through a symbolic link");
      }
      return new Loaded(TreeParser.parse(reader.read(target, CheckRunner.display(displayRoot, target))), null, false);
    } catch (IOException e) {
      return Loaded.refused(CheckRunner.display(displayRoot, target) + ": no such file");
    } catch (SourceException e) {
      return Loaded.refused(e.getMessage());
    }
  }
}

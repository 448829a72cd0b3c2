package io.github.threatlint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the SPEC arguments into the root documents to analyse. A file is taken as named. A folder,
 * or a glob such as {@code 'specs/**.yaml'}, stands for the root documents under it: YAML and JSON
 * files with a top-level {@code openapi} or {@code swagger} key. Fragments (files that other files
 * reference) are skipped there; they are read when a root document references them. With
 * {@code documentsOnly}, a named file that is no root document is skipped too. Each document is
 * listed once, however many arguments name it.
 */
final class SpecFinder {
  private static final Pattern YAML_ROOT_KEY = Pattern.compile("(?m)^([\"']?)(openapi|swagger)\\1[ \\t]*:");
  private static final JsonFactory JSON = new JsonFactory();

  private final Path workingDirectory;
  private final SourceReader reader;
  private final boolean documentsOnly;

  SpecFinder(Path workingDirectory, long maxFileBytes, boolean documentsOnly) {
    this.workingDirectory = workingDirectory;
    this.reader = new SourceReader(maxFileBytes);
    this.documentsOnly = documentsOnly;
  }

  /** The documents the arguments name, in argument order (sorted within a folder or glob). */
  List<Path> find(List<String> arguments) throws NoDocumentException {
    Set<Path> found = new LinkedHashSet<>();
    for (String argument : arguments) {
      Path path = workingDirectory.resolve(argument);
      if (Files.isDirectory(path)) {
        List<Path> documents = rootDocuments(path, file -> true);
        if (documents.isEmpty()) {
          throw new NoDocumentException("no OpenAPI or Swagger document (a YAML or JSON file with a top-level 'openapi' or "
              + "'swagger' key) under " + argument);
        }
        addAll(found, documents);
      } else if (isGlob(argument) && !Files.exists(path)) {
        List<Path> documents = glob(argument);
        if (documents.isEmpty()) {
          throw new NoDocumentException("no OpenAPI or Swagger document matches " + argument);
        }
        addAll(found, documents);
      } else if (!documentsOnly || (Files.isRegularFile(path) && isRootDocument(path))) {
        addAll(found, List.of(path));
      }
    }
    return List.copyOf(found);
  }

  private void addAll(Set<Path> found, List<Path> documents) {
    Set<Path> seen = new LinkedHashSet<>();
    for (Path known : found) {
      seen.add(known.toAbsolutePath().normalize());
    }
    for (Path document : documents) {
      if (seen.add(document.toAbsolutePath().normalize())) {
        found.add(document);
      }
    }
  }

  static boolean isGlob(String argument) {
    return argument.indexOf('*') >= 0 || argument.indexOf('?') >= 0 || argument.indexOf('[') >= 0 || argument.indexOf('{') >= 0;
  }

  /** The root documents that match a glob, searched from the longest folder prefix without glob characters. */
  private List<Path> glob(String pattern) {
    String normalized = pattern.replace('\\', '/');
    int firstGlob = firstGlobCharacter(normalized);
    int slash = normalized.lastIndexOf('/', firstGlob);
    FileSystem fileSystem = workingDirectory.getFileSystem();
    Path prefix = fileSystem.getPath(slash < 0 ? "" : slash == 0 ? "/" : normalized.substring(0, slash));
    Path start = workingDirectory.resolve(prefix).normalize();
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    // '**/' also matches no folder at all, as in shells with globstar: a/**/*.yaml finds a/x.yaml
    PathMatcher matcher = fileSystem.getPathMatcher("glob:" + normalized);
    PathMatcher withoutFolder = fileSystem.getPathMatcher("glob:" + normalized.replace("**/", ""));
    // a relative pattern is matched against the path as written: its folder prefix, then the rest
    boolean absolute = prefix.isAbsolute();
    return rootDocuments(start, file -> {
      Path named = absolute ? file : prefix.resolve(start.relativize(file));
      return matcher.matches(named) || withoutFolder.matches(named);
    });
  }

  private static int firstGlobCharacter(String pattern) {
    int first = pattern.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int at = pattern.indexOf(c);
      if (at >= 0) {
        first = Math.min(first, at);
      }
    }
    return first;
  }

  private interface FileFilter {
    boolean accept(Path file);
  }

  private List<Path> rootDocuments(Path folder, FileFilter filter) {
    List<Path> documents = new ArrayList<>();
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean skipped = !dir.equals(folder) && (name.startsWith(".") || name.equals("node_modules"));
          return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile() && hasSpecExtension(file) && filter.accept(file) && isRootDocument(file)) {
            documents.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    documents.sort(null);
    return documents;
  }

  private static boolean hasSpecExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /**
   * True when the file has a top-level {@code openapi} or {@code swagger} key. Only the text is
   * scanned (JSON: the top-level keys; YAML: keys at the start of a line), nothing is indexed: a
   * fragment is parsed once, when a root document references it.
   */
  boolean isRootDocument(Path file) {
    String text;
    try {
      text = reader.read(file, file.toString()).text();
    } catch (SourceException e) {
      return false;
    }
    String start = text.stripLeading();
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1).stripLeading();
    }
    if (!start.startsWith("{")) {
      return YAML_ROOT_KEY.matcher(text).find();
    }
    try (JsonParser parser = JSON.createParser(start)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (name.equals("openapi") || name.equals("swagger")) {
          return true;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** A folder or glob that names no document: a usage error. */
  static final class NoDocumentException extends Exception {
    NoDocumentException(String message) {
      super(message);
    }
  }
}

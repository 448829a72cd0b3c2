package io.github.threatlint.core.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import io.github.threatlint.core.vocabulary.Glob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the root documents to analyse, for every front end: the command line's SPEC arguments
 * ({@link #find}) and the Maven plugin's folder with includes and excludes ({@link #scan}). A file
 * named without wildcards is taken as named. A folder or a {@link Glob} stands for the root
 * documents it reaches: {@code .yaml}, {@code .yml} and {@code .json} files with a top-level {@code
 * openapi} or {@code swagger} key ({@link #isRootDocument}), and the files that look like one but
 * cannot be read or parsed, which the analysis then reports; the other files it reaches are
 * fragments, read when a root document references them. Hidden folders and {@code node_modules} are
 * not searched.
 */
public final class SpecFinder {
  private static final Pattern YAML_ROOT_KEY =
      Pattern.compile("(?m)^([\"']?)(openapi|swagger)\\1[ \\t]*:");
  private static final Pattern NAMES_ROOT_KEY = Pattern.compile("\\b(openapi|swagger)\\b");
  private static final JsonFactory JSON = new JsonFactory();

  /** How much of a file the search reads first for a root key: a specification names it early. */
  private static final int HEAD_BYTES = 8192;

  private final Path workingDirectory;
  private final SourceReader reader;
  private final boolean documentsOnly;

  /**
   * @param workingDirectory relative arguments and patterns are resolved against this folder
   * @param maxFileBytes larger files are not read to tell whether they are root documents
   */
  public SpecFinder(Path workingDirectory, long maxFileBytes) {
    this(workingDirectory, maxFileBytes, false);
  }

  /**
   * @param documentsOnly a named file that is no root document is skipped, as folders and globs
   *     skip it, instead of being analysed (and reported): for hooks that pass every changed YAML
   *     or JSON file
   */
  public SpecFinder(Path workingDirectory, long maxFileBytes, boolean documentsOnly) {
    this.workingDirectory = workingDirectory;
    this.reader = new SourceReader(maxFileBytes);
    this.documentsOnly = documentsOnly;
  }

  /**
   * What a search found: the root documents, in path order, and the matched files left out as
   * fragments.
   */
  public record Scan(List<Path> documents, List<Path> fragments) {}

  /** A folder or glob argument that names no root document. */
  public static final class NoDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    NoDocumentException(String message) {
      super(message);
    }
  }

  /**
   * The documents the command-line arguments name, in argument order (sorted within a folder or
   * glob), each once however many arguments name it.
   */
  public List<Path> find(List<String> arguments) throws NoDocumentException {
    return List.copyOf(findByArgument(arguments).keySet());
  }

  /** The documents of {@link #find}, in its order, each with the argument that named it first. */
  public Map<Path, String> findByArgument(List<String> arguments) throws NoDocumentException {
    Map<Path, String> found = new LinkedHashMap<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (String argument : arguments) {
      Path path = workingDirectory.resolve(argument);
      List<Path> documents;
      if (Files.isDirectory(path)) {
        documents = searchArgument(argument, path, file -> true).documents();
        if (documents.isEmpty()) {
          throw new NoDocumentException(
              "no OpenAPI or Swagger document (a YAML or JSON file with a top-level 'openapi' or "
                  + "'swagger' key) under "
                  + argument);
        }
      } else if (Glob.isGlob(argument) && !Files.exists(path)) {
        documents = glob(argument).documents();
        if (documents.isEmpty()) {
          throw new NoDocumentException("no OpenAPI or Swagger document matches " + argument);
        }
      } else if (!documentsOnly || (Files.isRegularFile(path) && isTaken(path))) {
        documents = List.of(path);
      } else {
        documents = List.of();
      }
      for (Path document : documents) {
        if (seen.add(document.toAbsolutePath().normalize())) {
          found.put(document, argument);
        }
      }
    }
    return found;
  }

  /**
   * The folder an argument names or lies in: a folder itself, a file's folder, a glob's longest
   * folder prefix without wildcards (as absolute, normalized paths).
   */
  public Path folderOf(String argument) {
    Path path = workingDirectory.resolve(argument).toAbsolutePath().normalize();
    if (Files.isDirectory(path)) {
      return path;
    }
    if (Glob.isGlob(argument) && !Files.exists(path)) {
      String prefix = literalPrefix(argument.replace('\\', '/'));
      return workingDirectory.resolve(prefix).toAbsolutePath().normalize();
    }
    Path folder = path.getParent();
    return folder != null ? folder : path;
  }

  /**
   * The documents under {@code base} that an include matches and no exclude does, in path order.
   * Patterns are relative to {@code base}; one ending in {@code /} stands for everything below that
   * folder. An include without wildcards names one file, which is always taken (so that a misspelt
   * name is reported instead of silently checking nothing).
   */
  public Scan scan(Path base, List<String> includes, List<String> excludes) throws IOException {
    Path folder = base.toAbsolutePath().normalize();
    List<Glob> excluded = excludes.stream().map(SpecFinder::normalize).map(Glob::compile).toList();
    Predicate<Path> kept =
        file -> excluded.stream().noneMatch(glob -> glob.matches(relative(folder, file)));
    Set<Path> documents = new TreeSet<>();
    Set<Path> fragments = new TreeSet<>();
    for (String include : includes) {
      String pattern = normalize(include);
      if (!Glob.isGlob(pattern)) {
        Path file = folder.resolve(pattern).normalize();
        if (kept.test(file)) {
          documents.add(file);
        }
        continue;
      }
      Glob included = Glob.compile(pattern);
      Scan scan =
          search(
              folder.resolve(literalPrefix(pattern)).normalize(),
              file -> included.matches(relative(folder, file)) && kept.test(file));
      documents.addAll(scan.documents());
      fragments.addAll(scan.fragments());
    }
    fragments.removeAll(documents);
    return new Scan(List.copyOf(documents), List.copyOf(fragments));
  }

  /**
   * The root documents that match a command-line glob, searched from its longest folder prefix
   * without wildcards.
   */
  private Scan glob(String argument) throws NoDocumentException {
    String pattern = argument.replace('\\', '/');
    String prefix = literalPrefix(pattern);
    Path prefixPath = workingDirectory.getFileSystem().getPath(prefix.isEmpty() ? "" : prefix);
    Path start = workingDirectory.resolve(prefixPath).normalize();
    Glob glob = Glob.compile(pattern);
    // a relative pattern is matched against the path as written: its folder prefix, then the rest
    boolean absolute = prefixPath.isAbsolute();
    return searchArgument(
        argument,
        start,
        file ->
            glob.matches(slashes(absolute ? file : prefixPath.resolve(start.relativize(file)))));
  }

  private Scan searchArgument(String argument, Path folder, Predicate<Path> filter)
      throws NoDocumentException {
    try {
      return search(folder, filter);
    } catch (IOException e) {
      throw new NoDocumentException("cannot search " + argument + ": " + e.getMessage());
    }
  }

  /**
   * The YAML and JSON files under {@code folder} that {@code filter} accepts, split into root
   * documents and fragments.
   */
  private Scan search(Path folder, Predicate<Path> filter) throws IOException {
    List<Path> documents = new ArrayList<>();
    List<Path> fragments = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return new Scan(List.of(), List.of());
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            boolean skipped =
                !dir.equals(folder) && (name.startsWith(".") || name.equals("node_modules"));
            return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && hasSpecExtension(file) && filter.test(file)) {
              (isTaken(file) ? documents : fragments).add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    documents.sort(null);
    fragments.sort(null);
    return new Scan(documents, fragments);
  }

  /** What a search makes of a YAML or JSON file it reaches. */
  private enum Kind {
    /** A root document: analysed. */
    DOCUMENT,
    /** No root document: read only when a root document references it. */
    FRAGMENT,
    /**
     * A file that cannot be read (size, encoding, binary) or that names {@code openapi} or {@code
     * swagger} but cannot be parsed: analysed, so that the analysis reports why in one line instead
     * of the search leaving it out silently.
     */
    UNREADABLE
  }

  /**
   * True when the file has a top-level {@code openapi} or {@code swagger} key: the one test of
   * threatlint for "a specification of its own, not a fragment".
   */
  public boolean isRootDocument(Path file) {
    return kind(file) == Kind.DOCUMENT;
  }

  /**
   * The text is scanned first (JSON: the top-level keys; YAML: keys at the start of a line), and a
   * file is parsed only when that finds no root key but the text names one (flow-style YAML, an
   * explicit {@code ? openapi} key, broken JSON): a fragment is otherwise parsed once, when a root
   * document references it.
   */
  private Kind kind(Path file) {
    SourceFile source;
    try {
      source = reader.read(file, file.toString());
    } catch (SourceException e) {
      return Kind.UNREADABLE;
    }
    String text = source.text();
    if (hasRootKey(text)) {
      return Kind.DOCUMENT;
    }
    if (!NAMES_ROOT_KEY.matcher(text).find()) {
      return Kind.FRAGMENT;
    }
    try {
      JsonNode root = TreeParser.parse(source).root();
      return root.has("openapi") || root.has("swagger") ? Kind.DOCUMENT : Kind.FRAGMENT;
    } catch (SourceException e) {
      return Kind.UNREADABLE;
    }
  }

  /**
   * Whether a search takes a regular file for analysis: a root document, or a file that cannot be
   * read or parsed ({@link Kind#UNREADABLE}). Its head decides when it has a root key, else the
   * whole file ({@link #kind}).
   */
  private boolean isTaken(Path file) {
    return headHasRootKey(file) || kind(file) != Kind.FRAGMENT;
  }

  /**
   * True when the file's first {@value #HEAD_BYTES} bytes, as UTF-8, have a root key ({@link
   * #hasRootKey}): then the whole text has it too, since the test looks no further than the key,
   * and the search need not read and decode the whole file, which the analysis reads again (the
   * directory corpus: 202 files, 23 MB, read on one thread before any analysis starts). A byte
   * sequence the head cuts or that is not UTF-8 becomes U+FFFD, which no key or line break holds. A
   * file the whole text would call unreadable (not UTF-8, too large, binary) is taken either way,
   * and the analysis reports why. False (the whole file decides) when the head has no root key or
   * cannot be read.
   */
  private static boolean headHasRootKey(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      return false;
    }
    return hasRootKey(new String(head, StandardCharsets.UTF_8));
  }

  /**
   * True when the text, YAML or JSON, has a top-level {@code openapi} or {@code swagger} key at the
   * start of a line: the first test of {@link #isRootDocument}, also for text that is not (or not
   * yet) a file, as an editor's buffer.
   */
  public static boolean hasRootKey(String text) {
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

  private static boolean hasSpecExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /**
   * Slashes, no leading {@code ./}, and a trailing {@code /} standing for everything below the
   * folder.
   */
  private static String normalize(String pattern) {
    String normalized = pattern.trim().replace('\\', '/');
    while (normalized.startsWith("./")) {
      normalized = normalized.substring(2);
    }
    return normalized.endsWith("/") ? normalized + "**" : normalized;
  }

  /**
   * The leading folders of a pattern that hold no wildcard, where a search starts: {@code a/b/} of
   * {@code a/b/**}{@code /*.yaml}.
   */
  static String literalPrefix(String pattern) {
    int slash = -1;
    for (int i = 0; i < pattern.length() && !Glob.isGlob(String.valueOf(pattern.charAt(i))); i++) {
      if (pattern.charAt(i) == '/') {
        slash = i;
      }
    }
    return slash < 0 ? "" : pattern.substring(0, slash + 1);
  }

  private static String relative(Path base, Path file) {
    return file.startsWith(base) ? slashes(base.relativize(file)) : slashes(file);
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}

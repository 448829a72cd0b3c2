package io.github.threatlint.core.resolve;

import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ExternalFiles.Loaded;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files that references lead to, for one run: each is read, parsed and indexed once, keyed by
 * its real path (or its URL), and shared by every root document of the run. Safe to use from the
 * threads that analyse documents in parallel.
 *
 * <p>Confinement: a local reference is followed only when it is relative to the referring file and
 * its target lies inside the root folder (the run's, or the one its root document was given), both
 * as written ({@code ../} cannot climb out) and after symbolic links are resolved. Absolute paths,
 * {@code file:} URLs and other schemes are refused. A refused file is never opened. Remote
 * references follow {@link RemoteFiles}.
 */
public final class SpecFiles {
  /** Reads the text of one file; the seam through which tests see which files were opened. */
  @FunctionalInterface
  public interface TextReader {
    SourceFile read(Path path, String displayPath) throws SourceException;
  }

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

  private final Root root;

  /** The other root folders that root documents were given, by their absolute path. */
  private final ConcurrentHashMap<Path, Root> otherRoots = new ConcurrentHashMap<>();

  private final Path workingDirectory;
  private final Path realWorkingDirectory;
  private final TextReader reader;

  /**
   * The real paths ({@link #realPathOf}) of files whose text the reader holds in memory (an
   * editor's unsaved buffers): such a file is read even when it is not on disk yet.
   */
  private final Set<Path> buffers;

  private final RemoteFiles remote;
  private final RemoteFiles.Budget remoteBudget;

  /** Each file by its real path (a {@link Path}) or its URL (a {@link URI}). */
  private final ConcurrentHashMap<Object, CompletableFuture<Loaded>> files =
      new ConcurrentHashMap<>();

  /**
   * The local files each root document's references named (by the root's display path), as absolute
   * paths: those read, and those missing or refused too (creating or fixing one changes the
   * document's result).
   */
  private final ConcurrentHashMap<String, Set<Path>> named = new ConcurrentHashMap<>();

  /** The URL each fetched file came from, to resolve the relative references inside it. */
  private final Map<ParsedFile, URI> remoteOrigins =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * @param rootDirectory references may only reach files inside this folder (it must exist)
   * @param workingDirectory reports name files relative to this folder, as they name root documents
   * @param maxFileBytes larger files are refused
   * @param remote what to do with {@code http(s):} references
   */
  public SpecFiles(Path rootDirectory, Path workingDirectory, long maxFileBytes, RemoteFiles remote)
      throws IOException {
    this(rootDirectory, workingDirectory, new SourceReader(maxFileBytes)::read, remote);
  }

  public SpecFiles(Path rootDirectory, Path workingDirectory, TextReader reader, RemoteFiles remote)
      throws IOException {
    this(rootDirectory, workingDirectory, reader, Set.of(), remote);
  }

  /**
   * @param buffers files whose text {@code reader} holds in memory, read even when they are not on
   *     disk (they are confined as files on disk are)
   */
  public SpecFiles(
      Path rootDirectory,
      Path workingDirectory,
      TextReader reader,
      Set<Path> buffers,
      RemoteFiles remote)
      throws IOException {
    this.root = new Root(rootDirectory.toAbsolutePath().normalize(), rootDirectory.toRealPath());
    if (!Files.isDirectory(root.real())) {
      throw new IOException(rootDirectory + " is not a folder");
    }
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.realWorkingDirectory = realOrSame(this.workingDirectory);
    this.reader = reader;
    Set<Path> realBuffers = new java.util.HashSet<>();
    for (Path buffer : buffers) {
      realBuffers.add(realPathOf(buffer));
    }
    this.buffers = Set.copyOf(realBuffers);
    this.remote = remote;
    this.remoteBudget = remote.newBudget();
  }

  /**
   * The loader for the files one root document references (the root itself included, by its own
   * name), inside the run's root folder.
   */
  public ExternalFiles forDocument(ParsedFile rootDocument) {
    return forDocument(rootDocument, root);
  }

  /**
   * The loader for the files one root document references, inside {@code rootDirectory} instead of
   * the run's root folder: for a document the user named outside that folder.
   */
  public ExternalFiles forDocument(ParsedFile rootDocument, Path rootDirectory) {
    Path folder = rootDirectory.toAbsolutePath().normalize();
    return forDocument(
        rootDocument,
        folder.equals(root.path())
            ? root
            : otherRoots.computeIfAbsent(folder, named -> new Root(named, realOrSame(named))));
  }

  private ExternalFiles forDocument(ParsedFile rootDocument, Root confinement) {
    Document document =
        new Document(
            rootDocument,
            confinement,
            realPath(rootDocument),
            named.computeIfAbsent(
                rootDocument.displayPath(), displayPath -> ConcurrentHashMap.newKeySet()));
    return (from, location) -> load(document, from, location);
  }

  /**
   * The local files the references of each root document analysed so far named, by the root's
   * display path: as written (normalized) and, when they exist, as real paths.
   */
  public Map<String, Set<Path>> filesNamed() {
    Map<String, Set<Path>> copy = new TreeMap<>();
    named.forEach((displayPath, files) -> copy.put(displayPath, Set.copyOf(files)));
    return Collections.unmodifiableMap(copy);
  }

  /** A path's real path, or why it is not read. */
  private record Located(Path real, String problem) {}

  /**
   * A folder references may not leave, as named and as its real path, with each path a reference
   * named inside it, as written and normalized, checked once: links resolved, confinement.
   */
  private record Root(Path path, Path real, ConcurrentHashMap<Path, Located> locations) {
    Root(Path path, Path real) {
      this(path, real, new ConcurrentHashMap<>());
    }
  }

  /**
   * A root document, the folder its references may not leave and its real path (null for standard
   * input), so a reference back to it finds it.
   */
  private record Document(ParsedFile file, Root root, Path realPath, Set<Path> named) {}

  private static Path realPath(ParsedFile file) {
    try {
      return file.source().path() == null ? null : file.source().path().toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private Loaded load(Document rootDocument, ParsedFile from, String location) {
    Matcher scheme = SCHEME.matcher(location);
    // a single letter before ':' is a Windows drive, not a scheme: it is an absolute path
    String name =
        scheme.find() && scheme.group(1).length() > 1
            ? scheme.group(1).toLowerCase(Locale.ROOT)
            : null;
    URI origin = remoteOrigins.get(from);
    if ("http".equals(name) || "https".equals(name)) {
      return loadRemote(location, null);
    }
    if (origin != null) {
      return name != null
          ? Loaded.refused(
              "'"
                  + location
                  + "' in a remote file: only relative and http(s) references are followed")
          : loadRemote(location, origin);
    }
    if ("file".equals(name)) {
      return Loaded.refused(
          "file: URLs are not followed; reference the file by a path relative to "
              + from.displayPath()
              + ", inside "
              + shownRoot(rootDocument.root()));
    }
    if (name != null) {
      return Loaded.refused("references with the scheme '" + name + ":' are not followed");
    }
    return loadLocal(rootDocument, from, percentDecode(location));
  }

  // ---------------------------------------------------------------- local files

  private Loaded loadLocal(Document rootDocument, ParsedFile from, String location) {
    if (location.startsWith("/") || location.startsWith("\\") || location.matches("^[A-Za-z]:.*")) {
      return Loaded.refused(
          "'"
              + location
              + "' is an absolute path; only paths relative to the referring file are followed, "
              + "inside "
              + shownRoot(rootDocument.root()));
    }
    Path target;
    try {
      target = baseDirectory(from, rootDocument.root()).resolve(location).normalize();
    } catch (InvalidPathException e) {
      return Loaded.refused("'" + location + "' is not a valid file path");
    }
    // fragments carry their real path, root documents the path they were named by: either may start
    // with the root
    Root root = rootDocument.root();
    if (!target.startsWith(root.path()) && !target.startsWith(root.real())) {
      return Loaded.refused(
          "'"
              + location
              + "' leads to "
              + shown(target)
              + ", outside the root folder "
              + shownRoot(root)
              + "; it was not read (choose the root with --root)");
    }
    rootDocument.named().add(target);
    Located located = root.locations().computeIfAbsent(target, named -> locate(named, root));
    if (located.problem() != null) {
      return Loaded.refused(located.problem());
    }
    Path real = located.real();
    rootDocument.named().add(real);
    if (real.equals(rootDocument.realPath())) {
      return new Loaded(rootDocument.file(), null, false);
    }
    return cached(
        real,
        () -> {
          try {
            return new Loaded(TreeParser.parse(reader.read(real, shown(real))), null, false);
          } catch (SourceException e) {
            return Loaded.refused(describe(e));
          }
        });
  }

  /** Where a path inside the root really is (symbolic links resolved), or why it is not read. */
  private Located locate(Path target, Root root) {
    Path real;
    try {
      real = target.toRealPath();
    } catch (NoSuchFileException e) {
      Path buffer = realPathOf(target);
      if (buffers.contains(buffer)) {
        // not saved yet: the reader has its text; its folder obeys the rule of links as a file's
        return buffer.startsWith(root.real())
            ? new Located(buffer, null)
            : new Located(null, shown(target) + " " + linkOutOfRoot(buffer, shownRoot(root)));
      }
      return new Located(null, "the file " + shown(target) + " does not exist" + caseHint(target));
    } catch (IOException e) {
      return new Located(null, "the file " + shown(target) + " cannot be read: " + e.getMessage());
    }
    if (!real.startsWith(root.real())) {
      return new Located(null, shown(target) + " " + linkOutOfRoot(real, shownRoot(root)));
    }
    if (Files.isDirectory(real)) {
      return new Located(null, shown(target) + " is a folder, not a file");
    }
    return new Located(real, null);
  }

  /**
   * Why a file named inside the root folder is not read, checked as a reference's target is: a
   * symbolic link (the file or a folder on its way) leads out of the root; null when it may be
   * read, or when it is named outside the root (where the user, not the checkout, chose it). For
   * the files a run reads besides references: a configuration file found or given, the baseline.
   *
   * @param shownRoot the root folder as messages name it
   */
  public static String linkOutOfRoot(Path file, Path rootDirectory, String shownRoot) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = rootDirectory.toAbsolutePath().normalize();
    Path realRoot = realOrSame(root);
    if (!absolute.startsWith(root) && !absolute.startsWith(realRoot)) {
      return null;
    }
    Path real = realOrSame(absolute);
    return real.startsWith(realRoot) ? null : linkOutOfRoot(real, "'" + shownRoot + "'");
  }

  private static String linkOutOfRoot(Path real, String shownRoot) {
    return "is, or goes through, a symbolic link to "
        + real
        + ", outside the root folder "
        + shownRoot
        + "; it was not read";
  }

  /**
   * Names the file that differs from a missing one only in letter case: such a reference works on a
   * case-insensitive file system (macOS, Windows) and breaks on the case-sensitive ones of servers
   * and CI.
   */
  private static String caseHint(Path target) {
    Path folder = target.getParent();
    Path name = target.getFileName();
    if (folder == null || name == null || !Files.isDirectory(folder)) {
      return "";
    }
    try (var entries = Files.list(folder)) {
      return entries
          .map(Path::getFileName)
          .filter(other -> other.toString().equalsIgnoreCase(name.toString()))
          .findFirst()
          .map(
              other ->
                  " (there is "
                      + other
                      + ", whose name differs in letter case only: file names are "
                      + "case-sensitive on most systems)")
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Where the relative references of a file start: its folder (the working directory for standard
   * input).
   */
  private Path baseDirectory(ParsedFile from, Root root) {
    Path path = from.source().path();
    if (path != null) {
      Path parent = path.toAbsolutePath().normalize().getParent();
      return parent != null ? parent : root.path();
    }
    try {
      Path named = workingDirectory.resolve(from.displayPath()).normalize().getParent();
      return named != null ? named : workingDirectory;
    } catch (InvalidPathException e) {
      return workingDirectory;
    }
  }

  /**
   * How reports name a file: relative to the working directory when inside it, like root documents.
   */
  private String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base =
        absolute.startsWith(realWorkingDirectory)
            ? realWorkingDirectory
            : absolute.startsWith(workingDirectory) ? workingDirectory : null;
    String shown =
        (base == null ? absolute.toString() : base.relativize(absolute).toString())
            .replace('\\', '/');
    // the working directory itself (the default root) relativizes to nothing
    return shown.isEmpty() ? "." : shown;
  }

  /** The root folder in messages, quoted: by default it is the working directory, shown as '.'. */
  private String shownRoot(Root root) {
    return "'" + shown(root.path()) + "'";
  }

  /**
   * Where a file really is: its real path (symbolic links resolved) when it exists, else the real
   * path of its nearest existing folder with the rest of the path as written.
   */
  public static Path realPathOf(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    for (Path existing = absolute; existing != null; existing = existing.getParent()) {
      try {
        return existing.toRealPath().resolve(existing.relativize(absolute));
      } catch (IOException e) {
        // not there (or not readable): try its folder
      }
    }
    return absolute;
  }

  private static Path realOrSame(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  // ---------------------------------------------------------------- remote files

  private Loaded loadRemote(String location, URI origin) {
    URI url;
    try {
      url =
          RemoteFiles.withoutDotSegments(
              origin == null ? new URI(location) : origin.resolve(new URI(location)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return new Loaded(null, "'" + location + "' is not a valid URL", true);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Loaded(null, "'" + url + "' is not an http(s) URL", true);
    }
    URI key = url;
    return cached(
        key,
        () -> {
          RemoteFiles.Decision decision = remote.decide(key);
          if (decision.refusal() != null) {
            return new Loaded(null, decision.refusal(), true);
          }
          try {
            ParsedFile file =
                TreeParser.parse(remote.fetch(key, decision.addresses(), remoteBudget));
            remoteOrigins.put(file, key);
            return new Loaded(file, null, false);
          } catch (SourceException e) {
            return Loaded.refused(describe(e));
          }
        });
  }

  // ---------------------------------------------------------------- shared

  /** The entry for {@code key}, computed by the first thread that asks; the others wait for it. */
  private Loaded cached(Object key, java.util.function.Supplier<Loaded> compute) {
    CompletableFuture<Loaded> mine = new CompletableFuture<>();
    CompletableFuture<Loaded> existing = files.putIfAbsent(key, mine);
    if (existing != null) {
      return existing.join();
    }
    try {
      mine.complete(compute.get());
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
    return mine.join();
  }

  private static String describe(SourceException e) {
    String where =
        e.line() > 0
            ? " (line " + e.line() + (e.column() > 0 ? ", column " + e.column() : "") + ")"
            : "";
    return e.displayPath() + " cannot be used: " + e.getMessage() + where;
  }

  /**
   * Decodes %XX escapes (UTF-8), as a URI reference may carry them; other characters stay as
   * written.
   */
  static String percentDecode(String location) {
    if (!PERCENT.matcher(location).find()) {
      return location;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < location.length(); i++) {
      char c = location.charAt(i);
      if (c == '%'
          && i + 3 <= location.length()
          && PERCENT.matcher(location.substring(i, i + 3)).matches()) {
        bytes.write(Integer.parseInt(location.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < location.length()) {
          encoded = location.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}

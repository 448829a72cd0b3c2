package io.github.threatlint.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code specs} parameter: the specification files to check, as a folder with include and
 * exclude patterns. Patterns are relative to the folder, with {@code /} as separator, in the Ant style
 * Maven users know ({@code *} within one name, {@code **} any number of folders, {@code ?} one
 * character) plus {@code {a,b}} alternatives.
 *
 * <pre>{@code
 * <specs>
 *   <directory>${project.basedir}</directory>
 *   <includes>
 *     <include>api/**}{@code /*.yaml</include>
 *   </includes>
 *   <excludes>
 *     <exclude>api/examples/**</exclude>
 *   </excludes>
 * </specs>
 * }</pre>
 *
 * <p>On the command line, {@code -Dthreatlint.specs=api/openapi.yaml,api/admin/*.yaml} sets the
 * includes (comma-separated), relative to the project folder.
 *
 * <p>A file matched by a wildcard pattern is checked only when it is a specification of its own, that
 * is, when it has a top-level {@code openapi} or {@code swagger} key; other matched files are
 * fragments (schemas, paths) that specifications reference, and they are checked as part of those.
 * A pattern without wildcards names one file, which is always checked, so that a misspelt name is
 * reported instead of silently checking nothing.
 */
public class SpecFileSet {
  /** The includes when none are configured: the conventional places of a project's API descriptions. */
  public static final List<String> DEFAULT_INCLUDES = List.of(
      "src/main/openapi/**/*.{yaml,yml,json}",
      "src/main/resources/**/{openapi,swagger}*.{yaml,yml,json}");

  // a top-level key of a YAML mapping (in column 0, quoted or not) or a JSON member
  private static final Pattern ROOT_KEY = Pattern.compile("(?m)^([\"']?)(openapi|swagger)\\1[ \\t]*:|\"(openapi|swagger)\"\\s*:");
  private static final int ROOT_KEY_SEARCH_BYTES = 64 * 1024;

  private File directory;
  private List<String> includes = new ArrayList<>();
  private List<String> excludes = new ArrayList<>();

  public SpecFileSet() {}

  /** Used by Maven for {@code -Dthreatlint.specs=a.yaml,b/*.json}: comma-separated includes. */
  public void set(String commaSeparatedIncludes) {
    includes = new ArrayList<>();
    for (String include : commaSeparatedIncludes.split(",")) {
      if (!include.isBlank()) {
        includes.add(include.trim());
      }
    }
  }

  public File getDirectory() {
    return directory;
  }

  public void setDirectory(File directory) {
    this.directory = directory;
  }

  public List<String> getIncludes() {
    return includes;
  }

  public void setIncludes(List<String> includes) {
    this.includes = includes == null ? new ArrayList<>() : new ArrayList<>(includes);
  }

  public List<String> getExcludes() {
    return excludes;
  }

  public void setExcludes(List<String> excludes) {
    this.excludes = excludes == null ? new ArrayList<>() : new ArrayList<>(excludes);
  }

  /** What a scan found: the files to check, and the matched files left out as fragments. */
  public record Scan(List<Path> specifications, List<Path> fragments) {}

  /**
   * Finds the files, in path order.
   *
   * @param defaultDirectory the folder when none is configured (the project's)
   */
  public Scan scan(Path defaultDirectory) throws IOException {
    Path base = baseDirectory(defaultDirectory);
    List<Pattern> excluded = excludes.stream().map(SpecFileSet::toRegex).toList();
    Set<Path> specifications = new TreeSet<>();
    Set<Path> fragments = new TreeSet<>();
    for (String include : effectiveIncludes()) {
      String pattern = normalize(include);
      if (!hasWildcard(pattern)) {
        Path file = base.resolve(pattern).normalize();
        if (!isExcluded(base, file, excluded)) {
          specifications.add(file);
        }
        continue;
      }
      Pattern included = toRegex(pattern);
      Path start = base.resolve(literalPrefix(pattern)).normalize();
      if (!Files.isDirectory(start)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(start)) {
        for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          String relative = relative(base, file);
          if (included.matcher(relative).matches() && !isExcluded(base, file, excluded)) {
            (isSpecification(file) ? specifications : fragments).add(file);
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    fragments.removeAll(specifications);
    return new Scan(List.copyOf(specifications), List.copyOf(fragments));
  }

  /** The folder the patterns are relative to. */
  public Path baseDirectory(Path defaultDirectory) {
    return (directory == null ? defaultDirectory : directory.toPath()).toAbsolutePath().normalize();
  }

  /** The includes in force: the configured ones, or the defaults. */
  public List<String> effectiveIncludes() {
    return includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
  }

  private static boolean isExcluded(Path base, Path file, List<Pattern> excluded) {
    String relative = relative(base, file);
    return excluded.stream().anyMatch(pattern -> pattern.matcher(relative).matches());
  }

  private static String relative(Path base, Path file) {
    return file.startsWith(base) ? base.relativize(file).toString().replace(File.separatorChar, '/') : file.toString();
  }

  /** True when the file starts like a specification: a top-level openapi or swagger key. */
  static boolean isSpecification(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(ROOT_KEY_SEARCH_BYTES);
    }
    return ROOT_KEY.matcher(new String(head, StandardCharsets.UTF_8)).find();
  }

  private static String normalize(String pattern) {
    String normalized = pattern.trim().replace('\\', '/');
    while (normalized.startsWith("./")) {
      normalized = normalized.substring(2);
    }
    // Ant: a pattern ending in a separator means everything below that folder
    return normalized.endsWith("/") ? normalized + "**" : normalized;
  }

  private static boolean hasWildcard(String pattern) {
    return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '{');
  }

  /** The leading folders of a pattern that contain no wildcard: where the walk starts. */
  static String literalPrefix(String pattern) {
    String[] segments = pattern.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < segments.length - 1 && !hasWildcard(segments[i]); i++) {
      prefix.append(segments[i]).append('/');
    }
    return prefix.toString();
  }

  /** Ant-style pattern to regular expression over a {@code /}-separated relative path. */
  static Pattern toRegex(String antPattern) {
    String[] segments = normalize(antPattern).split("/");
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      if (segments[i].equals("**")) {
        regex.append(last ? ".*" : "(?:[^/]+/)*");
        continue;
      }
      int braces = 0;
      for (char c : segments[i].toCharArray()) {
        switch (c) {
          case '*' -> regex.append("[^/]*");
          case '?' -> regex.append("[^/]");
          case '{' -> {
            braces++;
            regex.append("(?:");
          }
          case '}' -> {
            if (braces > 0) {
              braces--;
              regex.append(')');
            } else {
              regex.append("\\}");
            }
          }
          case ',' -> regex.append(braces > 0 ? "|" : ",");
          default -> regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      regex.append(")".repeat(braces));
      if (!last) {
        regex.append('/');
      }
    }
    return Pattern.compile(regex.toString());
  }
}

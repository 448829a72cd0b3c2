package io.github.threatlint.maven;

import io.github.threatlint.core.check.SpecFinder;
import io.github.threatlint.core.source.SourceReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code specs} parameter: the specification files to check, as a folder with include and
 * exclude patterns. Patterns are relative to the folder, with {@code /} as separator, in
 * threatlint's one glob dialect, which is the Ant style Maven users know ({@code *} within one
 * name, {@code **} any number of folders, {@code ?} one character, a trailing {@code /} for
 * everything below a folder) plus {@code {a,b}} alternatives.
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
 * <p>A file matched by a wildcard pattern is checked only when it is a specification of its own,
 * that is, when it has a top-level {@code openapi} or {@code swagger} key; other matched files are
 * fragments (schemas, paths) that specifications reference, and they are checked as part of those.
 * A pattern without wildcards names one file, which is always checked, so that a misspelt name is
 * reported instead of silently checking nothing.
 */
public class SpecFileSet {
  /**
   * The includes when none are configured: the conventional places of a project's API descriptions.
   */
  public static final List<String> DEFAULT_INCLUDES =
      List.of(
          "src/main/openapi/**/*.{yaml,yml,json}",
          "src/main/resources/**/{openapi,swagger}*.{yaml,yml,json}");

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

  /**
   * Finds the files, in path order: the specifications to check, and the matched files left out as
   * fragments (threatlint's one search, {@link SpecFinder#scan}).
   *
   * @param defaultDirectory the folder when none is configured (the project's)
   */
  public SpecFinder.Scan scan(Path defaultDirectory) throws IOException {
    return new SpecFinder(defaultDirectory, SourceReader.DEFAULT_MAX_BYTES)
        .scan(baseDirectory(defaultDirectory), effectiveIncludes(), excludes);
  }

  /** The folder the patterns are relative to. */
  public Path baseDirectory(Path defaultDirectory) {
    return (directory == null ? defaultDirectory : directory.toPath()).toAbsolutePath().normalize();
  }

  /** The includes in force: the configured ones, or the defaults. */
  public List<String> effectiveIncludes() {
    return includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
  }
}

package io.github.threatlint.core.api;

/**
 * Loads the files that references name. The loader decides what may be read (confinement to a root,
 * remote hosts); a file is loaded at most once per run, however it is named.
 */
public interface ExternalFiles {
  /**
   * The file named by {@code location} (the part of a {@code $ref} before {@code #}), relative to
   * {@code from}.
   */
  Loaded load(ParsedFile from, String location);

  /**
   * Either a file, or the reason it was not read. {@code remote} marks an http(s) location that was
   * not fetched because the remote policy refused it (remote references off, host not allowed, a
   * private address): {@code ref-remote} reports those, {@code ref-unresolved} the other failures.
   */
  record Loaded(ParsedFile file, String problem, boolean remote) {
    public static Loaded refused(String problem) {
      return new Loaded(null, problem, false);
    }
  }

  /** Follows no external reference at all. */
  ExternalFiles NONE =
      (from, location) -> Loaded.refused("references to other files are not followed here");
}

package io.github.threatlint.core.check;

import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import java.util.List;

/**
 * Hears of a check while it runs: for progress on a terminal, for findings shown as soon as they
 * are final, for an editor that publishes each file's diagnostics. Every method has a default that
 * does nothing.
 */
public interface CheckListener {
  CheckListener NONE =
      new CheckListener() {
        @Override
        public boolean followsFiles() {
          return false;
        }
      };

  /** The configuration was read and the rules selected; the analysis starts. */
  default void started(Configuration configuration, Profile profile, List<EnabledRule> rules) {}

  /**
   * An input was analysed: {@code done} of {@code total} are. Called on the worker thread that
   * analysed it, in the order analyses finish.
   */
  default void analysed(int done, int total, String displayPath) {}

  /**
   * An input's document with its own findings (the configuration's ignores applied) and, when
   * {@link #wantsEvidence()}, the mitigation evidence its rules recorded (what the threat-model
   * report is built from, with the document's {@code facts()} when {@link #wantsFacts()}), on the
   * worker thread that analysed it, whose deep stack takes deeply nested documents; the document is
   * not kept after this call. {@code document()} is null when the file could not be read or parsed.
   */
  default void document(int index, Analyzer.DocumentAnalysis analysis) {}

  /**
   * Whether it hears of each file ({@link #document}, {@link #analysed}, {@link #settled}): default
   * yes. A listener that only wants {@link #started} says no, and the check does not settle the
   * findings file by file for it.
   */
  default boolean followsFiles() {
    return true;
  }

  /**
   * Whether {@link #document} needs the document's {@code facts()}: the walk then takes them next
   * to the rules (default: no, and a check does not pay for them).
   */
  default boolean wantsFacts() {
    return false;
  }

  /**
   * Whether {@link #document} and the check's result need the mitigation evidence the rules record
   * (default: no, and the rules' records are dropped as they are made: the directory corpus makes
   * 84 000 of them, which only the threat-model report reads).
   */
  default boolean wantsEvidence() {
    return false;
  }

  /**
   * The inputs up to {@code index} are all analysed: the findings now final that the input at
   * {@code index} adds (suppression and baseline state set, each place reported once over the run,
   * in report order) and its tool errors. Called in input order, one call at a time.
   */
  default void settled(
      int index, String displayPath, List<Finding> findings, List<ToolError> errors) {}
}

package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SpecVersion;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where swagger-parser's messages about a document come from, for the rules that read them ({@code
 * spec-invalid}): built for the run, or kept from an earlier run of a document whose tree they
 * cannot differ for.
 */
@FunctionalInterface
public interface ParserMessagesSource {
  /** Builds the messages each time. */
  ParserMessagesSource BUILD = (file, version, build) -> build.get();

  /**
   * @param build builds the messages of {@code file} (costly: swagger-parser's whole model)
   */
  List<String> messages(ParsedFile file, SpecVersion version, Supplier<List<String>> build);
}

package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.TreeParser;

/** Documents written in a test, as the engine builds them from a file. */
final class TestDocuments {
  private TestDocuments() {}

  /** An OpenAPI 3.0 document of one YAML text, which reaches no other file. */
  static ApiDocument openApi30(String yaml) throws SourceException {
    return new ApiDocument(
        TreeParser.parse(new SourceFile(null, "api.yaml", yaml)),
        SpecVersion.OPENAPI_3_0,
        ExternalFiles.NONE);
  }
}

package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.SourceException;

/** Tells which specification a parsed file is, or why it is none that threatlint reads. */
public final class DocumentLoader {
  private DocumentLoader() {}

  public static SpecVersion detectVersion(ParsedFile file) throws SourceException {
    JsonNode root = file.root();
    if (!root.isObject()) {
      String what = root.isArray() ? "an array" : "a single value";
      throw new SourceException(
          file.displayPath(),
          1,
          1,
          "the document is " + what + ", not an OpenAPI or Swagger object");
    }
    JsonNode openapi = root.get("openapi");
    JsonNode swagger = root.get("swagger");
    if (openapi != null) {
      String version = openapi.asText();
      if (version.startsWith("3.0")) {
        return SpecVersion.OPENAPI_3_0;
      }
      if (version.startsWith("3.1") || version.startsWith("3.2")) {
        return SpecVersion.OPENAPI_3_1;
      }
      throw new SourceException(
          file.displayPath(),
          file.index().region("/openapi").startLine(),
          file.index().region("/openapi").startColumn(),
          "unsupported OpenAPI version '"
              + version
              + "' (threatlint reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2)");
    }
    if (swagger != null) {
      String version = swagger.asText();
      if (version.equals("2.0") || version.equals("2")) {
        return SpecVersion.SWAGGER_2_0;
      }
      throw new SourceException(
          file.displayPath(),
          file.index().region("/swagger").startLine(),
          file.index().region("/swagger").startColumn(),
          "unsupported Swagger version '"
              + version
              + "' (threatlint reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2)");
    }
    throw new SourceException(
        file.displayPath(),
        1,
        1,
        "not an OpenAPI or Swagger document: it has no top-level 'openapi' or 'swagger' key");
  }
}

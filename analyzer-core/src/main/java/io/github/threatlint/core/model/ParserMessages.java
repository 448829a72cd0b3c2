package io.github.threatlint.core.model;

import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.List;

/**
 * The structural problems swagger-parser reports for a document, as its dotted-path messages.
 * The model is built from the tree threatlint already parsed (the text is not read again) and with
 * reference resolution off, so swagger-parser reads no file and opens no connection.
 */
final class ParserMessages {
  private ParserMessages() {}

  static List<String> of(ApiDocument document) {
    List<String> messages = new ArrayList<>();
    try {
      if (document.isSwagger2()) {
        SwaggerDeserializationResult result = new SwaggerDeserializer().deserialize(document.rootFile().root());
        if (result.getMessages() != null) {
          messages.addAll(result.getMessages());
        }
      } else {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setResolveFully(false);
        options.setValidateExternalRefs(false);
        options.setValidateInternalRefs(false);
        SwaggerParseResult result = new OpenAPIDeserializer().deserialize(document.rootFile().root(),
            document.rootFile().displayPath(), options, document.version() == SpecVersion.OPENAPI_3_1);
        if (result.getMessages() != null) {
          messages.addAll(result.getMessages());
        }
      }
    } catch (RuntimeException e) {
      messages.add("the document could not be read as " + document.version().label() + ": " + e.getMessage());
    }
    return messages;
  }
}

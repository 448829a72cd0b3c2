package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * swagger-parser's OpenAPI 3.x deserializer, for its messages only: the model it builds is thrown
 * away. Two of its steps never add a message and were most of its cost on a cold start (Stripe: 0.4
 * of 0.5 s of CPU, with a thousand Jackson classes loaded for them alone), so they are left out:
 *
 * <ul>
 *   <li>a copy of the whole document as Java maps, made before it reads anything, which only the
 *       JSON Schema parser extensions found by {@code ServiceLoader} read; threatlint ships none,
 *       and when one is on the class path the original runs;
 *   <li>a conversion of each {@code x-} extension's value to Java objects through swagger-core's
 *       object mapper: the values are kept as the tree's nodes instead (the deserializer stores
 *       them in the model and never reads them);
 *   <li>the conversion of a schema's {@code example} to the schema's type ({@code
 *       Schema.setExample}): a string schema prints an object example with Jackson's node printer
 *       (300 Jackson classes loaded for it on GitHub's spec) and a date schema parses its example
 *       with a new {@code SimpleDateFormat} (locale and time-zone data); a failed conversion is
 *       silently dropped, so no message depends on it. The value is still read as before (reading
 *       it reports a wrong type), only not handed on.
 * </ul>
 *
 * {@code MessagesOnlyDeserializerTest} compares its messages with the original's.
 */
final class MessagesOnlyDeserializer extends OpenAPIDeserializer {

  /**
   * As {@link OpenAPIDeserializer#deserialize(JsonNode, String, ParseOptions, boolean)} (2.1.48),
   * without the copy of the document as maps.
   */
  @Override
  public SwaggerParseResult deserialize(
      JsonNode rootNode, String path, ParseOptions options, boolean isOaiAuthor) {
    if (!getJsonSchemaParserExtensions().isEmpty()) {
      return super.deserialize(rootNode, path, options, isOaiAuthor);
    }
    SwaggerParseResult result = new SwaggerParseResult();
    try {
      ParseResult rootParse = new ParseResult();
      rootParse.setOaiAuthor(options.isOaiAuthor());
      rootParse.setInferSchemaType(options.isInferSchemaType());
      rootParse.setAllowEmptyStrings(options.isAllowEmptyString());
      rootParse.setValidateInternalRefs(options.isValidateInternalRefs());
      rootParse.setExplicitStyleAndExplode(options.isExplicitStyleAndExplode());
      OpenAPI api = parseRoot(rootNode, rootParse, path);
      result.openapi31(rootParse.isOpenapi31());
      result.setOpenAPI(api);
      result.setMessages(rootParse.getMessages());
    } catch (Exception e) {
      // as the original: the exception's message alone stands for the messages
      String message = e.getMessage();
      result.setMessages(
          List.of(
              message != null && !message.isBlank()
                  ? message
                  : "Unexpected error deserialising spec"));
    }
    return result;
  }

  /**
   * As the original, except that an {@code example} is read (its messages kept) and then reported
   * absent, so that the caller does not store it (a schema converts it to its type first). Only
   * where the node has no {@code examples}: a media type, parameter or header with both warns that
   * {@code example} is ignored, and needs the value for that.
   */
  @Override
  public Object getAnyType(String key, ObjectNode node, String location, ParseResult result) {
    Object value = super.getAnyType(key, node, location, result);
    return key.equals("example") && !node.has("examples") ? null : value;
  }

  /** The {@code x-} members with their values as written (no message depends on them). */
  @Override
  public Map<String, Object> getExtensions(ObjectNode node) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    node.properties()
        .forEach(
            member -> {
              if (member.getKey().startsWith("x-")) {
                extensions.put(member.getKey(), member.getValue());
              }
            });
    return extensions;
  }
}

package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.Schemas;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "upload-content-type-unrestricted",
    title = "Upload that accepts any content type",
    description =
        "An upload with no allow-list of content types: an application/octet-stream request body, a "
            + "multipart file field without encoding.contentType (or contentMediaType), a Swagger 2.0 file parameter "
            + "whose description names no type, or a base64 file whose media type is a free string (mimeType, "
            + "contentType, a file 'type'). Any file then reaches the back end and the people who open it: executables, "
            + "HTML with scripts, documents with macros.",
    level = Level.WARNING,
    owasp2023 = {"API8"},
    owasp2019 = {"API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 5.0,
    precision = "medium",
    section = "data")
public final class UploadContentTypeUnrestricted implements Checks.PathOperationCheck {
  private static final List<String> FILE_FORMATS = List.of("binary", "byte");

  /** Names of properties that state a file's media type. */
  private static final List<String> MEDIA_TYPE_NAMES =
      List.of("mimeType", "mime", "mediaType", "contentType", "fileType", "documentMimeType");

  /** Words of a description or example that name media types: "application/pdf", "image/png". */
  private static final List<String> MEDIA_TYPE_PREFIXES =
      List.of("application/", "image/", "text/", "audio/", "video/");

  private final Set<NodeRef> reported = new HashSet<>();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    ApiDocument document = operation.document();
    for (MediaType type : operation.requestContent()) {
      String essence = MediaTypes.essence(type.name());
      if (essence.equals("application/octet-stream")) {
        if (reported.add(type.node())) {
          context.report(
              type.node(),
              "The application/octet-stream request body of "
                  + operation.label()
                  + " accepts a file of any content type: list the media types the API accepts instead "
                  + "(such as application/pdf or image/png), so that gateways and the back end refuse the others.");
        }
        continue;
      }
      Map<String, NodeRef> properties = Schemas.allProperties(document, type.schema());
      for (Map.Entry<String, NodeRef> property : properties.entrySet()) {
        NodeRef field = document.deref(property.getValue());
        if (field == null || !isFile(field)) {
          continue;
        }
        if (MediaTypes.isMultipart(essence)) {
          checkMultipartFile(operation, type, property.getKey(), field, properties, context);
        } else {
          checkFreeMediaType(operation, property.getKey(), properties, context);
        }
      }
    }
    for (Parameter parameter : operation.parameters("formData")) {
      NodeRef node = parameter.node();
      if (Schemas.hasType(node, "file")
          && !namesMediaTypes(node.text("description"))
          && reported.add(node)) {
        context.report(
            node,
            "File parameter '"
                + parameter.name()
                + "' of "
                + operation.label()
                + " accepts any content type, and Swagger 2.0 cannot restrict it: name the accepted media "
                + "types in its description and check them on the server (OpenAPI 3 states them with "
                + "encoding.contentType).");
      }
    }
  }

  /**
   * A multipart file field restricted by neither {@code encoding.<field>.contentType} nor its
   * {@code contentMediaType} (or restricted to a wildcard or an octet stream).
   */
  private void checkMultipartFile(
      Operation operation,
      MediaType type,
      String name,
      NodeRef field,
      Map<String, NodeRef> properties,
      RuleContext context) {
    NodeRef encoding = type.node().get("encoding");
    NodeRef part = encoding == null ? null : encoding.get(name);
    String allowed = part == null ? field.text("contentMediaType") : part.text("contentType");
    if (allowed != null
        && !MediaTypes.isWildcard(allowed)
        && !MediaTypes.essence(allowed).equals("application/octet-stream")) {
      return;
    }
    if (!reported.add(field)) {
      return;
    }
    String stated = freeMediaTypeField(operation.document(), properties);
    context.report(
        field,
        "File field '"
            + name
            + "' of the "
            + type.name()
            + " body of "
            + operation.label()
            + " accepts any content type"
            + (allowed == null ? "" : " ('" + allowed + "')")
            + (stated == null
                ? ""
                : ", and the client states the type itself in the free string '" + stated + "'")
            + ": list the accepted media types in encoding."
            + name
            + ".contentType (such as application/pdf, image/png), so that other files are refused.");
  }

  /** A base64 file beside a media-type property that is a free string: any type is accepted. */
  private void checkFreeMediaType(
      Operation operation, String file, Map<String, NodeRef> properties, RuleContext context) {
    String stated = freeMediaTypeField(operation.document(), properties);
    if (stated == null) {
      return;
    }
    NodeRef at = properties.get(stated);
    if (!reported.add(at)) {
      return;
    }
    context.report(
        at,
        "Property '"
            + stated
            + "' states the media type of the file '"
            + file
            + "' that "
            + operation.label()
            + " accepts, but it is a free string: any content type is accepted. Restrict it to the types the "
            + "API accepts (an enum such as [application/pdf, image/png]) and check the content against it.");
  }

  /** The property that states a file's media type and allows any value, or null. */
  private static String freeMediaTypeField(ApiDocument document, Map<String, NodeRef> properties) {
    for (Map.Entry<String, NodeRef> property : properties.entrySet()) {
      NodeRef schema = document.deref(property.getValue());
      if (schema == null || !Schemas.isString(schema) || Schemas.isEnumerated(schema)) {
        continue;
      }
      if (schema.has("pattern")) {
        continue;
      }
      boolean named = Words.isAny(property.getKey(), MEDIA_TYPE_NAMES);
      boolean fileType =
          property.getKey().equals("type")
              && (namesMediaTypes(exampleText(schema))
                  || Words.lower(schema.text("description")).contains("file type"));
      if (named || fileType) {
        return property.getKey();
      }
    }
    return null;
  }

  private static String exampleText(NodeRef schema) {
    JsonNode example = schema.node().get("example");
    return example != null && example.isTextual() ? example.textValue() : null;
  }

  private static boolean namesMediaTypes(String text) {
    String lower = Words.lower(text);
    return MEDIA_TYPE_PREFIXES.stream().anyMatch(lower::contains);
  }

  private static boolean isFile(NodeRef schema) {
    return Schemas.hasType(schema, "file")
        || (Schemas.isString(schema)
            && (Schemas.formatIn(schema, FILE_FORMATS)
                || schema.has("contentMediaType")
                || schema.has("contentEncoding")));
  }
}

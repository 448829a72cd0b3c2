package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.TreeParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deserializer that skips what adds no message reports exactly what swagger-parser's own
 * reports: the same messages in the same order, and the same failure.
 */
class MessagesOnlyDeserializerTest {
  private static final String OAS30_PROBLEMS =
      """
      openapi: 3.0.3
      info:
        title: Broken
        version: 1.0.0
        x-audience: [internal, partner]
        contact: {email: api@example.ch, nickname: x}
      x-root: {deep: {list: [1, 2.5, true, null, "s"]}}
      paths:
        x-paths-extension: 1
        /pets/{petId}:
          x-item: {a: b}
          get:
            x-operation: {kind: read}
            parameters:
              - {name: petId, in: path, schema: {type: string}, x-p: 1}
              - {name: filter, in: query, content: {}}
              - {name: q, in: body, schema: {type: string}}
              - {in: query, schema: {type: string}}
              - $ref: '#/components/schemas/Pet'
            foo: bar
            responses:
              '200':
                description: ok
                x-response: [1]
                headers:
                  X-Rate: {schema: {type: integer}, bogus: 1, x-h: {}}
                content:
                  application/json:
                    schema: {type: array, x-schema: {nested: [{a: 1}]}}
                    x-media: true
          post:
            operationId: getPet
            responses:
              default: {content: {}}
      components:
        x-components: 1
        schemas:
          Pet:
            type: object
            required: name
            x-internal: true
            properties:
              name: {type: string, minLength: -1, x-field: {pii: true}}
              age: {type: integer, format: int32, default: old, enum: [1, two]}
              tags: {type: array, items: {$ref: '#/components/schemas/Missing'}}
            additionalProperties: {x-extra: 1}
        securitySchemes:
          key: {type: apiKey, name: k, x-scheme: 1}
          broken: {type: oauth2, flows: {implicit: {scopes: {}}}}
      security: [{key: []}]
      servers: [{url: 'https://{env}.example.ch', variables: {env: {default: 1, x-v: 2}}}]
      tags: [{name: a, x-t: 1}, {name: a}]
      """;

  private static final String OAS31_PROBLEMS =
      """
      openapi: 3.1.0
      info: {title: Broken, version: 1.0.0, summary: 3}
      x-oas-reserved: 1
      webhooks:
        ping: {post: {responses: {'200': {description: ok}}, x-hook: 1}}
      paths:
        /a:
          get:
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: [object, 'null']
                      unknownKeyword: {kept: as an extension}
                      x-ext: {a: [1, 2]}
                      properties:
                        id: {type: string, const: 1, examples: [a], x-id: true}
                        when: {$comment: 3, type: string, format: date-time}
      components:
        schemas:
          Node: {$ref: '#/components/schemas/Missing', description: siblings, x-n: 1}
        pathItems:
          shared: {get: {responses: {}}}
      """;

  /**
   * Examples of every kind where swagger-parser reads them: on schemas of each type (converted to
   * the type by the model, which the messages-only deserializer leaves out), wrongly typed, and
   * beside {@code examples} on a media type, a parameter and a header (a warning each).
   */
  private static final String OAS30_EXAMPLES =
      """
      openapi: 3.0.3
      info: {title: Examples, version: 1.0.0}
      paths:
        /pets:
          get:
            parameters:
              - name: since
                in: query
                schema: {type: string, format: date, example: 2024-13-45}
                example: '2024-01-01'
                examples: {first: {value: '2024-01-01'}}
              - {name: id, in: query, schema: {type: string, format: uuid, example: not-a-uuid}}
              - {name: n, in: query, schema: {type: integer, example: {not: a number}}}
            responses:
              '200':
                description: ok
                headers:
                  X-Page:
                    schema: {type: integer}
                    example: 2
                    examples: {two: {value: 2}}
                content:
                  application/json:
                    schema:
                      type: object
                      example: [1, 2]
                      properties:
                        name: {type: string, example: {written: as an object}}
                        born: {type: string, format: date, example: '2001-02-03'}
                        seen: {type: string, format: date-time, example: yesterday}
                        size: {type: number, example: big}
                        ok: {type: boolean, example: null}
                        raw: {type: string, format: byte, example: '%%%'}
                    example: {name: Rex}
                    examples: {rex: {value: {name: Rex}}}
                  text/plain:
                    schema: {type: string}
                    example: [not, a, string]
      """;

  /** A string where a media type object belongs stops swagger-parser's 3.x deserializer. */
  private static final String UNREADABLE =
      """
      openapi: 3.0.3
      info: {title: Unreadable, version: 1.0.0}
      paths:
        /v1/accounts:
          get:
            responses:
              '200':
                description: the accounts
                content:
                  application/json: 'see the schema below'
      """;

  @Test
  void reportsWhatSwaggerParserReportsForOpenApi30() throws Exception {
    List<String> messages = assertSameMessages(OAS30_PROBLEMS, false);
    assertThat(messages).hasSizeGreaterThan(10);
  }

  @Test
  void reportsWhatSwaggerParserReportsForOpenApi31() throws Exception {
    List<String> messages = assertSameMessages(OAS31_PROBLEMS, true);
    assertThat(messages).isNotEmpty();
  }

  @Test
  void reportsWhatSwaggerParserReportsAboutExamples() throws Exception {
    List<String> messages = assertSameMessages(OAS30_EXAMPLES, false);
    assertThat(messages)
        .filteredOn(message -> message.contains("examples already defined"))
        .hasSize(3);
  }

  @Test
  void failsAsSwaggerParserFails() throws Exception {
    SwaggerParseResult result =
        new MessagesOnlyDeserializer()
            .deserialize(tree(UNREADABLE), "api.yaml", ParserMessages.options(), false);
    assertThat(result.getOpenAPI()).isNull();
    assertSameMessages(UNREADABLE, false);
  }

  @Test
  void keepsTheExtensionsOfANodeAsWritten() throws Exception {
    JsonNode root = tree(OAS30_PROBLEMS);
    assertThat(new MessagesOnlyDeserializer().getExtensions((ObjectNode) root))
        .containsOnlyKeys("x-root")
        .containsEntry("x-root", root.get("x-root"));
  }

  private static List<String> assertSameMessages(String text, boolean openapi31) throws Exception {
    List<String> expected =
        new OpenAPIDeserializer()
            .deserialize(tree(text), "api.yaml", ParserMessages.options(), openapi31)
            .getMessages();
    List<String> actual =
        new MessagesOnlyDeserializer()
            .deserialize(tree(text), "api.yaml", ParserMessages.options(), openapi31)
            .getMessages();
    assertThat(actual).isEqualTo(expected);
    return actual;
  }

  private static JsonNode tree(String text) throws Exception {
    return TreeParser.parse(new SourceFile(Path.of("api.yaml"), "api.yaml", text)).root();
  }
}

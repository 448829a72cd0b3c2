package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.TreeParser;
import io.swagger.parser.util.SwaggerDeserializer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Swagger 2.0 deserializer that converts nothing through swagger-core's object mapper reports
 * exactly what swagger-parser's own reports: the same messages in the same order, or the same
 * failure.
 */
class MessagesOnlySwaggerDeserializerTest {
  /** Every kind of message of the 2.0 deserializer, with extensions everywhere. */
  private static final String SWAGGER20_PROBLEMS =
      """
      swagger: '2.0'
      info:
        version: 1.0.0
        x-audience: [internal, {partner: true}]
        contact: {email: api@example.ch, nickname: x, x-c: 1}
        license: {url: 'https://example.ch', x-l: null}
        bogus: 1
      x-root: {deep: {list: [1, 2.5, true, null, "s"]}}
      host: api.example.ch
      schemes: [https]
      unknownRoot: 1
      paths:
        x-paths-extension: 1
        /pets/{petId}/{ownerId}:
          x-item: {a: b}
          parameters:
            - {name: petId, in: path, type: string}
          get:
            operationId: getPet
            x-operation: {kind: read}
            foo: bar
            parameters:
              - {name: petId, in: path, type: string, required: true, x-p: [1]}
              - {name: filter, in: query, type: string, enum: [a, {b: c}], bogus: 1}
              - {name: body, in: body, schema: {$ref: '#/definitions/Pet'}, bogus: 2, x-b: 1}
              - {in: query, type: string}
              - $ref: '#/parameters/limit'
            responses:
              '200':
                description: ok
                x-response: [1]
                schema: {type: array, items: {$ref: '#/definitions/Pet'}}
                bogus: 3
              x-responses-extension: 1
        /pets:
          post:
            operationId: getPet
            responses: {}
          put:
            responses:
              default: {schema: {$ref: 7}}
        /owners: 'not an object'
        /owners/{ownerId}:
          get:
            parameters: [{name: ownerId, in: query, type: string}]
            responses: {default: {description: ok}}
      parameters:
        limit: {name: limit, in: path, type: integer, required: false, x-q: 1}
      definitions:
        Pet:
          type: object
          required: [name, 3]
          x-internal: true
          unknownKeyword: 1
          properties:
            name: {type: string, minLength: 1, x-field: {pii: true}}
            age: {type: integer, format: int32, minimum: 0, maximum: 1.5e2, multipleOf: 1}
            tags: {type: array, items: {$ref: '#/definitions/Tag'}, x-list-type: set}
            aliases: {type: array}
            codes: {type: array, items: {type: no-such-type}}
            shape: {type: array, properties: {a: {type: string}}}
            kind: {enum: [cat, dog]}
            rank: {enum: [1, 2.5]}
            flag: {enum: [true, false]}
            mixed: {enum: [1, a]}
            nothing: {enum: []}
            meta: {type: object, additionalProperties: {type: string, x-m: 1}, x-o: 1}
            open: {type: object, additionalProperties: true}
            nested:
              properties:
                type: {type: unknown}
                description: {type: unknown}
                inner: {type: string}
              required: [inner]
            typed:
              properties:
                type: array
                description: a list
            both: {allOf: [{$ref: '#/definitions/Tag'}, {type: object, x-a: 1}], x-c: 1}
            when: {type: string, format: date-time, xml: {name: when, attribute: true}}
            blob: {type: string, format: binary, readOnly: true, example: abc}
            weird: 'not an object'
        Tag:
          type: array
          items: {type: string, x-i: 1}
          properties: {name: {type: string}}
          x-t: 1
        Mixed:
          allOf:
            - $ref: '#/definitions/Pet'
            - {type: object, properties: {extra: {type: array}}}
            - 'not an object'
          description: composed
          x-mixed: 1
          bogus: 1
        NotObject: 5
      securityDefinitions:
        key: {type: apiKey, name: k, in: header, x-scheme: 1, bogus: 1}
        other: {type: digest}
      security: [{key: []}]
      tags: [{name: a, x-t: 1, bogus: 1}, {name: a}]
      externalDocs: {url: 'https://example.ch', x-d: 1, bogus: 1}
      """;

  /**
   * The conversions left to swagger-core's object mapper: a parameter's items, xml, response
   * headers and examples, basic and OAuth 2 schemes, a definition's example and additional
   * properties.
   */
  private static final String SWAGGER20_MAPPER =
      """
      swagger: '2.0'
      info: {title: Mapper, version: 1.0.0}
      paths:
        /a:
          get:
            parameters:
              - {name: ids, in: query, type: array, items: {type: string, enum: [a, b], x-i: 1}}
              - name: body
                in: body
                schema: {type: object}
                examples: {application/json: {a: 1}}
            responses:
              '200':
                description: ok
                headers: {X-Rate: {type: integer, x-h: 1}}
                examples: {application/json: [1, 2]}
      definitions:
        Doc:
          type: object
          xml: {name: doc}
          example: {a: [1, 2]}
          additionalProperties: {type: string, x-ap: 1}
        List:
          type: array
          items: {type: string}
          xml: {wrapped: true}
      securityDefinitions:
        basic: {type: basic, x-b: 1}
        oauth: {type: oauth2, flow: implicit, authorizationUrl: 'https://example.ch', scopes: {a: b}}
      """;

  @Test
  void reportsWhatSwaggerParserReports() throws Exception {
    List<String> messages = assertSameOutcome(SWAGGER20_PROBLEMS);
    assertThat(messages)
        .anySatisfy(message -> assertThat(message).endsWith(" is unexpected"))
        .anySatisfy(message -> assertThat(message).contains(" is not of type `"))
        .anySatisfy(message -> assertThat(message).endsWith(" is missing"))
        .anySatisfy(message -> assertThat(message).contains("the required value should be true"))
        .anySatisfy(message -> assertThat(message).contains("needs to be defined as a path"))
        .anySatisfy(message -> assertThat(message).endsWith(" is repeated"))
        .anySatisfy(message -> assertThat(message).endsWith(" is unsupported"));
    // a property of type array without items, and one whose items are of an unknown type
    assertThat(messages).filteredOn(message -> message.endsWith(".items is missing")).hasSize(3);
  }

  @Test
  void reportsWhatSwaggerParserReportsWhereTheMapperIsLeft() throws Exception {
    assertSameOutcome(SWAGGER20_MAPPER);
  }

  /** Each wrongly typed value stops both deserializers with the same exception. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{type: string, enum: a}", // ClassCastException
        "{type: integer, minimum: '1'}", // NumberFormatException
        "{type: number, multipleOf: [1]}",
        "{type: string, xml: named}",
        "{type: object, properties: {a: {type: string}}, required: a}", // RuntimeException
        "{type: array, items: {type: integer, maximum: true}}", // in items
        "{type: object, additionalProperties: {type: string, enum: {a: b}}}",
        "{properties: {a: {properties: {b: {type: string, xml: [1]}}}}}",
        "{allOf: [{type: string, minimum: x}]}",
      })
  void failsAsSwaggerParserFails(String property) throws Exception {
    String document =
        """
        swagger: '2.0'
        info: {title: Unreadable, version: 1.0.0}
        paths: {}
        definitions:
          Pet:
            type: object
            properties:
              good: {type: string}
              bad: %s
        """
            .formatted(property);
    Throwable failure = outcome(new MessagesOnlySwaggerDeserializer(), document).failure();
    assertThat(failure).isNotNull();
    assertSameOutcome(document);
  }

  @Test
  void leavesTheTreeAsWritten() throws Exception {
    JsonNode root = tree(SWAGGER20_PROBLEMS);
    JsonNode copy = root.deepCopy();
    new MessagesOnlySwaggerDeserializer().deserialize(root);
    assertThat(root).isEqualTo(copy);
  }

  /** Messages, or the exception that stopped the deserializer. */
  private record Outcome(List<String> messages, Throwable failure) {
    String failureText() {
      return failure == null ? null : failure.getClass().getName() + ": " + failure.getMessage();
    }
  }

  private static List<String> assertSameOutcome(String text) throws Exception {
    Outcome expected = outcome(new SwaggerDeserializer(), text);
    Outcome actual = outcome(new MessagesOnlySwaggerDeserializer(), text);
    assertThat(actual.failureText()).isEqualTo(expected.failureText());
    assertThat(actual.messages()).isEqualTo(expected.messages());
    return actual.messages();
  }

  private static Outcome outcome(SwaggerDeserializer deserializer, String text) throws Exception {
    try {
      return new Outcome(deserializer.deserialize(tree(text)).getMessages(), null);
    } catch (RuntimeException e) {
      return new Outcome(null, e);
    }
  }

  private static JsonNode tree(String text) throws Exception {
    return TreeParser.parse(new SourceFile(Path.of("api.yaml"), "api.yaml", text)).root();
  }
}

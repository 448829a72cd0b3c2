package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.TreeParser;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The precheck says "nothing to report" only where swagger-parser's OpenAPI 3.0 deserializer
 * reports nothing: a document that uses every kind of object passes, and each condition the
 * deserializer reports (or that the precheck cannot be sure of) makes it answer "don't know".
 */
class ParserMessagesPrecheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every object type of OpenAPI 3.0 the deserializer reads, written as it reads them silently. */
  private static final String CLEAN =
      """
      openapi: 3.0.3
      info:
        title: Accounts
        version: 1.0.0
        description: d
        termsOfService: https://bank.example.ch/terms
        contact: {name: API team, url: 'https://bank.example.ch', email: api@bank.example.ch}
        license: {name: Apache 2.0, url: 'https://www.apache.org/licenses/LICENSE-2.0'}
        x-audience: partner
      servers:
        - url: 'https://{env}.bank.example.ch/v1'
          description: d
          variables:
            env: {default: api, enum: [api, sandbox], description: d}
        - url: /v1
      externalDocs: {url: 'https://bank.example.ch/docs', description: d}
      tags:
        - {name: accounts, description: d, externalDocs: {url: 'https://bank.example.ch/t'}}
        - {name: payments}
      security: [{oauth: [read]}, {}]
      paths:
        x-paths: 1
        /accounts/{accountId}:
          summary: s
          description: d
          parameters:
            - {name: accountId, in: path, required: true, schema: {type: string, format: uuid}}
          servers: [{url: 'https://other.example.ch'}]
          get:
            tags: [accounts]
            summary: s
            description: d
            operationId: getAccount
            deprecated: false
            externalDocs: {url: 'https://bank.example.ch/op'}
            servers: [{url: 'https://op.example.ch'}]
            security: [{apiKey: []}]
            parameters:
              - $ref: '#/components/parameters/Limit'
              - name: filter
                in: query
                style: form
                explode: true
                allowReserved: false
                allowEmptyValue: false
                deprecated: false
                example: all
                schema: {type: string, enum: [all, open]}
              - name: X-Request-ID
                in: header
                content:
                  text/plain: {schema: {type: string}}
              - {name: session, in: cookie, schema: {type: string}, examples: {one: {value: abc}}}
            responses:
              '200':
                description: ok
                headers:
                  X-Rate-Limit: {schema: {type: integer}, style: simple, explode: false, required: false}
                  X-Trace: {$ref: '#/components/headers/Trace'}
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Account'}
                    examples:
                      plain: {summary: s, description: d, value: {id: 1}}
                      external: {externalValue: 'https://bank.example.ch/x.json'}
                      referenced: {$ref: '#/components/examples/Account'}
                links:
                  self: {operationId: getAccount, parameters: {accountId: $response.body#/id}, description: d}
                  server: {operationRef: '#/paths/~1accounts~1{accountId}/get', server: {url: /v1}}
                  shared: {$ref: '#/components/links/Self'}
              '404': {$ref: '#/components/responses/NotFound'}
              x-note: {anything: [1]}
          put:
            operationId: putAccount
            requestBody:
              required: true
              description: d
              content:
                multipart/form-data:
                  schema:
                    type: object
                    properties:
                      file: {type: string, format: binary}
                      meta: {type: object}
                  encoding:
                    file: {contentType: application/pdf, style: form, explode: true, allowReserved: false}
                    meta: {headers: {X-Part: {schema: {type: string}}}}
            callbacks:
              onChange:
                '{$request.body#/callbackUrl}':
                  post:
                    operationId: accountChanged
                    requestBody: {$ref: '#/components/requestBodies/Event'}
                    responses:
                      '204': {description: received}
              shared: {$ref: '#/components/callbacks/Event'}
            responses:
              default: {description: error}
        /accounts:
          post:
            parameters:
              - {name: accountId, in: query, schema: {type: string}}
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Account'}
                  example: {id: 1}
            responses:
              '201': {description: created}
        /shared: {$ref: 'shared.yaml#/pathItem'}
      components:
        x-owner: team
        schemas:
          Account:
            type: object
            title: Account
            description: d
            required: [id]
            discriminator: {propertyName: kind, mapping: {personal: '#/components/schemas/Personal'}}
            xml: {name: account, namespace: 'https://bank.example.ch/ns', prefix: b, attribute: false, wrapped: false}
            externalDocs: {url: 'https://bank.example.ch/schema'}
            additionalProperties: false
            properties:
              id: {type: integer, format: int64, minimum: 1, maximum: 999999, exclusiveMinimum: false, multipleOf: 1, readOnly: true, example: 7}
              kind: {type: string, enum: [personal, business], default: personal}
              opened: {type: string, format: date, enum: ['2024-01-31'], default: '2024-01-01'}
              changed: {type: string, format: date-time, default: '2024-01-01T10:00:00Z', writeOnly: true}
              token: {type: string, format: byte, default: YWJj}
              balance: {type: number, format: double, minimum: -1.5, default: 0.5, nullable: true}
              flags: {type: array, items: {type: boolean}, default: [true], uniqueItems: true, minItems: 0, maxItems: 3}
              labels: {type: object, additionalProperties: {type: string, maxLength: 20, minLength: 1, pattern: '^[a-z]+$'}, maxProperties: 5, minProperties: 0, default: {}}
              note: {type: string, nullable: true, default: null, deprecated: true}
              level: {enum: [1, 2], default: 1}
              anything: {default: [1]}
              x-marker: {type: string}
          Personal:
            allOf:
              - $ref: '#/components/schemas/Account'
              - type: object
                properties:
                  owner: {oneOf: [{type: string}, {type: integer}], not: {type: boolean}}
                  alias: {anyOf: [{type: string}], x-audit: true}
          External: {$ref: 'common.yaml#/Money'}
        responses:
          NotFound:
            description: not found
            content:
              application/problem+json: {schema: {type: object}}
        parameters:
          Limit: {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
          AccountId: {name: accountId, in: path, required: true, schema: {type: string}}
          Alias: {$ref: '#/components/parameters/Limit'}
        examples:
          Account: {value: {id: 1}}
          Text: plain text
        requestBodies:
          Event:
            content:
              application/json: {schema: {type: object}}
        headers:
          Trace: {description: d, schema: {type: string}, example: abc}
        securitySchemes:
          apiKey: {type: apiKey, name: X-API-Key, in: header, description: d}
          basic: {type: http, scheme: basic}
          bearer: {type: http, scheme: bearer, bearerFormat: JWT}
          oidc: {type: openIdConnect, openIdConnectUrl: 'https://bank.example.ch/.well-known/openid-configuration'}
          oauth:
            type: oauth2
            flows:
              implicit: {authorizationUrl: 'https://bank.example.ch/authorize', scopes: {read: r}}
              password: {tokenUrl: 'https://bank.example.ch/token', scopes: {}}
              clientCredentials: {tokenUrl: 'https://bank.example.ch/token', refreshUrl: 'https://bank.example.ch/refresh', scopes: {read: r}}
              authorizationCode:
                authorizationUrl: 'https://bank.example.ch/authorize'
                tokenUrl: 'https://bank.example.ch/token'
                scopes: {read: r, write: w}
        links:
          Self: {operationId: getAccount}
        callbacks:
          Event:
            '{$request.body#/url}':
              post:
                parameters:
                  - $ref: '#/components/parameters/Limit'
                responses:
                  '200': {description: ok}
      """;

  @Test
  void acceptsADocumentOfEveryObjectTypeOnWhichTheDeserializerIsSilent() {
    JsonNode root = parse(CLEAN);

    assertThat(deserializerMessages(root)).isEmpty();
    assertThat(ParserMessagesPrecheck.certainlyNone(root)).isTrue();
  }

  /** Each change makes the deserializer report something; the precheck must not say "none". */
  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "set    | /openapi                                    | '\"3.0\"'",
        "set    | /info/x                                     | 1",
        "remove | /info/title                                 |",
        "remove | /info/version                               |",
        "set    | /info/version                               | null",
        "set    | /info/contact/url                           | '\"bank.example.ch\"'",
        "set    | /info/license/url                           | '\"\"'",
        "remove | /info/license/name                          |",
        "set    | /servers/0/variables/env/enum               | '[[\"a\"]]'",
        "remove | /servers/0/variables/env/default            |",
        "set    | /servers/0/variables/env                    | '\"api\"'",
        "set    | /externalDocs                               | '{\"description\": \"d\"}'",
        "set    | /tags/1/name                                | '\"accounts\"'",
        "remove | /tags/1/name                                |",
        "set    | /paths/~1accounts~1{accountId}/parameters   | '[]'",
        "set    | /paths/accounts                             | '{}'",
        "set    | /paths/~1x                                  | '[]'",
        "set    | /paths/~1y                                  | '{\"$ref\": \"#/components/schemas/Account\"}'",
        "set    | /paths/~1accounts~1{accountId}/get/operationId | '\"putAccount\"'",
        "remove | /paths/~1accounts~1{accountId}/get/responses |",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/1/in | '\"body\"'",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/1/style | '\"tabular\"'",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/1/examples | '{}'",
        "remove | /paths/~1accounts~1{accountId}/get/parameters/1/schema |",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/2/schema | '{\"type\": \"string\"}'",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/2/content | '{}'",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/3 | '{\"name\": \"filter\", \"in\": \"query\", \"schema\": {}}'",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/0/$ref | '\"#/components/schemas/Account\"'",
        "set    | /paths/~1accounts~1{accountId}/get/parameters/4 | '{\"$ref\": \"#/components/parameters/Limit\"}'",
        "set    | /paths/~1accounts~1{accountId}/get/responses/200/headers/X-Rate-Limit/style | '\"form\"'",
        "set    | /paths/~1accounts~1{accountId}/get/responses/200/headers/X-Trace/$ref | '\"#/components/schemas/Account\"'",
        "remove | /paths/~1accounts~1{accountId}/get/responses/200/description |",
        "set    | /paths/~1accounts~1{accountId}/get/responses/200/content/application~1json/example | '{}'",
        "set    | /paths/~1accounts~1{accountId}/get/responses/200/content/application~1json/schema/$ref | '\"#/components/schemas/Missing\"'",
        "set    | /paths/~1accounts~1{accountId}/get/responses/200/content/application~1json/examples/external/value | 1",
        "set    | /paths/~1accounts~1{accountId}/get/responses/200/links/self/headers | '{}'",
        "set    | /paths/~1accounts~1{accountId}/get/responses/200/links/self/requestBody | '{}'",
        "set    | /paths/~1accounts~1{accountId}/get/responses/404/$ref | '\"#/components/schemas/Account\"'",
        "set    | /paths/~1accounts~1{accountId}/put/requestBody/content | '{}'",
        "set    | /paths/~1accounts~1{accountId}/put/requestBody/content/multipart~1form-data/encoding/other | '{}'",
        "set    | /paths/~1accounts~1{accountId}/put/requestBody/content/multipart~1form-data/encoding/file/style | '\"matrix\"'",
        "set    | /paths/~1accounts~1{accountId}/put/callbacks/onChange/x-y | 1",
        "set    | /paths/~1accounts~1{accountId}/put/callbacks/shared/$ref | '\"#/components/links/Self\"'",
        "set    | /paths/~1accounts/post/parameters | '[{\"$ref\": \"other.yaml#/A\"}, {\"$ref\": \"Missing\"}]'",
        "set    | /paths/~1accounts/post/parameters | '[{\"$ref\": \"other.yaml#/A\"}, {\"$ref\": \"\"}]'",
        "set    | /paths/~1accounts/post/parameters | '[{\"$ref\": \"other.yaml#/A\"}, {\"$ref\": \"#/components/parameters/Alias\"}]'",
        "set    | /paths/~1accounts/post/parameters | '[{\"$ref\": \"x.yaml#/A\", \"name\": \"a\", \"in\": \"query\"}, {\"$ref\": \"#/components/parameters/Missing\"}]'",
        "set    | /components/schemas/Account/properties/id/multipleOf | 0",
        "set    | /components/schemas/Account/properties/id/writeOnly | true",
        "set    | /components/schemas/Account/properties/id/maxLength | '{}'",
        "set    | /components/schemas/Account/required        | '[1]'",
        "set    | /components/schemas/Account/properties/flags/items | '[]'",
        "remove | /components/schemas/Account/properties/flags/items |",
        "set    | /components/schemas/Account/properties/flags/default | 1",
        "set    | /components/schemas/Account/properties/labels/default | '[]'",
        "set    | /components/schemas/Account/properties/labels/additionalProperties | 1",
        "set    | /components/schemas/Account/properties/opened/enum | '[\"31.01.2024\"]'",
        "set    | /components/schemas/Account/properties/opened/default | '\"2024-1-1\"'",
        "set    | /components/schemas/Account/properties/changed/default | '\"yesterday\"'",
        "set    | /components/schemas/Account/properties/token/default | '\"a b\"'",
        "set    | /components/schemas/Account/properties/id/default | '[1]'",
        "set    | /components/schemas/Account/properties/balance/default | '{}'",
        "set    | /components/schemas/Account/properties/note/nullable | false",
        "set    | /components/schemas/Account/properties/level/default | '{}'",
        "set    | /components/schemas/Account/discriminator   | '{\"mapping\": {}}'",
        "set    | /components/schemas/Account/xml/x           | 1",
        "set    | /components/schemas/Account/properties/kind | '\"string\"'",
        "set    | /components/schemas/Account/unevaluatedProperties | false",
        "set    | /components/schemas/Personal/allOf          | '{}'",
        "set    | /components/schemas/Bad~1Name              | '{}'",
        "set    | /components/responses/NotFound/x            | 1",
        "remove | /components/parameters/Limit/name           |",
        "remove | /components/parameters/AccountId/required   |",
        "set    | /components/examples/Account/externalValue  | '\"https://bank.example.ch/x\"'",
        "set    | /components/examples/Number                 | 1",
        "set    | /components/securitySchemes/apiKey/in       | '\"body\"'",
        "remove | /components/securitySchemes/apiKey/name     |",
        "remove | /components/securitySchemes/basic/scheme    |",
        "remove | /components/securitySchemes/oidc/openIdConnectUrl |",
        "set    | /components/securitySchemes/basic/type      | '\"mutualTLS\"'",
        "remove | /components/securitySchemes/oauth/flows/implicit/scopes |",
        "remove | /components/securitySchemes/oauth/flows/authorizationCode/tokenUrl |",
        "set    | /components/securitySchemes/oauth/flows/device | '{}'",
        "set    | /components/callbacks/Event/x-a             | 1",
        "set    | /components/pathItems                       | '{}'",
        "set    | /webhooks                                   | '{}'",
      })
  void rejectsWhatTheDeserializerReports(String change, String pointer, String value)
      throws Exception {
    JsonNode root = changed(parse(CLEAN), change, pointer, value);

    assertThat(deserializerMessages(root)).isNotEmpty();
    assertThat(ParserMessagesPrecheck.certainlyNone(root)).isFalse();
  }

  /**
   * Values the deserializer converts silently, and references it looks up only in some places: the
   * precheck does not follow its conversions, so it does not vouch for them.
   */
  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "set    | /info/version                               | 1",
        "set    | /paths/~1accounts~1{accountId}/get/deprecated | '\"false\"'",
        "set    | /components/schemas/Account/properties/id/readOnly | '\"true\"'",
        "set    | /components/schemas/Account/properties/id/maxLength | '\"5\"'",
        "set    | /components/schemas/Account/additionalProperties | '\"false\"'",
        "set    | /components/schemas/Account/properties/kind/$ref | '\"#/components/schemas/Missing\"'",
        "set    | /components/parameters/Limit/style          | '\"\"'",
        "set    | /paths/~1accounts/post/parameters/0/in      | '\"path\"'",
        "set    | /components/schemas/Account/properties/id/minimum | '\"1\"'",
      })
  void doesNotVouchForWhatTheDeserializerConvertsSilently(
      String change, String pointer, String value) throws Exception {
    JsonNode root = changed(parse(CLEAN), change, pointer, value);

    assertThat(ParserMessagesPrecheck.certainlyNone(root)).isFalse();
  }

  /**
   * Each field the deserializer reads in a schema is read by the precheck too: a field it does not
   * know makes it answer "don't know", so a new one (after an upgrade) fails here until it is.
   */
  @Test
  void everySchemaFieldIsRead() throws Exception {
    Map<String, String> samples =
        Map.ofEntries(
            Map.entry("title", "\"t\""),
            Map.entry("multipleOf", "2"),
            Map.entry("maximum", "9"),
            Map.entry("format", "\"int32\""),
            Map.entry("exclusiveMaximum", "true"),
            Map.entry("minimum", "1"),
            Map.entry("exclusiveMinimum", "false"),
            Map.entry("maxLength", "5"),
            Map.entry("minLength", "1"),
            Map.entry("pattern", "\"^a$\""),
            Map.entry("maxItems", "3"),
            Map.entry("minItems", "0"),
            Map.entry("uniqueItems", "true"),
            Map.entry("maxProperties", "4"),
            Map.entry("minProperties", "0"),
            Map.entry("required", "[\"a\"]"),
            Map.entry("enum", "[\"a\", 1, null]"),
            Map.entry("type", "\"object\""),
            Map.entry("allOf", "[{}]"),
            Map.entry("oneOf", "[{}]"),
            Map.entry("anyOf", "[{}]"),
            Map.entry("not", "{}"),
            Map.entry("items", "{}"),
            Map.entry("properties", "{\"a\": {}}"),
            Map.entry("additionalProperties", "true"),
            Map.entry("description", "\"d\""),
            Map.entry("default", "\"x\""),
            Map.entry("nullable", "true"),
            Map.entry("discriminator", "{\"propertyName\": \"a\"}"),
            Map.entry("readOnly", "true"),
            Map.entry("writeOnly", "false"),
            Map.entry("xml", "{\"name\": \"a\"}"),
            Map.entry("externalDocs", "{\"url\": \"https://bank.example.ch\"}"),
            Map.entry("example", "{\"a\": 1}"),
            Map.entry("deprecated", "false"),
            Map.entry("$ref", "\"#/components/schemas/Other\""));
    assertThat(samples.keySet()).isEqualTo(ParserMessagesPrecheck.SCHEMA_KEYS.keys());
    for (Map.Entry<String, String> sample : samples.entrySet()) {
      JsonNode root =
          parse(
              "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
                  + "components: {schemas: {Other: {}, Sample: {"
                  + JSON.writeValueAsString(sample.getKey())
                  + ": "
                  + sample.getValue()
                  + "}}}\n");

      assertThat(deserializerMessages(root)).as(sample.getKey()).isEmpty();
      assertThat(ParserMessagesPrecheck.certainlyNone(root)).as(sample.getKey()).isTrue();
    }
  }

  /** The precheck reads path templates with a character loop; it finds what the pattern finds. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/a/{id}",
        "/a/{id}/b/{b}",
        "/a/{}",
        "/a/{}}",
        "/{a}{b}",
        "/{{a}}",
        "/{a\nb}",
        "/{\n}",
        "/{a\r}/{b}",
        "/{a\u2028}",
        "/{a",
        "}{a}",
        "/{a}/{",
        "{{}",
        "/{é}",
        "/{x}}}",
        "/plain"
      })
  void templateVariablesAreWhatGetPathItemsPatternFinds(String path) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile("\\{(.+?)\\}").matcher(path);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }

    assertThat(ParserMessagesPrecheck.templateVariables(path)).isEqualTo(found);
  }

  /** The precheck reads full dates with a character loop; it accepts what the pattern accepts. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-01-31", "2024-1-31", "2024-01-31\n", "12024-01-31", "2024/01/31", "２０２４-01-31",
        "abcd-ef-gh", "", "2024-01-3x", "9999-99-99", "2024-01-31T00:00:00Z", "-024-01-31"
      })
  void fullDatesAreWhatGetDecodedObjectsPatternAccepts(String text) {
    assertThat(ParserMessagesPrecheck.fullDate(text))
        .isEqualTo(Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$").matcher(text).matches());
  }

  @Test
  void answersOnlyForOpenApi30() {
    assertThat(ParserMessagesPrecheck.certainlyNone(parse(CLEAN.replace("3.0.3", "3.1.0"))))
        .isFalse();
    assertThat(
            ParserMessagesPrecheck.certainlyNone(
                parse("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")))
        .isFalse();
    assertThat(ParserMessagesPrecheck.certainlyNone(parse("[1, 2]"))).isFalse();
  }

  @Test
  void parserMessagesOfACleanDocumentAreNone() throws Exception {
    ParsedFile file = TreeParser.parse(new SourceFile(Path.of("clean.yaml"), "clean.yaml", CLEAN));

    assertThat(ParserMessages.of(file, SpecVersion.OPENAPI_3_0)).isEmpty();
  }

  /** The precheck's field lists are the deserializer's, so that an upgrade that adds one shows. */
  @Test
  void fieldListsAreTheDeserializers() {
    Map<String, Set<String>> theirs = KeysOf.openApi30();
    Map<String, Set<String>> ours =
        Map.ofEntries(
            Map.entry("ROOT_KEYS", ParserMessagesPrecheck.ROOT_KEYS.keys()),
            Map.entry("INFO_KEYS", ParserMessagesPrecheck.INFO_KEYS.keys()),
            Map.entry("CONTACT_KEYS", ParserMessagesPrecheck.CONTACT_KEYS.keys()),
            Map.entry("LICENSE_KEYS", ParserMessagesPrecheck.LICENSE_KEYS.keys()),
            Map.entry("TAG_KEYS", ParserMessagesPrecheck.TAG_KEYS.keys()),
            Map.entry("RESPONSE_KEYS", ParserMessagesPrecheck.RESPONSE_KEYS.keys()),
            Map.entry("SERVER_KEYS", ParserMessagesPrecheck.SERVER_KEYS.keys()),
            Map.entry("SERVER_VARIABLE_KEYS", ParserMessagesPrecheck.SERVER_VARIABLE_KEYS.keys()),
            Map.entry("PATHITEM_KEYS", ParserMessagesPrecheck.PATHITEM_KEYS.keys()),
            Map.entry("OPERATION_KEYS", ParserMessagesPrecheck.OPERATION_KEYS.keys()),
            Map.entry("PARAMETER_KEYS", ParserMessagesPrecheck.PARAMETER_KEYS.keys()),
            Map.entry("REQUEST_BODY_KEYS", ParserMessagesPrecheck.REQUEST_BODY_KEYS.keys()),
            Map.entry("SECURITY_SCHEME_KEYS", ParserMessagesPrecheck.SECURITY_SCHEME_KEYS.keys()),
            Map.entry("EXTERNAL_DOCS_KEYS", ParserMessagesPrecheck.EXTERNAL_DOCS_KEYS.keys()),
            Map.entry("COMPONENTS_KEYS", ParserMessagesPrecheck.COMPONENTS_KEYS.keys()),
            Map.entry("SCHEMA_KEYS", ParserMessagesPrecheck.SCHEMA_KEYS.keys()),
            Map.entry("EXAMPLE_KEYS", ParserMessagesPrecheck.EXAMPLE_KEYS.keys()),
            Map.entry("HEADER_KEYS", ParserMessagesPrecheck.HEADER_KEYS.keys()),
            Map.entry("LINK_KEYS", ParserMessagesPrecheck.LINK_KEYS.keys()),
            Map.entry("MEDIATYPE_KEYS", ParserMessagesPrecheck.MEDIATYPE_KEYS.keys()),
            Map.entry("XML_KEYS", ParserMessagesPrecheck.XML_KEYS.keys()),
            Map.entry("OAUTHFLOW_KEYS", ParserMessagesPrecheck.OAUTHFLOW_KEYS.keys()),
            Map.entry("OAUTHFLOWS_KEYS", ParserMessagesPrecheck.OAUTHFLOWS_KEYS.keys()),
            Map.entry("ENCODING_KEYS", ParserMessagesPrecheck.ENCODING_KEYS.keys()));
    assertThat(ours.keySet()).isEqualTo(theirs.keySet());
    ours.forEach((name, keys) -> assertThat(keys).as(name).isEqualTo(theirs.get(name)));
  }

  /** The deserializer's field lists are protected. */
  private static final class KeysOf extends OpenAPIDeserializer {
    static Map<String, Set<String>> openApi30() {
      return KEYS.get("openapi30");
    }
  }

  private static List<String> deserializerMessages(JsonNode root) {
    List<String> messages =
        new MessagesOnlyDeserializer()
            .deserialize(root, "test.yaml", ParserMessages.options(), false)
            .getMessages();
    return messages == null ? List.of() : messages;
  }

  private static JsonNode parse(String text) {
    try {
      return TreeParser.parse(new SourceFile(Path.of("test.yaml"), "test.yaml", text)).root();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode changed(JsonNode root, String change, String pointer, String value)
      throws Exception {
    JsonNode parent = root.at(Pointers.parent(pointer));
    String key = Pointers.lastSegment(pointer);
    if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(key);
      if (change.equals("remove")) {
        array.remove(index);
      } else if (index == array.size()) {
        array.add(JSON.readTree(value));
      } else {
        array.set(index, JSON.readTree(value));
      }
    } else {
      ObjectNode object = (ObjectNode) parent;
      if (change.equals("remove")) {
        object.remove(key);
      } else {
        object.set(key, JSON.readTree(value));
      }
    }
    return root;
  }
}

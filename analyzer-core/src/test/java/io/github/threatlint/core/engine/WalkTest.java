package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which node kinds the one walk hands to which subscribed checks, once each, at the pointer where
 * each is written.
 */
class WalkTest {
  @TempDir Path folder;

  @Test
  void openApi3EveryKindOnceAtItsPointerWithTheChecksThatSubscribe() throws Exception {
    WalkRecorder.write(
        folder,
        "api.yaml",
        """
        openapi: 3.0.3
        info:
          title: t
          version: '1'
          contact: {name: c}
          license: {name: l}
        tags:
          - name: accounts
            externalDocs: {url: 'https://docs.example.com'}
        servers:
          - url: https://api.example.com
        paths:
          /accounts/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            get:
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate: {schema: {type: integer}}
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          name: {type: string}
            x-note: {description: an extension is not walked}
        components:
          schemas:
            Account: {type: object}
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
        """);
    String path = "api.yaml#/paths/~1accounts~1{id}";
    String response = path + "/get/responses/200";
    String json = response + "/content/application~1json/schema";
    assertThat(WalkRecorder.calls(folder, "api.yaml"))
        .containsExactlyInAnyOrder(
            "document api.yaml#",
            "node DOCUMENT api.yaml#",
            "end api.yaml#",
            "node INFO api.yaml#/info",
            "node CONTACT api.yaml#/info/contact",
            "node LICENSE api.yaml#/info/license",
            "node TAG api.yaml#/tags/0",
            "node EXTERNAL_DOCS api.yaml#/tags/0/externalDocs",
            "node SERVER api.yaml#/servers/0",
            "server https://api.example.com api.yaml#/servers/0",
            "node PATH_ITEM " + path,
            "node PARAMETER " + path + "/parameters/0",
            "parameter " + path + "/parameters/0",
            "node SCHEMA " + path + "/parameters/0/schema",
            "schema " + path + "/parameters/0/schema",
            "node OPERATION " + path + "/get",
            "operation GET /accounts/{id} " + path + "/get",
            "path operation GET /accounts/{id} " + path + "/get",
            "node RESPONSE " + response,
            "response 200 of GET /accounts/{id} " + response,
            "node HEADER " + response + "/headers/X-Rate",
            "node SCHEMA " + response + "/headers/X-Rate/schema",
            "schema " + response + "/headers/X-Rate/schema",
            "node MEDIA_TYPE " + response + "/content/application~1json",
            "node SCHEMA " + json,
            "schema " + json,
            "node SCHEMA " + json + "/properties/name",
            "schema " + json + "/properties/name",
            "node SCHEMA api.yaml#/components/schemas/Account",
            "schema api.yaml#/components/schemas/Account",
            "node SECURITY_SCHEME api.yaml#/components/securitySchemes/key",
            "scheme key api.yaml#/components/securitySchemes/key");
  }

  @Test
  void swagger2ParametersCarryTheirSchemaInlineAndServersComeFromHostAndSchemes() throws Exception {
    WalkRecorder.write(
        folder,
        "api.yaml",
        """
        swagger: '2.0'
        info: {title: t, version: '1'}
        host: api.example.com
        basePath: /v1
        schemes: [https]
        paths:
          /accounts:
            get:
              parameters:
                - {name: limit, in: query, type: integer}
                - {name: body, in: body, schema: {type: object}}
              responses:
                '200': {description: ok, schema: {type: array, items: {type: string}}}
        definitions:
          Account: {type: object}
        securityDefinitions:
          basic: {type: basic}
        """);
    String get = "api.yaml#/paths/~1accounts/get";
    assertThat(WalkRecorder.calls(folder, "api.yaml"))
        .containsExactlyInAnyOrder(
            "document api.yaml#",
            "node DOCUMENT api.yaml#",
            "end api.yaml#",
            "node INFO api.yaml#/info",
            // a 2.0 server is no node of its own: the server check alone hears of it
            "server https://api.example.com/v1 api.yaml#/schemes/0",
            "node PATH_ITEM api.yaml#/paths/~1accounts",
            "node OPERATION " + get,
            "operation GET /accounts " + get,
            "path operation GET /accounts " + get,
            // a non-body parameter is its own schema
            "node PARAMETER " + get + "/parameters/0",
            "parameter " + get + "/parameters/0",
            "node SCHEMA " + get + "/parameters/0",
            "schema " + get + "/parameters/0",
            "node PARAMETER " + get + "/parameters/1",
            "parameter " + get + "/parameters/1",
            "node SCHEMA " + get + "/parameters/1/schema",
            "schema " + get + "/parameters/1/schema",
            "node RESPONSE " + get + "/responses/200",
            "response 200 of GET /accounts " + get + "/responses/200",
            "node SCHEMA " + get + "/responses/200/schema",
            "schema " + get + "/responses/200/schema",
            "node SCHEMA " + get + "/responses/200/schema/items",
            "schema " + get + "/responses/200/schema/items",
            "node SCHEMA api.yaml#/definitions/Account",
            "schema api.yaml#/definitions/Account",
            "node SECURITY_SCHEME api.yaml#/securityDefinitions/basic",
            "scheme basic api.yaml#/securityDefinitions/basic");
  }

  @Test
  void aWebhookIsAnOperationButNoPathOperation() throws Exception {
    WalkRecorder.write(
        folder,
        "api.yaml",
        """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        webhooks:
          paid:
            post:
              responses:
                '200': {description: ok}
        """);
    assertThat(WalkRecorder.calls(folder, "api.yaml"))
        .filteredOn(call -> call.contains("webhooks"))
        .containsExactlyInAnyOrder(
            "node PATH_ITEM api.yaml#/webhooks/paid",
            "node OPERATION api.yaml#/webhooks/paid/post",
            "operation webhook POST paid api.yaml#/webhooks/paid/post",
            "node RESPONSE api.yaml#/webhooks/paid/post/responses/200",
            "response 200 of webhook POST paid api.yaml#/webhooks/paid/post/responses/200");
  }
}

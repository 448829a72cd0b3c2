package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.source.TreeParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views answer the same questions for Swagger 2.0 and OpenAPI 3, so that rules need not ask
 * which version they read.
 */
class VersionNeutralViewsTest {
  private static final ApiDocument SWAGGER_2 =
      document(
          """
          swagger: '2.0'
          info: {title: t, version: '1'}
          host: api.example.ch
          basePath: /v1
          schemes: [http, https]
          securityDefinitions:
            basic: {type: basic}
            oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {}}
          paths:
            /pets:
              post:
                schemes: [http]
                parameters:
                  - {name: limit, in: query, type: integer}
                  - {name: pet, in: body, schema: {type: object}}
                responses: {'200': {description: ok}}
          """);

  private static final ApiDocument OPENAPI_3 =
      document(
          """
          openapi: 3.0.3
          info: {title: t, version: '1'}
          servers:
            - {url: 'https://api.example.ch/v1', description: production}
          components:
            securitySchemes:
              basic: {type: http, scheme: basic}
              oauth:
                type: oauth2
                flows:
                  authorizationCode: {authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {}}
          paths:
            /pets:
              post:
                requestBody:
                  content:
                    application/json: {schema: {type: object}}
                responses: {'200': {description: ok}}
          """);

  private static ApiDocument document(String yaml) {
    try {
      ParsedFile file = TreeParser.parse(new SourceFile(null, "api.yaml", yaml));
      return new ApiDocument(file, DocumentLoader.detectVersion(file), ExternalFiles.NONE);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSwagger2ServerIsComposedFromSchemesHostAndBasePath() {
    List<Server> servers = SWAGGER_2.servers();
    assertThat(servers)
        .extracting(Server::url)
        .containsExactly("http://api.example.ch/v1", "https://api.example.ch/v1");
    Server http = servers.get(0);
    assertThat(http.composed()).isTrue();
    assertThat(http.urlNode().pointer()).isEqualTo("/schemes/0");
    assertThat(http.hostNode().pointer()).isEqualTo("/host");
    assertThat(SWAGGER_2.serversNode().pointer()).isEqualTo("/basePath");
  }

  @Test
  void anOpenApi3ServerIsWrittenAsOneUrl() {
    Server server = OPENAPI_3.servers().get(0);
    assertThat(server.composed()).isFalse();
    assertThat(server.urlNode().pointer()).isEqualTo("/servers/0/url");
    assertThat(server.hostNode().pointer()).isEqualTo("/servers/0/url");
    assertThat(OPENAPI_3.serversNode().pointer()).isEqualTo("/servers");
  }

  @Test
  void theRequestBodyIsDeclaredByTheBodyParameterOrByRequestBody() {
    assertThat(SWAGGER_2.operations().get(0).requestBodyEntry().pointer())
        .isEqualTo("/paths/~1pets/post/parameters/1");
    assertThat(OPENAPI_3.operations().get(0).requestBodyEntry().pointer())
        .isEqualTo("/paths/~1pets/post/requestBody");
  }

  @Test
  void onlySwagger2OperationsOverrideTheSchemes() {
    assertThat(SWAGGER_2.operations().get(0).schemes())
        .extracting(NodeRef::pointer)
        .containsExactly("/paths/~1pets/post/schemes/0");
    assertThat(OPENAPI_3.operations().get(0).schemes()).isEmpty();
  }

  @Test
  void httpBasicAndOAuthFlowsAreLocatedWhereEachVersionWritesThem() {
    assertThat(SWAGGER_2.securitySchemes().get("basic").httpSchemeKey()).isEqualTo("type");
    assertThat(OPENAPI_3.securitySchemes().get("basic").httpSchemeKey()).isEqualTo("scheme");
    assertThat(SWAGGER_2.securitySchemes().get("oauth").flows().get(0).location().pointer())
        .isEqualTo("/securityDefinitions/oauth/flow");
    assertThat(OPENAPI_3.securitySchemes().get("oauth").flows().get(0).location().pointer())
        .isEqualTo("/components/securitySchemes/oauth/flows/authorizationCode");
  }

  @Test
  void eachVersionNamesItsOwnFieldsAndSaysWhatItCanExpress() {
    assertThat(SpecVersion.SWAGGER_2_0.versionField()).isEqualTo("swagger");
    assertThat(SpecVersion.OPENAPI_3_1.versionField()).isEqualTo("openapi");
    assertThat(SpecVersion.SWAGGER_2_0.schemasPointer()).isEqualTo("/definitions");
    assertThat(SpecVersion.OPENAPI_3_0.schemasPointer()).isEqualTo("/components/schemas");
    assertThat(SpecVersion.SWAGGER_2_0.componentsPointer()).isEmpty();
    assertThat(SpecVersion.SWAGGER_2_0.componentSections())
        .contains("definitions")
        .doesNotContain("schemas");
    assertThat(SpecVersion.SWAGGER_2_0.hasWriteOnly()).isFalse();
    assertThat(SpecVersion.OPENAPI_3_0.hasRefreshUrl()).isTrue();
    assertThat(SpecVersion.SWAGGER_2_0.apiKeyLocations()).doesNotContain("cookie");
    assertThat(SpecVersion.SWAGGER_2_0.securitySchemesLocation()).isEqualTo("securityDefinitions");
  }

  @Test
  void aSwagger2ParameterIsVisitedAsASchema() {
    NodeRef limit = SWAGGER_2.root().at("/paths/~1pets/post/parameters/0");
    assertThat(new SchemaVisit(limit, null, null, null, SWAGGER_2).isParameter()).isTrue();
    NodeRef schema =
        OPENAPI_3.root().at("/paths/~1pets/post/requestBody/content/application~1json/schema");
    assertThat(new SchemaVisit(schema, null, null, null, OPENAPI_3).isParameter()).isFalse();
  }
}

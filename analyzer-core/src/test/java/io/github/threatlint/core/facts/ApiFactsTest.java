package io.github.threatlint.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.source.TreeParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts the threat-model report reads: as written, each schema once, references followed. */
class ApiFactsTest {
  private static final String TEXT =
      """
      openapi: 3.0.3
      info: {title: Accounts, version: '2.1', x-audience: external-partner}
      servers:
        - url: https://api.bank.example/v1
        - url: /relative
          x-internal: true
      security: [{oauth: [accounts:read]}]
      paths:
        /accounts:
          get:
            parameters:
              - {name: client_id, in: query, required: true, schema: {type: string}}
              - {name: page, in: query, schema: {type: integer}}
            responses:
              '200':
                description: ok
                headers:
                  X-Rate-Limit: {schema: {type: integer}}
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Account'}
          post:
            security: [{oauth: [accounts:write, accounts:read]}]
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Account'}
            callbacks:
              done:
                '{$request.body#/callbackUrl}':
                  post:
                    responses: {'204': {description: done}}
            responses: {'201': {description: created}}
      components:
        securitySchemes:
          oauth:
            type: oauth2
            flows:
              authorizationCode:
                authorizationUrl: https://auth.bank.example/authorize
                tokenUrl: https://auth.bank.example/token
                scopes: {accounts:read: read, accounts:write: write}
        schemas:
          Account:
            properties:
              holder:
                properties:
                  name: {type: string}
              balance: {$ref: '#/components/schemas/Amount'}
          Amount:
            properties:
              value: {type: number}
      """;

  private static final ApiFacts FACTS = ApiFacts.of(document(TEXT));

  private static ApiDocument document(String text) {
    try {
      ParsedFile parsed = TreeParser.parse(new SourceFile(null, "specs/accounts.yaml", text));
      return new ApiDocument(parsed, DocumentLoader.detectVersion(parsed), ExternalFiles.NONE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void takesTheDocumentsNamesAndItsFilesHash() throws Exception {
    assertThat(FACTS.title()).isEqualTo("Accounts");
    assertThat(FACTS.apiVersion()).isEqualTo("2.1");
    assertThat(FACTS.audience()).isEqualTo("external-partner");
    assertThat(FACTS.rootSecurity().pointer()).isEqualTo("/security");
    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(TEXT.getBytes(StandardCharsets.UTF_8)));
    assertThat(FACTS.files())
        .containsExactly(new ApiFacts.AnalysedFile("specs/accounts.yaml", sha256));
  }

  @Test
  void serversNameTheirHostAndWhetherTheyAreMarkedInternal() {
    assertThat(FACTS.servers())
        .extracting(ApiFacts.Server::host, ApiFacts.Server::markedInternal)
        .containsExactly(tuple("api.bank.example", false), tuple(null, true));
  }

  @Test
  void operationsUnderPathsAndCallbacksWithTheirScopesParametersAndHeaders() {
    assertThat(FACTS.operations())
        .extracting(ApiFacts.Operation::label)
        .containsExactly(
            "GET /accounts", "POST /accounts", "callback POST {$request.body#/callbackUrl}");
    ApiFacts.Operation get = FACTS.operations().get(0);
    assertThat(get.underPaths()).isTrue();
    assertThat(get.scopes()).containsExactly("accounts:read");
    assertThat(get.parameters())
        .containsExactly(
            new ApiFacts.Parameter("client_id", "string", true),
            new ApiFacts.Parameter("page", "integer", false));
    assertThat(get.responseHeaders())
        .containsExactly(new ApiFacts.Field("X-Rate-Limit", "integer", List.of()));
    assertThat(FACTS.operations().get(1).scopes())
        .containsExactly("accounts:write", "accounts:read");
    assertThat(FACTS.operations().get(2).underPaths()).isFalse();
    assertThat(FACTS.securitySchemes().get(0).flows())
        .extracting(ApiFacts.Flow::kind, ApiFacts.Flow::tokenUrl)
        .containsExactly(tuple("authorizationCode", "https://auth.bank.example/token"));
  }

  @Test
  void aSchemaReachedFromSeveralPlacesIsTakenOnceAndItsReferencesFollowed() {
    ApiFacts.Operation get = FACTS.operations().get(0);
    ApiFacts.Operation post = FACTS.operations().get(1);
    // the parameters' schemas first, then the response's; two references, each a schema of its
    // own, lead to the one Account
    assertThat(get.schemas()).hasSize(3);
    ApiFacts.Schema getRoot = FACTS.schemas().get(get.schemas().get(2));
    ApiFacts.Schema postRoot = FACTS.schemas().get(post.schemas().get(0));
    assertThat(getRoot.references()).isEqualTo(postRoot.references()).hasSize(1);
    int account = getRoot.references().get(0);
    ApiFacts.Definition accountDefinition = FACTS.definitions().get(0);
    assertThat(accountDefinition.name()).isEqualTo("Account");
    assertThat(accountDefinition.schema()).isEqualTo(account);
    // properties at any depth, each with the words of the names around it
    assertThat(FACTS.schemas().get(account).fields())
        .containsExactlyInAnyOrder(
            new ApiFacts.Field("holder", null, List.of("account")),
            new ApiFacts.Field("name", "string", List.of("account", "holder")),
            new ApiFacts.Field("balance", null, List.of("account")));
    int amount = FACTS.schemas().get(account).references().get(0);
    assertThat(FACTS.definitions().get(1).schema()).isEqualTo(amount);
    assertThat(FACTS.schemas().get(amount).fields())
        .containsExactly(new ApiFacts.Field("value", "number", List.of("amount")));
  }
}

package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.source.TreeParser;
import org.junit.jupiter.api.Test;

/**
 * Input and output use of schemas, followed through references, composition and discriminator
 * hierarchies.
 */
class SchemaUsageTest {

  private static ApiDocument document(String yaml) throws Exception {
    ParsedFile file = TreeParser.parse(new SourceFile(null, "test.yaml", yaml));
    return new ApiDocument(file, DocumentLoader.detectVersion(file), ExternalFiles.NONE);
  }

  private static NodeRef at(ApiDocument document, String pointer) {
    return document.root().at(pointer);
  }

  @Test
  void aSchemaSharedThroughYamlAliasesIsJudgedAtEachPlace() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets:
            post:
              requestBody:
                content:
                  application/json:
                    schema: &pet
                      properties: {name: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: *pet
        components:
          schemas:
            Kept: *pet
        """);
    NodeRef request =
        at(document, "/paths/~1pets/post/requestBody/content/application~1json/schema");
    NodeRef response =
        at(
            document,
            "/paths/~1pets/post/responses/200/content/application~1json/schema/properties/name");
    NodeRef unreached = at(document, "/components/schemas/Kept/properties/name");
    // one node of the tree at three places, each judged by its own use
    assertThat(response.node()).isSameAs(unreached.node());
    SchemaUsage usage = document.schemaUsage();
    assertThat(usage.flags(request)).isEqualTo(SchemaUsage.INPUT);
    assertThat(usage.flags(response)).isEqualTo(SchemaUsage.OUTPUT);
    assertThat(usage.flags(unreached)).isZero();
    assertThat(usage.isRequestRoot(request)).isTrue();
    assertThat(usage.isRequestRoot(at(document, "/components/schemas/Kept"))).isFalse();
  }

  @Test
  void aSchemaSentOnlyInHeadersIsAHeaderOnlyInput() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets/{id}:
            get:
              parameters:
                - {name: Token, in: header, schema: {$ref: '#/components/schemas/Token'}}
                - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Id'}}
                - {name: Pet-Id, in: header, schema: {$ref: '#/components/schemas/Id'}}
              responses:
                '200': {description: ok}
        components:
          schemas:
            Token: {type: string}
            Id: {type: string}
        """);
    SchemaUsage usage = document.schemaUsage();
    NodeRef token = at(document, "/components/schemas/Token");
    NodeRef id = at(document, "/components/schemas/Id");
    // a header's value is an input like any other
    assertThat(usage.flags(token)).isEqualTo(SchemaUsage.INPUT);
    assertThat(usage.flags(id)).isEqualTo(SchemaUsage.INPUT);
    assertThat(usage.isHeaderOnlyInput(token)).isTrue();
    assertThat(usage.isHeaderOnlyInput(id)).isFalse();
  }

  @Test
  void aSchemaSentOnlyInTheUrlOrHeadersIsAUrlOrHeaderOnlyInput() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets/{id}:
            post:
              parameters:
                - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Id'}}
                - {name: Pet-Id, in: header, schema: {$ref: '#/components/schemas/Id'}}
                - {name: cursor, in: query, schema: {$ref: '#/components/schemas/Cursor'}}
                - {name: session, in: cookie, schema: {$ref: '#/components/schemas/Session'}}
                - {name: name, in: query, schema: {$ref: '#/components/schemas/Name'}}
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Name'}
              responses:
                '200': {description: ok}
        components:
          schemas:
            Id: {type: string}
            Cursor: {type: string}
            Session: {type: string}
            Name: {type: string}
        """);
    SchemaUsage usage = document.schemaUsage();
    NodeRef id = at(document, "/components/schemas/Id");
    NodeRef cursor = at(document, "/components/schemas/Cursor");
    // a URL's value is an input like any other
    assertThat(usage.flags(cursor)).isEqualTo(SchemaUsage.INPUT);
    assertThat(usage.isUrlOrHeaderOnlyInput(id)).isTrue();
    assertThat(usage.isUrlOrHeaderOnlyInput(cursor)).isTrue();
    assertThat(usage.isHeaderOnlyInput(cursor)).isFalse();
    // a cookie travels in the Cookie header; a request body that reads the schema too is not
    // bounded
    assertThat(usage.isUrlOrHeaderOnlyInput(at(document, "/components/schemas/Session"))).isTrue();
    assertThat(usage.isHeaderOnlyInput(at(document, "/components/schemas/Session"))).isTrue();
    assertThat(usage.isUrlOrHeaderOnlyInput(at(document, "/components/schemas/Name"))).isFalse();
  }

  @Test
  void requestAndResponseSchemasThroughReferencesAndComposition() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/NewPet'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/components/schemas/Pet'}
        components:
          schemas:
            NewPet:
              allOf:
                - $ref: '#/components/schemas/Base'
                - properties: {name: {type: string}}
            Pet:
              allOf:
                - $ref: '#/components/schemas/Base'
                - properties: {id: {type: string}}
            Base:
              properties: {tag: {type: string}}
            Unused:
              type: string
        """);
    SchemaUsage usage = document.schemaUsage();
    assertThat(usage.flags(at(document, "/components/schemas/NewPet/allOf/1/properties/name")))
        .isEqualTo(SchemaUsage.INPUT);
    assertThat(usage.flags(at(document, "/components/schemas/Pet/allOf/1/properties/id")))
        .isEqualTo(SchemaUsage.OUTPUT);
    assertThat(usage.flags(at(document, "/components/schemas/Base/properties/tag")))
        .isEqualTo(SchemaUsage.INPUT | SchemaUsage.OUTPUT);
    assertThat(usage.flags(at(document, "/components/schemas/Unused"))).isZero();
    // the document has operations and none sends it: not an input (component-unused reports it)
    assertThat(usage.isInputOrUnknown(at(document, "/components/schemas/Unused"))).isFalse();
    assertThat(usage.isCompositionMember(at(document, "/components/schemas/Base"))).isTrue();
    assertThat(usage.isCompositionMember(at(document, "/components/schemas/NewPet/allOf/1")))
        .isTrue();
    assertThat(usage.isCompositionMember(at(document, "/components/schemas/Pet"))).isFalse();
  }

  /**
   * Branches of an {@code allOf} nested in schema definitions are composition members whether an
   * operation reaches them (recorded while marking) or not (recorded by the pass over the
   * definitions that marking did not walk).
   */
  @Test
  void nestedCompositionMembersReachedOrNot() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Reached'}
        components:
          schemas:
            Reached:
              properties:
                nested:
                  allOf: [{type: object}, {$ref: '#/components/schemas/Base'}]
            Unreached:
              properties:
                deep:
                  items:
                    allOf: [{type: object}]
            Base: {type: object}
        """);
    SchemaUsage usage = document.schemaUsage();
    String reached = "/components/schemas/Reached/properties";
    assertThat(usage.flags(at(document, reached + "/nested/allOf/0")))
        .isEqualTo(SchemaUsage.OUTPUT);
    assertThat(usage.isCompositionMember(at(document, reached + "/nested/allOf/0"))).isTrue();
    assertThat(usage.isCompositionMember(at(document, "/components/schemas/Base"))).isTrue();
    assertThat(
            usage.isCompositionMember(
                at(document, "/components/schemas/Unreached/properties/deep/items/allOf/0")))
        .isTrue();
    assertThat(usage.isCompositionMember(at(document, "/components/schemas/Reached"))).isFalse();
    assertThat(usage.isCompositionMember(at(document, reached + "/nested"))).isFalse();
  }

  /**
   * An OAS 3.0 reference's other keywords are not marked: the branches of an {@code allOf} there,
   * in a definition an operation reaches, are still composition members.
   */
  @Test
  void compositionMembersBesideAReferenceInAReachedDefinition() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      items: {$ref: '#/components/schemas/Pet'}
              responses:
                '204': {description: done}
        components:
          schemas:
            Pet:
              properties:
                owner:
                  $ref: '#/components/schemas/Owner'
                  properties:
                    contact:
                      allOf: [{type: string}]
            Owner: {type: object}
        """);
    SchemaUsage usage = document.schemaUsage();
    String owner = "/components/schemas/Pet/properties/owner";
    assertThat(usage.flags(at(document, owner))).isEqualTo(SchemaUsage.INPUT);
    // OAS 3.0: the keywords beside $ref are not followed, and their schemas not marked
    assertThat(usage.flags(at(document, owner + "/properties/contact"))).isZero();
    assertThat(usage.isCompositionMember(at(document, owner + "/properties/contact/allOf/0")))
        .isTrue();
    assertThat(usage.isCompositionMember(at(document, owner + "/properties/contact"))).isFalse();
  }

  /**
   * OAS 3.1 applies the keywords beside {@code $ref}: the marking walks them, records their {@code
   * allOf} branches, and the definition it reached is not walked again.
   */
  @Test
  void compositionMembersBesideAReferenceInOas31() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /pets:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses:
                '204': {description: done}
        components:
          schemas:
            Pet:
              properties:
                owner:
                  $ref: '#/components/schemas/Owner'
                  properties:
                    contact:
                      allOf: [{type: string}]
            Owner: {type: object}
        """);
    SchemaUsage usage = document.schemaUsage();
    String contact = "/components/schemas/Pet/properties/owner/properties/contact";
    assertThat(usage.flags(at(document, contact))).isEqualTo(SchemaUsage.INPUT);
    assertThat(usage.isCompositionMember(at(document, contact + "/allOf/0"))).isTrue();
    assertThat(usage.isCompositionMember(at(document, contact))).isFalse();
  }

  /**
   * Swagger 2.0's definitions: branches reached through a body parameter and branches no one
   * reaches.
   */
  @Test
  void compositionMembersOfSwagger2Definitions() throws Exception {
    ApiDocument document =
        document(
            """
        swagger: '2.0'
        info: {title: t, version: '1'}
        paths:
          /pets:
            post:
              parameters:
                - in: body
                  name: pet
                  schema: {$ref: '#/definitions/Pet'}
              responses:
                '204': {description: done}
        definitions:
          Pet:
            properties:
              tag:
                allOf: [{type: string}]
          Unused:
            properties:
              note:
                allOf: [{type: string}]
        """);
    SchemaUsage usage = document.schemaUsage();
    assertThat(usage.flags(at(document, "/definitions/Pet/properties/tag")))
        .isEqualTo(SchemaUsage.INPUT);
    assertThat(usage.isCompositionMember(at(document, "/definitions/Pet/properties/tag/allOf/0")))
        .isTrue();
    assertThat(
            usage.isCompositionMember(at(document, "/definitions/Unused/properties/note/allOf/0")))
        .isTrue();
    assertThat(usage.isCompositionMember(at(document, "/definitions/Pet/properties/tag")))
        .isFalse();
  }

  @Test
  void discriminatorHierarchyMembersShareTheBaseUse() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
          /vehicles:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Vehicle'}
        components:
          schemas:
            Pet:
              type: object
              discriminator: {propertyName: kind}
              properties: {kind: {type: string}}
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - properties: {lives: {type: integer}}
            Vehicle:
              type: object
              discriminator:
                propertyName: kind
                mapping:
                  car: '#/components/schemas/Car'
                  bike: Bike
              properties: {kind: {type: string}}
            Car: {type: object, properties: {doors: {type: integer}}}
            Bike: {type: object, properties: {gears: {type: integer}}}
        """);
    SchemaUsage usage = document.schemaUsage();
    assertThat(usage.flags(at(document, "/components/schemas/Cat/allOf/1/properties/lives")))
        .isEqualTo(SchemaUsage.OUTPUT);
    assertThat(usage.flags(at(document, "/components/schemas/Car/properties/doors")))
        .isEqualTo(SchemaUsage.OUTPUT);
    assertThat(usage.flags(at(document, "/components/schemas/Bike/properties/gears")))
        .isEqualTo(SchemaUsage.OUTPUT);
  }

  @Test
  void swagger2ParametersAndOas31ReferenceSiblings() throws Exception {
    ApiDocument swagger =
        document(
            """
        swagger: '2.0'
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              parameters:
                - {name: q, in: query, type: string}
              responses:
                '200':
                  description: ok
                  headers: {X-Rate: {type: integer}}
                  schema: {$ref: '#/definitions/A'}
        definitions:
          A: {type: object, properties: {x: {type: string}}}
        """);
    assertThat(swagger.schemaUsage().flags(at(swagger, "/paths/~1a/get/parameters/0")))
        .isEqualTo(SchemaUsage.INPUT);
    assertThat(
            swagger.schemaUsage().flags(at(swagger, "/paths/~1a/get/responses/200/headers/X-Rate")))
        .isEqualTo(SchemaUsage.OUTPUT);
    assertThat(swagger.schemaUsage().flags(at(swagger, "/definitions/A/properties/x")))
        .isEqualTo(SchemaUsage.OUTPUT);

    ApiDocument oas31 =
        document(
            """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /a:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/A'
                      properties: {extra: {type: string}}
              responses: {'204': {description: ok}}
        components:
          schemas:
            A: {type: object}
        """);
    assertThat(
            oas31
                .schemaUsage()
                .flags(
                    at(
                        oas31,
                        "/paths/~1a/post/requestBody/content/application~1json/schema/properties/extra")))
        .isEqualTo(SchemaUsage.INPUT);
  }

  @Test
  void requestRootsAndResponsesDefinedForReuse() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /orders:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: array
                      items: {$ref: '#/components/schemas/Order'}
              responses:
                '201': {description: ok}
        components:
          responses:
            Unused:
              description: defined for reuse, used by no operation
              content:
                application/json:
                  schema: {type: object, properties: {message: {type: string}}}
          schemas:
            Order:
              allOf:
                - $ref: '#/components/schemas/Entity'
                - properties: {account: {type: object, properties: {id: {type: string}}}}
            Entity:
              properties: {id: {type: string}}
        """);
    SchemaUsage usage = document.schemaUsage();
    assertThat(usage.isRequestRoot(at(document, "/components/schemas/Order"))).isTrue();
    assertThat(usage.isRequestRoot(at(document, "/components/schemas/Entity"))).isTrue();
    assertThat(usage.isRequestRoot(at(document, "/components/schemas/Order/allOf/1"))).isTrue();
    assertThat(
            usage.isRequestRoot(
                at(document, "/components/schemas/Order/allOf/1/properties/account")))
        .isFalse();
    assertThat(
            usage.flags(
                at(
                    document,
                    "/components/responses/Unused/content/application~1json/schema/properties/message")))
        .isEqualTo(SchemaUsage.OUTPUT);
  }

  @Test
  void swagger2EmptyProducesStillMarksTheResponseSchema() throws Exception {
    ApiDocument document =
        document(
            """
        swagger: '2.0'
        info: {title: t, version: '1'}
        produces: []
        paths:
          /a:
            get:
              responses:
                '200': {description: ok, schema: {type: object}}
        """);
    assertThat(document.schemaUsage().flags(at(document, "/paths/~1a/get/responses/200/schema")))
        .isEqualTo(SchemaUsage.OUTPUT);
  }

  @Test
  void oas30ExtensionWebhooksSendTheirBodies() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        x-webhooks:
          push:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/PushEvent'}
              responses:
                '200': {description: ok}
        components:
          schemas:
            PushEvent: {type: object, properties: {url: {type: string}}}
        """);
    assertThat(
            document
                .schemaUsage()
                .flags(at(document, "/components/schemas/PushEvent/properties/url")))
        .isEqualTo(SchemaUsage.OUTPUT);
  }

  @Test
  void schemasOfADocumentWithoutOperationsHaveAnUnknownUseJudgedAsInput() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: shared models, version: '1'}
        paths: {}
        components:
          schemas:
            Address: {type: object, properties: {street: {type: string}}}
        """);
    NodeRef street = at(document, "/components/schemas/Address/properties/street");
    assertThat(document.schemaUsage().isUnknown(street)).isTrue();
    assertThat(document.schemaUsage().isInputOrUnknown(street)).isTrue();
  }

  @Test
  void aSchemaReachedOnlyThroughAVendorExtensionOfAResponseIsNoInput() throws Exception {
    ApiDocument document =
        document(
            """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  x-example-schema: {$ref: '#/components/schemas/Sample'}
        components:
          schemas:
            Sample: {type: object, properties: {note: {type: string}}}
        """);
    NodeRef note = at(document, "/components/schemas/Sample/properties/note");
    assertThat(document.schemaUsage().isUnknown(note)).isFalse();
    assertThat(document.schemaUsage().isInputOrUnknown(note)).isFalse();
  }
}

package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.TreeParser;
import org.junit.jupiter.api.Test;

/** How messages name the schema at a place. */
class SchemaLabelsTest {
  private static final String OAS3 =
      """
      openapi: 3.0.3
      paths:
        /pets:
          post:
            parameters:
              - {name: limit, in: query, schema: {type: integer}}
            requestBody:
              content:
                application/json:
                  schema: {type: object, properties: {name: {type: string}}}
            responses:
              '200':
                description: ok
                headers:
                  X-Rate: {schema: {type: integer}}
      components:
        schemas:
          Pet:
            properties:
              tags: {type: array, items: {type: string}}
              owner: {allOf: [{properties: {city: {type: string}}}]}
      """;

  private static final String SWAGGER =
      """
      swagger: '2.0'
      paths:
        /pets:
          post:
            parameters:
              - {name: tags, in: query, type: array, items: {type: string}}
              - {name: body, in: body, schema: {type: object}}
      """;

  private static NodeRef at(String text, String path, String pointer) throws Exception {
    ParsedFile file = TreeParser.parse(new SourceFile(null, path, text));
    return new NodeRef(file, pointer, file.root().at(pointer));
  }

  @Test
  void namesSchemasByWhereTheyAreWritten() throws Exception {
    assertThat(SchemaLabels.of(at(OAS3, "api.yaml", "/components/schemas/Pet")))
        .isEqualTo("schema 'Pet'");
    assertThat(
            SchemaLabels.of(at(OAS3, "api.yaml", "/components/schemas/Pet/properties/tags/items")))
        .isEqualTo("property 'tags[]' of schema 'Pet'");
    assertThat(
            SchemaLabels.of(
                at(
                    OAS3,
                    "api.yaml",
                    "/components/schemas/Pet/properties/owner/allOf/0/properties/city")))
        .isEqualTo("property 'owner.city' of schema 'Pet'");
    assertThat(SchemaLabels.of(at(OAS3, "api.yaml", "/paths/~1pets/post/parameters/0/schema")))
        .isEqualTo("parameter 'limit' of POST /pets");
    assertThat(
            SchemaLabels.of(
                at(
                    OAS3,
                    "api.yaml",
                    "/paths/~1pets/post/requestBody/content/application~1json/schema/properties/name")))
        .isEqualTo("property 'name' of the request body of POST /pets");
    assertThat(
            SchemaLabels.of(
                at(OAS3, "api.yaml", "/paths/~1pets/post/responses/200/headers/X-Rate/schema")))
        .isEqualTo("header 'X-Rate' of response 200 of POST /pets");
  }

  @Test
  void swagger2ParametersCarryTheirKeywordsInline() throws Exception {
    assertThat(SchemaLabels.of(at(SWAGGER, "api.yaml", "/paths/~1pets/post/parameters/0/items")))
        .isEqualTo("the items of parameter 'tags' of POST /pets");
    assertThat(SchemaLabels.of(at(SWAGGER, "api.yaml", "/paths/~1pets/post/parameters/1/schema")))
        .isEqualTo("the request body of POST /pets");
  }

  @Test
  void aSchemaInAFileOfItsOwnIsNamedByTheFile() throws Exception {
    String schema = "type: object\nproperties:\n  password: {type: string}\n";
    assertThat(SchemaLabels.of(at(schema, "models/database_user.yml", "")))
        .isEqualTo("schema 'database_user'");
    assertThat(SchemaLabels.of(at(schema, "models/database_user.yml", "/properties/password")))
        .isEqualTo("property 'password' of schema 'database_user'");
    assertThat(SchemaLabels.of(at(schema, "schemas/Applicant.v2.json", "")))
        .isEqualTo("schema 'Applicant.v2'");
    assertThat(SchemaLabels.definitionName(at(schema, "models/database_user.yml", "")))
        .isEqualTo("database_user");
    assertThat(SchemaLabels.definitionName(at(schema, "models/database_user.yml", "/properties")))
        .isEqualTo("properties");
  }

  @Test
  void aParameterOfThePathItemIsNamedWithItsPath() throws Exception {
    String text =
        """
        openapi: 3.0.3
        paths:
          /pets/{petId}:
            parameters:
              - {name: petId, in: path, required: true, schema: {type: string}}
        """;
    assertThat(SchemaLabels.of(at(text, "api.yaml", "/paths/~1pets~1{petId}/parameters/0/schema")))
        .isEqualTo("parameter 'petId' of /pets/{petId}");
  }

  @Test
  void aParameterInAFileOfItsOwnIsNamedByItsName() throws Exception {
    String single = "name: pageSize\nin: query\nschema: {type: integer}\n";
    assertThat(SchemaLabels.of(at(single, "parameters/page-size.yaml", "/schema")))
        .isEqualTo("parameter 'pageSize' of page-size.yaml");
    String several =
        "PageSize:\n  name: pageSize\n  in: query\n  schema: {type: array, items: {type: integer}}\n";
    assertThat(SchemaLabels.of(at(several, "parameters.yaml", "/PageSize/schema/items")))
        .isEqualTo("the items of parameter 'pageSize' of parameters.yaml");
  }
}

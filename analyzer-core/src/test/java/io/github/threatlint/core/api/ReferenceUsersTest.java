package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.source.ScalarEdit;
import io.github.threatlint.core.source.TreeParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which operations use a referenced part: through chains of references, callbacks and cycles, never
 * the whole path item.
 */
class ReferenceUsersTest {
  private static final ApiDocument DOCUMENT =
      document(
          """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /a:
          get:
            responses:
              '200': {$ref: '#/components/responses/Listing'}
        /b:
          parameters:
            - $ref: '#/components/parameters/Page'
          post:
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Wrapper'}
            responses: {'204': {description: done}}
          delete:
            responses: {'204': {description: done}}
        /c:
          $ref: '#/x-mounted/c'
      components:
        responses:
          Listing:
            description: ok
            content:
              application/json:
                schema: {type: array, items: {$ref: '#/components/schemas/Shared'}}
        parameters:
          Page: {name: page, in: query, schema: {type: integer}}
        schemas:
          Wrapper:
            properties:
              inner: {$ref: '#/components/schemas/Shared'}
          Shared:
            properties:
              self: {$ref: '#/components/schemas/Shared'}
              name: {type: string}
          Unused: {type: string}
      x-mounted:
        c:
          put:
            callbacks:
              done:
                '{$request.body#/url}':
                  post:
                    requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Shared'}}}}
                    responses: {'200': {description: ok}}
            responses: {'204': {description: done}}
          patch:
            responses: {'204': {description: done}}
      """);

  private static ApiDocument document(String yaml) {
    return document("test.yaml", yaml);
  }

  private static ApiDocument document(String name, String text) {
    try {
      ParsedFile file = TreeParser.parse(new SourceFile(null, name, text));
      return new ApiDocument(file, DocumentLoader.detectVersion(file), ExternalFiles.NONE);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> usersOf(String pointer) {
    return DOCUMENT.referenceUsers().of(DOCUMENT.rootFile(), pointer).stream()
        .map(Operation::label)
        .toList();
  }

  @Test
  void aSharedSchemaIsUsedByEveryOperationThatReachesItThroughAnyChainInDocumentOrder() {
    assertThat(usersOf("/components/schemas/Shared/properties/name"))
        .containsExactly("GET /a", "POST /b", "PUT /c");
    assertThat(usersOf("/components/schemas/Wrapper")).containsExactly("POST /b");
    assertThat(usersOf("/components/responses/Listing/content")).containsExactly("GET /a");
  }

  @Test
  void pathItemParametersAreUsedByEachOperationOfThePathItem() {
    assertThat(usersOf("/components/parameters/Page/schema"))
        .containsExactly("POST /b", "DELETE /b");
  }

  @Test
  void renamingAPathItemsParametersIsNotCarriedOver() throws Exception {
    String before =
        """
        {
          "openapi" : "3.0.3",
          "info" : { "title" : "t", "version" : "1" },
          "paths" : {
            "/b" : {
              "parameters" : [ { "$ref" : "#/components/parameters/Page" } ],
              "delete" : { "responses" : { "204" : { "description" : "done" } } }
            }
          },
          "components" : { "parameters" : { "Page" : { "name" : "page", "in" : "query" } } }
        }
        """;
    // a file named .json: only its edits are derived instead of parsed again
    Path file = Path.of("spec.json");
    ParsedFile parsed = TreeParser.parse(new SourceFile(file, "spec.json", before));
    ApiDocument last =
        new ApiDocument(parsed, DocumentLoader.detectVersion(parsed), ExternalFiles.NONE);
    assertThat(last.referenceUsers().of(last.rootFile(), "/components/parameters/Page")).hasSize(1);
    // the path item's parameters renamed, as an editor sends it: DELETE /b uses Page no more
    String after = before.replace("\"parameters\" : [", "\"arameters\" : [");
    ParsedFile derived = ScalarEdit.apply(parsed, new SourceFile(file, "spec.json", after));
    assertThat(derived).isNotNull();
    ApiDocument next =
        new ApiDocument(derived, DocumentLoader.detectVersion(derived), ExternalFiles.NONE);
    assertThat(ReferenceUsers.carried(next, last.referenceUsers())).isNull();
    assertThat(next.referenceUsers().of(next.rootFile(), "/components/parameters/Page")).isEmpty();
  }

  @Test
  void aPlaceInAnOperationOfAMountedPathItemIsUsedByThatOperationOnly() {
    assertThat(usersOf("/x-mounted/c/put/responses")).containsExactly("PUT /c");
    assertThat(usersOf("/x-mounted/c/patch")).containsExactly("PATCH /c");
    assertThat(usersOf("/x-mounted/c")).containsExactly("PUT /c", "PATCH /c");
    assertThat(DOCUMENT.referenceUsers().mount(DOCUMENT.operations().get(3)).pointer())
        .isEqualTo("/paths/~1c");
    assertThat(DOCUMENT.referenceUsers().mount(DOCUMENT.operations().get(0)).pointer())
        .isEqualTo("/paths/~1a/get");
  }

  @Test
  void placesNoReferenceLeadsToAreUsedByNoOne() {
    assertThat(usersOf("/paths/~1a/get/responses")).isEmpty();
    assertThat(usersOf("/info")).isEmpty();
    assertThat(usersOf("/components/schemas/Unused")).isEmpty();
  }

  @Test
  void theReferencesTheJsonParseRecordedGiveTheUsersTheWalkOfTheYamlTreeGives() {
    ApiDocument json = document("test.json", DOCUMENT.root().node().toString());
    assertThat(json.rootFile().references()).isNotNull();
    assertThat(DOCUMENT.rootFile().references()).isNull();
    List<String> pointers = new ArrayList<>();
    containers(DOCUMENT.root().node(), "", pointers);
    assertThat(pointers).hasSizeGreaterThan(40);
    for (String pointer : pointers) {
      assertThat(labels(json.referenceUsers().of(json.rootFile(), pointer)))
          .as(pointer)
          .isEqualTo(labels(DOCUMENT.referenceUsers().of(DOCUMENT.rootFile(), pointer)));
    }
  }

  private static void containers(JsonNode node, String pointer, List<String> pointers) {
    pointers.add(pointer);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (member.getValue().isContainerNode()) {
          containers(member.getValue(), Pointers.child(pointer, member.getKey()), pointers);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isContainerNode()) {
          containers(node.get(i), Pointers.child(pointer, i), pointers);
        }
      }
    }
  }

  private static List<String> labels(List<Operation> operations) {
    return operations.stream().map(Operation::label).toList();
  }
}

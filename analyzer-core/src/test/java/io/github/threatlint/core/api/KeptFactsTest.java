package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.source.TreeParser;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference users and the schema usage kept from one version of a document, mapped onto the
 * next version's tree (which differs in prose alone), answer every place as the facts worked out
 * for the next version do.
 */
class KeptFactsTest {
  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: t, version: '1', description: PROSE}
      paths:
        /pets:
          post:
            summary: PROSE
            parameters: [{$ref: '#/components/parameters/Limit'}]
            requestBody:
              content:
                application/json:
                  schema: &body
                    description: PROSE
                    allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {id: {type: string}}}]
            responses:
              '200':
                description: PROSE
                content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
        /cats:
          $ref: '#/components/pathItems/Cats'
      components:
        parameters:
          Limit: {name: limit, in: query, description: PROSE, schema: {type: integer}}
        pathItems:
          Cats:
            put:
              requestBody: {content: {application/json: {schema: *body}}}
              responses: {'204': {description: PROSE}}
        schemas:
          Pet:
            description: PROSE
            discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat'}}
            properties: {kind: {type: string, description: PROSE}, tags: {items: {type: string}}}
          Cat:
            allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {lives: {type: integer}}}]
          Unused: {properties: {name: {type: string}}}
      """;

  private static ApiDocument document(String yaml, KeptFacts kept) throws Exception {
    return document(TreeParser.parse(new SourceFile(null, "test.yaml", yaml)), kept);
  }

  private static ApiDocument document(ParsedFile file, KeptFacts kept) throws Exception {
    return new ApiDocument(
        file, DocumentLoader.detectVersion(file), ExternalFiles.NONE, List::of, kept);
  }

  @Test
  void keptFactsAnswerEveryPlaceOfTheNextVersionAsItsOwnFacts() throws Exception {
    ApiDocument first = document(SPEC.replace("PROSE", "First words"), null);
    first.referenceUsers();
    first.schemaUsage();
    String next = SPEC.replace("PROSE", "Other, longer words");
    ApiDocument fresh = document(next, null);
    ParsedFile file = TreeParser.parse(new SourceFile(null, "test.yaml", next));
    ApiDocument carried =
        document(file, KeptFacts.of(first).onto(nodes(first.root().node(), file.root())));
    List<NodeRef> places = new ArrayList<>();
    collect(carried.root(), places);
    List<NodeRef> freshPlaces = new ArrayList<>();
    collect(fresh.root(), freshPlaces);
    assertThat(places).hasSize(freshPlaces.size()).hasSizeGreaterThan(50);
    SchemaUsage usage = carried.schemaUsage();
    ReferenceUsers users = carried.referenceUsers();
    int used = 0;
    for (int i = 0; i < places.size(); i++) {
      NodeRef place = places.get(i);
      NodeRef same = freshPlaces.get(i);
      assertThat(place.pointer()).isEqualTo(same.pointer());
      assertThat(usage.flags(place)).as(place.pointer()).isEqualTo(fresh.schemaUsage().flags(same));
      assertThat(usage.isCompositionMember(place))
          .as(place.pointer())
          .isEqualTo(fresh.schemaUsage().isCompositionMember(same));
      assertThat(usage.isRequestRoot(place))
          .as(place.pointer())
          .isEqualTo(fresh.schemaUsage().isRequestRoot(same));
      List<String> labels = users.of(place).stream().map(Operation::label).toList();
      assertThat(labels)
          .as(place.pointer())
          .isEqualTo(fresh.referenceUsers().of(same).stream().map(Operation::label).toList());
      used += labels.isEmpty() ? 0 : 1;
    }
    assertThat(used).isPositive();
    assertThat(carried.operations()).hasSize(2);
    for (int i = 0; i < carried.operations().size(); i++) {
      assertThat(users.mount(carried.operations().get(i)).pointer())
          .isEqualTo(fresh.referenceUsers().mount(fresh.operations().get(i)).pointer());
    }
  }

  @Test
  void aMappingMemberNamedAsProseKeepsNoSchemaUsage() throws Exception {
    ApiDocument document =
        document(SPEC.replace("PROSE", "words").replace("cat: '#/", "description: '#/"), null);
    document.referenceUsers();
    document.schemaUsage();
    KeptFacts kept = KeptFacts.of(document).onto(Map.of());
    assertThat(kept.schemaUsage(document)).isNull();
  }

  /** Each container node of {@code left} to the node at its place in {@code right}. */
  private static Map<JsonNode, JsonNode> nodes(JsonNode left, JsonNode right) {
    Map<JsonNode, JsonNode> nodes = new IdentityHashMap<>();
    map(left, right, nodes);
    return nodes;
  }

  private static void map(JsonNode left, JsonNode right, Map<JsonNode, JsonNode> nodes) {
    if (left.isContainerNode()) {
      nodes.put(left, right);
      for (int i = 0; i < left.size(); i++) {
        if (left.isArray()) {
          map(left.get(i), right.get(i), nodes);
        }
      }
      left.fieldNames().forEachRemaining(name -> map(left.get(name), right.get(name), nodes));
    }
  }

  private static void collect(NodeRef node, List<NodeRef> places) {
    places.add(node);
    for (Map.Entry<String, NodeRef> member : node.members()) {
      collect(member.getValue(), places);
    }
    for (NodeRef element : node.elements()) {
      collect(element, places);
    }
  }
}

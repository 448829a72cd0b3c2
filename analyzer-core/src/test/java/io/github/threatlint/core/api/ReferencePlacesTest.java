package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.source.TreeParser;
import org.junit.jupiter.api.Test;

/**
 * The references a JSON parse records: those inside a container near the root, none of its
 * neighbours', and none at all for a tree it cannot speak for.
 */
class ReferencePlacesTest {
  private static ParsedFile parse(String name, String text) {
    try {
      return TreeParser.parse(new SourceFile(null, name, text));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static final String JSON =
      """
      {"a": {"x": {"$ref": "#/1", "y": [{"$ref": "#/2"}, {"deep": {"$ref": "#/3"}}]},
             "$ref": "#/4", "z": {"$ref": 5}},
       "b": {"$ref": "#/6"}, "c": {"d": {}}}
      """;

  @Test
  void aContainerHoldsTheReferencesWrittenInsideItInDocumentOrder() {
    ParsedFile file = parse("spec.json", JSON);
    JsonNode root = file.root();
    ReferencePlaces places = file.references();
    assertThat(places.within(root)).containsExactly("#/1", "#/2", "#/3", "#/4", "#/6");
    assertThat(places.within(root.get("a"))).containsExactly("#/1", "#/2", "#/3", "#/4");
    assertThat(places.within(root.get("a").get("x"))).containsExactly("#/1", "#/2", "#/3");
    assertThat(places.within(root.get("a").get("x").get("y"))).containsExactly("#/2", "#/3");
    assertThat(places.within(root.get("a").get("z"))).isEmpty();
    assertThat(places.within(root.get("b"))).containsExactly("#/6");
    assertThat(places.within(root.get("c").get("d"))).isEmpty();
  }

  @Test
  void aContainerDeeperThanTheKeptDepthOrOfAnotherTreeIsNotAnswered() {
    ParsedFile file = parse("spec.json", JSON);
    JsonNode deep = file.root().get("a").get("x").get("y").get(1).get("deep");
    assertThat(file.references().within(deep)).isNull();
    assertThat(file.references().within(parse("spec.json", JSON).root())).isNull();
  }

  @Test
  void aRepeatedReferenceKeyOrAYamlTreeRecordsNothing() {
    assertThat(parse("spec.json", "{\"a\": {\"$ref\": \"#/1\", \"$ref\": \"#/2\"}}").references())
        .isNull();
    assertThat(parse("spec.yaml", "a: {$ref: '#/1'}\n").references()).isNull();
  }
}

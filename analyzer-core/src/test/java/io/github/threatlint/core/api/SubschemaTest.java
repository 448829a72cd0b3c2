package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.source.TreeParser;
import org.junit.jupiter.api.Test;

/** A schema without a nesting keyword nests nothing; with one it may (or may list nothing). */
class SubschemaTest {
  @Test
  void aSchemaWithoutANestingKeywordNestsNone() throws Exception {
    ParsedFile file =
        TreeParser.parse(
            new SourceFile(
                null,
                "spec.yaml",
                """
                scalar: {type: string, format: date, description: items of a list}
                object: {type: object, properties: {a: {type: string}}}
                emptyProperties: {properties: {}}
                booleanItems: {type: array, items: true}
                reference: {$ref: '#/scalar'}
                composed: {allOf: [{type: string}]}
                """));
    NodeRef root = NodeRef.root(file);
    for (String name : new String[] {"scalar", "reference"}) {
      assertThat(Subschema.hasNestingKeyword(root.get(name))).as(name).isFalse();
      assertThat(Subschema.of(root.get(name))).as(name).isEmpty();
    }
    for (String name : new String[] {"object", "composed"}) {
      assertThat(Subschema.hasNestingKeyword(root.get(name))).as(name).isTrue();
      assertThat(Subschema.of(root.get(name))).as(name).isNotEmpty();
    }
    // a keyword that holds no schema: the list is empty, the keyword there all the same
    for (String name : new String[] {"emptyProperties", "booleanItems"}) {
      assertThat(Subschema.hasNestingKeyword(root.get(name))).as(name).isTrue();
      assertThat(Subschema.of(root.get(name))).as(name).isEmpty();
    }
    assertThat(Subschema.hasNestingKeyword(root.get("scalar").get("type"))).isFalse();
    assertThat(Subschema.hasNestingKeyword(null)).isFalse();
  }

  @Test
  void nestedSchemasAreListedInKeywordOrderWhereverTheyAreWritten() throws Exception {
    ParsedFile file =
        TreeParser.parse(
            new SourceFile(
                null,
                "spec.yaml",
                """
                several:
                  items: {type: string}
                  description: x
                  allOf: [{type: object}, true, {$ref: '#/one'}]
                  properties: {a: {type: string}, b: 1, c: {}}
                one:
                  type: array
                  items: {type: integer}
                """));
    NodeRef root = NodeRef.root(file);

    assertThat(Subschema.of(root.get("several")))
        .extracting(child -> child.keyword() + " " + child.name() + " " + child.schema().pointer())
        .containsExactly(
            "properties a /several/properties/a",
            "properties c /several/properties/c",
            "allOf null /several/allOf/0",
            "allOf null /several/allOf/2",
            "items null /several/items");
    assertThat(Subschema.of(root.get("one")))
        .extracting(child -> child.keyword() + " " + child.schema().pointer())
        .containsExactly("items /one/items");
    assertThat(Subschema.of(root.get("one")).get(0).schema())
        .isEqualTo(root.get("one").get("items"));
  }
}

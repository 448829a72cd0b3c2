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
}

package io.github.threatlint.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.TreeParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class DottedPathMatcherTest {
  private static final String YAML =
      """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /pets/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: limit, in: query, schema: {type: integer, foo: 1}}
            responses:
              '200': {}
      """;

  private static DottedPathMatcher matcher() throws Exception {
    return new DottedPathMatcher(
        new ApiDocument(
            TreeParser.parse(new SourceFile(null, "api.yaml", YAML)),
            SpecVersion.OPENAPI_3_0,
            ExternalFiles.NONE));
  }

  private static List<String> pointers(List<NodeRef> nodes) {
    return nodes.stream().map(NodeRef::pointer).toList();
  }

  @Test
  void quotedTemplatesAndMethodsInParenthesesLeadToTheOperation() throws Exception {
    assertThat(pointers(matcher().findPresent("paths.'/pets/{id}'(get).responses", "responses")))
        .containsExactly("/paths/~1pets~1{id}/get/responses");
  }

  @Test
  void aParameterNamedInBracketsIsFoundInItsList() throws Exception {
    assertThat(
            pointers(
                matcher()
                    .findPresent("paths.'/pets/{id}'(get).parameters.[limit].schema.foo", "foo")))
        .containsExactly("/paths/~1pets~1{id}/get/parameters/1/schema/foo");
  }

  @Test
  void aMissingFieldIsShownOnTheObjectThatLacksIt() throws Exception {
    assertThat(
            pointers(
                matcher()
                    .findMissing(
                        "paths.'/pets/{id}'(get).responses.200.description", "description")))
        .containsExactly("/paths/~1pets~1{id}/get/responses/200");
  }

  @Test
  void aPathThatLeadsNowhereEndsOnTheDeepestNodeItReaches() throws Exception {
    assertThat(matcher().deepestReached("paths.'/pets/{id}'(get).nothing.here").pointer())
        .isEqualTo("/paths/~1pets~1{id}/get");
  }
}

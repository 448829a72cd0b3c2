package io.github.threatlint.core.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.TreeParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each JSONPath form Spectral's rulesets use, on one small document, as and not as resolved. */
class JsonPathTest {
  private static final String SPEC =
      String.join(
          "\n",
          "openapi: 3.0.3",
          "info: {title: t, version: '1', x-logo: logo.png}",
          "paths:",
          "  /pets:",
          "    get:",
          "      operationId: listPets",
          "      parameters:",
          "        - {name: limit, in: query}",
          "        - {name: X-Request-ID, in: header}",
          "      responses:",
          "        '200': {description: ok}",
          "        '404': {$ref: '#/components/responses/NotFound'}",
          "    put:",
          "      responses:",
          "        '400': {description: bad}",
          "  /pets/{id}:",
          "    delete:",
          "      deprecated: true",
          "      responses:",
          "        '204': {description: gone}",
          "components:",
          "  responses:",
          "    NotFound:",
          "      description: missing",
          "      headers: {X-Request-ID: {schema: {type: string}}}",
          "");

  private static List<String> pointers(String path, boolean resolved) throws Exception {
    ApiDocument document =
        new ApiDocument(
            TreeParser.parse(new SourceFile(null, "spec.yaml", SPEC)),
            SpecVersion.OPENAPI_3_0,
            ExternalFiles.NONE);
    DocumentView view = new DocumentView(document, resolved);
    return JsonPath.compile(path).evaluate(view, view.root()).stream()
        .map(place -> (place.keyOnly() ? "~" : "") + place.node().pointer())
        .toList();
  }

  private static List<String> pointers(String path) throws Exception {
    return pointers(path, true);
  }

  @Test
  void rootAndDottedNames() throws Exception {
    assertThat(pointers("$")).containsExactly("");
    assertThat(pointers("$.info.x-logo")).containsExactly("/info/x-logo");
    assertThat(pointers("$.info.missing")).isEmpty();
  }

  @Test
  void bracketNamesIndicesAndWildcards() throws Exception {
    assertThat(pointers("$.paths['/pets'].get.parameters[1].name"))
        .containsExactly("/paths/~1pets/get/parameters/1/name");
    assertThat(pointers("$.paths[\"/pets\"].get.parameters[-1].in"))
        .containsExactly("/paths/~1pets/get/parameters/1/in");
    assertThat(pointers("$.paths.*.*.operationId"))
        .containsExactly("/paths/~1pets/get/operationId");
    assertThat(pointers("$.paths[*][*]"))
        .containsExactly("/paths/~1pets/get", "/paths/~1pets/put", "/paths/~1pets~1{id}/delete");
  }

  @Test
  void aDotBeforeABracketOrAQuotedNameIsReadAsJsonPathPlusReadsIt() throws Exception {
    assertThat(pointers("$.paths.[*].get.parameters.[?(@.in == 'query')]"))
        .containsExactly("/paths/~1pets/get/parameters/0");
    assertThat(pointers("$.paths.'/pets'.put")).containsExactly("/paths/~1pets/put");
    assertThat(pointers("$.paths.*.*.responses[?(@property[0] == '2')]"))
        .containsExactly(
            "/paths/~1pets/get/responses/200", "/paths/~1pets~1{id}/delete/responses/204");
  }

  @Test
  void unionsOfNames() throws Exception {
    assertThat(pointers("$.paths[*][get,delete]"))
        .containsExactly("/paths/~1pets/get", "/paths/~1pets~1{id}/delete");
    assertThat(pointers("$.paths['/pets']['get','put'].responses"))
        .containsExactly("/paths/~1pets/get/responses", "/paths/~1pets/put/responses");
  }

  @Test
  void deepScanFindsEveryMatchOnceWhereItIsWritten() throws Exception {
    assertThat(pointers("$..description"))
        .containsExactly(
            "/paths/~1pets/get/responses/200/description",
            "/components/responses/NotFound/description",
            "/paths/~1pets/put/responses/400/description",
            "/paths/~1pets~1{id}/delete/responses/204/description");
    assertThat(pointers("$..description", false))
        .containsExactly(
            "/paths/~1pets/get/responses/200/description",
            "/paths/~1pets/put/responses/400/description",
            "/paths/~1pets~1{id}/delete/responses/204/description",
            "/components/responses/NotFound/description");
  }

  @Test
  void resolvedPathsFollowReferencesIntoTheirTargets() throws Exception {
    assertThat(pointers("$.paths.*.get.responses.404.headers"))
        .containsExactly("/components/responses/NotFound/headers");
    assertThat(pointers("$.paths.*.get.responses.404.headers", false)).isEmpty();
  }

  @Test
  void filtersOnValues() throws Exception {
    assertThat(pointers("$.paths.*.*.parameters[?(@.in == 'header')]"))
        .containsExactly("/paths/~1pets/get/parameters/1");
    assertThat(pointers("$.paths.*.*.parameters[?(@.in === 'query' && @.name != 'offset')].name"))
        .containsExactly("/paths/~1pets/get/parameters/0/name");
    assertThat(pointers("$.paths.*[?(@.deprecated)]"))
        .containsExactly("/paths/~1pets~1{id}/delete");
    assertThat(pointers("$.paths.*[?(!@.deprecated)]"))
        .containsExactly("/paths/~1pets/get", "/paths/~1pets/put");
    assertThat(pointers("$.paths.*[?(@.parameters && @.parameters.length > 1)]"))
        .containsExactly("/paths/~1pets/get");
    assertThat(pointers("$.paths.*.*.parameters[?(@.name.toLowerCase() === 'x-request-id')]"))
        .containsExactly("/paths/~1pets/get/parameters/1");
  }

  @Test
  void filtersOnPropertyNamesAndPaths() throws Exception {
    assertThat(pointers("$.paths.*[?(@property === 'get' || @property === 'delete')]"))
        .containsExactly("/paths/~1pets/get", "/paths/~1pets~1{id}/delete");
    assertThat(pointers("$.paths.*.*.responses[?(@property.match(/^4\\d\\d$/))]"))
        .containsExactly("/components/responses/NotFound", "/paths/~1pets/put/responses/400");
    assertThat(pointers("$.paths.*.*.responses[?(/^2/.test(@property))]"))
        .containsExactly(
            "/paths/~1pets/get/responses/200", "/paths/~1pets~1{id}/delete/responses/204");
    assertThat(
            pointers(
                "$.paths.*.*.responses[?(@property.startsWith('2') && @parentProperty == 'responses')]"))
        .hasSize(2);
    assertThat(pointers("$.paths[?(@property.includes('{'))]"))
        .containsExactly("/paths/~1pets~1{id}");
    // JavaScript reads a brace that starts no quantifier as itself
    assertThat(pointers("$.paths[?(/\\/(me|{[^}]+})$/.test(@property))]"))
        .containsExactly("/paths/~1pets~1{id}");
    assertThat(pointers("$.paths[?(/^\\/[a-z]{2,4}$/.test(@property))]"))
        .containsExactly("/paths/~1pets");
    assertThat(pointers("$.paths.*[?(['put','delete'].includes(@property))]"))
        .containsExactly("/paths/~1pets/put", "/paths/~1pets~1{id}/delete");
    assertThat(pointers("$.paths[?(@path === \"$['paths']['/pets']\")]"))
        .containsExactly("/paths/~1pets");
    assertThat(pointers("$.paths.*[?('deprecated' in @)]"))
        .containsExactly("/paths/~1pets~1{id}/delete");
    assertThat(pointers("$.paths.*[?(typeof @.operationId === 'string')]"))
        .containsExactly("/paths/~1pets/get");
  }

  @Test
  void deepScanWithAFilter() throws Exception {
    assertThat(pointers("$..[?(@property === 'X-Request-ID')]"))
        .containsExactly("/components/responses/NotFound/headers/X-Request-ID");
    assertThat(pointers("$..parameters[?(@.in == 'header')].name"))
        .containsExactly("/paths/~1pets/get/parameters/1/name");
  }

  @Test
  void theKeySelectorGivesTheKeys() throws Exception {
    assertThat(pointers("$.paths.*~")).containsExactly("~/paths/~1pets", "~/paths/~1pets~1{id}");
  }

  @Test
  void whatCannotBeReadIsRefusedWithItsReason() {
    assertThatThrownBy(() -> JsonPath.compile("paths.*"))
        .hasMessageContaining("a JSONPath starts with '$'");
    assertThatThrownBy(() -> JsonPath.compile("$.paths[(@.length-1)]"))
        .hasMessageContaining("script selectors");
    assertThatThrownBy(() -> JsonPath.compile("$.tags[0:2]")).hasMessageContaining("slices");
    assertThatThrownBy(() -> JsonPath.compile("$.paths[?(@.x == 1]"))
        .hasMessageContaining("')' is missing");
    assertThatThrownBy(() -> JsonPath.compile("$.paths[?(@.x.constructor('return 1')())]"))
        .hasMessageContaining("the method constructor() is not supported");
    assertThatThrownBy(() -> JsonPath.compile("$.paths[?(process.exit())]"))
        .hasMessageContaining("'process' is not supported");
    assertThatThrownBy(() -> JsonPath.compile("$.paths[?(@.x = 1)]"))
        .hasMessageContaining("'=' is not supported");
    assertThatThrownBy(() -> JsonPath.compile("$.paths~.x")).hasMessageContaining("can only end");
  }
}

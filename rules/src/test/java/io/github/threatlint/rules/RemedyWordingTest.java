package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** What a finding tells the author to do fits what the document already has. */
class RemedyWordingTest {
  private static List<String> messages(String ruleId, String spec) {
    return TestAnalyzers.create(
            List.of(new EnabledRule(BuiltInRules.byId(ruleId), Level.WARNING, Map.of())),
            Path.of("."))
        .analyze(new ByteArrayInputStream(spec.getBytes(StandardCharsets.UTF_8)), "api.yaml")
        .findings()
        .stream()
        .map(Finding::message)
        .toList();
  }

  /**
   * A page number or offset needs a minimum and no maximum: the finding on one without bounds asks
   * for the minimum alone, whatever the standard calls the parameter (NextGenPSD2: pageIndex); a
   * number with one bound is asked for the other.
   */
  @Test
  void aPageNumberWithoutBoundsIsAskedForAMinimumOnly() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Transactions, version: 1.0.0}",
            "paths:",
            "  /v1/accounts/{account-id}/transactions:",
            "    get:",
            "      parameters:",
            "        - {name: account-id, in: path, required: true, schema: {type: string, maxLength: 64}}",
            "        - {name: pageIndex, in: query, schema: {type: integer}}",
            "        - {name: offset, in: query, schema: {type: integer}}",
            "        - {name: amount, in: query, schema: {type: integer}}",
            "        - {name: limitDays, in: query, schema: {type: integer, minimum: 1}}",
            "      responses: {'200': {description: ok}}",
            "");
    List<String> messages = messages("numeric-bounds", spec);

    assertThat(messages).hasSize(4);
    assertThat(messages.get(0))
        .contains("pageIndex")
        .contains("with no minimum: declare a minimum (or exclusiveMinimum) for");
    assertThat(messages.get(1))
        .contains("offset")
        .contains("with no minimum: declare a minimum (or exclusiveMinimum) for");
    assertThat(messages.get(2))
        .contains("amount")
        .contains(
            "with neither a minimum nor a maximum: declare minimum and maximum (or exclusiveMinimum/"
                + "exclusiveMaximum) for");
    assertThat(messages.get(3))
        .contains("limitDays")
        .contains("with no maximum: declare a maximum (or exclusiveMaximum) for");
  }

  /**
   * A missing bound that the description states in words: the note quotes the words and asks for
   * that bound as a keyword, or, where the words leave it to an agreement, to keep it open.
   */
  @Test
  void aBoundStatedInProseIsQuotedAndAskedForAsAKeyword() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Consents, version: 1.0.0}",
            "paths:",
            "  /v1/consents:",
            "    post:",
            "      parameters:",
            "        - name: frequencyPerDay",
            "          in: query",
            "          description: If not otherwise agreed bilaterally, the frequency is less equal to 4.",
            "          schema: {type: integer, minimum: 1}",
            "        - {name: day, in: query, description: 'Between 1 and 31.', schema: {type: integer}}",
            "      responses: {'201': {description: created}}",
            "");
    List<String> messages = messages("numeric-bounds", spec);

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0))
        .contains(
            "with no maximum, but its description ('If not otherwise agreed bilaterally, the"
                + " frequency is less equal to 4') states a maximum in prose: declare it as maximum"
                + " so that validation enforces it, or keep it open where the standard leaves it to"
                + " an agreement.");
    assertThat(messages.get(1))
        .contains(
            "with neither a minimum nor a maximum, but its description ('Between 1 and 31') states"
                + " its bounds in prose: declare them as minimum and maximum so that validation"
                + " enforces them.");
  }

  /**
   * An Authorization header parameter instead of security: when the document declares schemes, the
   * finding names them instead of asking for one to be declared, and an optional header is told to
   * keep an empty alternative beside the scheme.
   */
  @Test
  void anAuthorizationHeaderBesideDeclaredSchemesIsToldToRequireThem() {
    String header =
        "        - {name: Authorization, in: header, required: true, schema: {type: string, maxLength: 2048}}";
    String withSchemes =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Rates, version: 1.0.0}",
            "paths:",
            "  /v1/rates:",
            "    get:",
            "      security: []",
            "      parameters:",
            header,
            "      responses: {'200': {description: ok}}",
            "components:",
            "  securitySchemes:",
            "    bearer: {type: http, scheme: bearer}",
            "    partnerKey: {type: apiKey, in: header, name: X-Partner-Key}",
            "");
    String withoutSchemes = withSchemes.substring(0, withSchemes.indexOf("components:"));

    assertThat(messages("authorization-header-parameter", withSchemes))
        .singleElement()
        .asString()
        .endsWith(
            "Require one of the document's security schemes ('bearer', 'partnerKey') with 'security' "
                + "instead.");
    assertThat(
            messages("authorization-header-parameter", withSchemes.replace("required: true, ", "")))
        .singleElement()
        .asString()
        .endsWith(
            "Require one of the document's security schemes ('bearer', 'partnerKey') with 'security' "
                + "instead, beside an empty requirement ({}) since the header is optional.");
    assertThat(messages("authorization-header-parameter", withoutSchemes))
        .singleElement()
        .asString()
        .endsWith(
            "Declare a security scheme (http bearer, OAuth2, OpenID Connect) and require it with "
                + "'security' instead.");
  }

  /**
   * Operations that document a 401 expect credentials: without a scheme the document leaves out
   * how, which is what the finding says, not that anyone can call them. Where only some document a
   * 401, the others are open, and the count says how many do.
   */
  @Test
  void securitySchemesMissingHearsDocumented401Responses() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Custody, version: 1.0.0}",
            "paths:",
            "  /v1/customers:",
            "    get:",
            "      responses: {'200': {description: ok}, '401': {description: unauthorised}}",
            "  /v1/accounts:",
            "    get:",
            "      responses: {'200': {description: ok}, '401': {description: unauthorised}}",
            "");
    assertThat(messages("security-schemes-missing", spec))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains(
            "declares no security scheme, yet all 2 operations (GET /v1/customers, GET"
                + " /v1/accounts) document a 401 response: they expect credentials that the"
                + " document does not describe");
    String oneOpen = spec.replaceFirst(", '401': \\{description: unauthorised}", "");
    assertThat(messages("security-schemes-missing", oneOpen))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains("so 2 operations (GET /v1/customers, GET /v1/accounts) can be called without")
        .contains("(1 of them document a 401 response)");
    String swagger =
        String.join(
            "\n",
            "swagger: '2.0'",
            "info: {title: Custody, version: 1.0.0}",
            "paths:",
            "  /v1/customers:",
            "    get:",
            "      responses: {'200': {description: ok}, '401': {description: unauthorised}}",
            "");
    assertThat(messages("security-schemes-missing", swagger))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains(
            "yet 1 operation (GET /v1/customers) documents a 401 response: it expects credentials");
  }
}

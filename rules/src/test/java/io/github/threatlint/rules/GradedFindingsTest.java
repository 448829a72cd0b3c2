package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * operation-id-invalid grades its findings as its catalog row says (a missing id is a note, a
 * duplicate one an error) while it runs at its default level; a level set by configuration applies
 * to all of its findings.
 */
class GradedFindingsTest {
  private static final String SPEC =
      String.join(
          "\n",
          "openapi: 3.0.3",
          "info: {title: Accounts, version: 1.0.0}",
          "paths:",
          "  /v1/accounts:",
          "    get:",
          "      responses: {'200': {description: ok}}",
          "    post:",
          "      operationId: openAccount",
          "      responses: {'201': {description: created}}",
          "    put:",
          "      operationId: openAccount",
          "      responses: {'200': {description: replaced}}",
          "");

  private static List<Level> levels(Level configured) {
    return levels("operation-id-invalid", configured, SPEC);
  }

  /** A fixture's text, by its path under the fixtures folder. */
  private static String fixture(String path) throws IOException {
    return Files.readString(FixtureTest.FIXTURES.resolve(path));
  }

  private static List<Level> levels(String ruleId, Level configured, String spec) {
    RuleDescriptor rule = BuiltInRules.byId(ruleId);
    AnalysisResult result =
        TestAnalyzers.create(List.of(new EnabledRule(rule, configured, Map.of())), Path.of("."))
            .analyze(new ByteArrayInputStream(spec.getBytes(StandardCharsets.UTF_8)), "api.yaml");
    return result.findings().stream().map(Finding::level).toList();
  }

  /**
   * What a document marks public or optional is intent (a note); what it leaves open is an error.
   */
  @Test
  void operationSecurityMissingGradesIntentAsANote() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Accounts, version: 1.0.0}",
            "paths:",
            "  /v1/products:",
            "    get: {security: [], responses: {'200': {description: public by its own empty security}}}",
            "  /v1/accounts:",
            "    get: {security: [{}, {oauth: []}], responses: {'200': {description: optional}}}",
            "  /v1/status:",
            "    get: {description: No authentication is required., responses: {'200': {description: says public}}}",
            "  /v1/orders:",
            "    post: {responses: {'201': {description: open}}}",
            "components: {securitySchemes: {oauth: {type: http, scheme: bearer}}}",
            "");
    assertThat(levels("operation-security-missing", Level.ERROR, spec))
        .containsExactly(Level.NOTE, Level.NOTE, Level.NOTE, Level.ERROR);
  }

  /**
   * Each wording of a public statement makes a note, in any letter case (the rule looks for its
   * words before it runs the expression: "public" and each noun after it, also behind another
   * "public"); a description in other words ("public offers") leaves the error.
   */
  @Test
  void operationSecurityMissingReadsEachPublicWording() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Reference data, version: 1.0.0}",
            "paths:",
            "  /v1/currencies:",
            "    get: {description: Served WITHOUT any Credentials., responses: {'200': {description: ok}}}",
            "  /v1/countries:",
            "    get: {summary: Anonymous Access, responses: {'200': {description: ok}}}",
            "  /v1/holidays:",
            "    get: {description: Publicly Available., responses: {'200': {description: ok}}}",
            "  /v1/branches:",
            "    get: {description: A public API of the bank., responses: {'200': {description: ok}}}",
            "  /v1/fees:",
            "    get: {summary: PUBLIC ENDPOINT, responses: {'200': {description: ok}}}",
            "  /v1/atms:",
            "    get: {description: Lists the public keys; publicly accessible., responses: {'200': {description: ok}}}",
            "  /v1/products:",
            "    get: {description: Public access to the catalogue., responses: {'200': {description: ok}}}",
            "  /v1/offers:",
            "    get: {description: Lists the public offers., responses: {'200': {description: ok}}}",
            "  /v1/rates:",
            "    get: {description: Does not need an access token., responses: {'200': {description: ok}}}",
            "  /v1/balances:",
            "    get: {security: [{oauth: []}], responses: {'200': {description: ok}}}",
            "components: {securitySchemes: {oauth: {type: http, scheme: bearer}}}",
            "");
    assertThat(levels("operation-security-missing", Level.ERROR, spec))
        .containsExactly(
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.ERROR,
            Level.ERROR);
  }

  /**
   * Where the document states authorization per operation in a vendor convention (CDR's x-scopes),
   * a reference read without it is public by that convention (a note); customer data without it is
   * an error.
   */
  @Test
  void operationSecurityMissingGradesAPublicReadOfAVendorConventionAsANote() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Banking, version: 1.0.0}",
            "paths:",
            "  /banking/accounts:",
            "    get: {x-scopes: ['bank:accounts.basic:read'], responses: {'200': {description: ok}}}",
            "  /banking/products:",
            "    get: {responses: {'200': {description: ok}}}",
            "  /banking/accounts/{accountId}/transactions:",
            "    get: {responses: {'200': {description: ok}}}",
            "");
    assertThat(levels("operation-security-missing", Level.ERROR, spec))
        .containsExactly(Level.NOTE, Level.ERROR);
  }

  /**
   * A request id in every response body makes calls traceable, and a public operation has no caller
   * to trace: notes; an authenticated operation without any is a warning.
   */
  @Test
  void correlationIdMissingGradesABodyRequestIdAsANote() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Branches, version: 1.0.0}",
            "paths:",
            "  /v1/branches:",
            "    get:",
            "      responses:",
            "        '200': {description: ok, content: {application/json: {schema: {properties: {request_id: {type: string}}}}}}",
            "  /v1/products:",
            "    get: {responses: {'200': {description: ok}}}",
            "  /v1/atms:",
            "    get: {security: [{bearer: []}], responses: {'200': {description: ok}}}",
            "  /v1/accounts:",
            "    get: {parameters: [{name: X-Request-ID, in: header}], responses: {'200': {description: ok}}}",
            "components: {securitySchemes: {bearer: {type: http, scheme: bearer}}}",
            "");
    assertThat(levels("correlation-id-missing", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.NOTE, Level.WARNING);
  }

  /**
   * In a document that says it is open data, a path named after a product (/personal-accounts,
   * /personal-loans) is its catalogue: what the responses return decides, for
   * operation-security-missing and security-schemes-missing alike. Fees and rates are public by
   * design (a note); one account's balance and transactions stay an error.
   */
  @Test
  void operationSecurityMissingJudgesOpenDataByWhatItReturns() throws Exception {
    String catalogue = fixture("operation-security-missing/oas30-open-data-product-catalogue.yaml");
    String balances = fixture("operation-security-missing/oas30-open-data-holder-balances.yaml");
    assertThat(levels("operation-security-missing", Level.ERROR, catalogue))
        .containsExactly(Level.NOTE);
    assertThat(levels("operation-security-missing", Level.ERROR, balances))
        .containsExactly(Level.ERROR);
    String loans = fixture("security-schemes-missing/oas30-open-data-loan-catalogue.yaml");
    assertThat(levels("security-schemes-missing", Level.ERROR, loans)).containsExactly(Level.NOTE);
  }

  /**
   * A document-wide 'security: []' over reads of institutions (a bank's branches: their names and
   * addresses are the bank's) states public intent: a note. Over a fund's members, whose address
   * sits beside a birth date, it stays an error.
   */
  @Test
  void securitySchemesMissingHearsDeclaredPublicDirectories() throws Exception {
    String branches = fixture("security-schemes-missing/oas30-public-branch-directory.yaml");
    String members = fixture("security-schemes-missing/oas30-public-member-directory.yaml");
    String funds = fixture("security-schemes-missing/oas31-public-fund-list.yaml");
    assertThat(levels("security-schemes-missing", Level.ERROR, branches))
        .containsExactly(Level.NOTE);
    assertThat(levels("security-schemes-missing", Level.ERROR, funds)).containsExactly(Level.NOTE);
    assertThat(levels("security-schemes-missing", Level.ERROR, members))
        .containsExactly(Level.ERROR);
  }

  /**
   * numeric-bounds: a count of what the record describes, also inside a longer name or as a page
   * envelope's total, is a note; an amount and a total of money stay warnings.
   */
  @Test
  void numericBoundsGradesCountsAsNotes() throws Exception {
    assertThat(levels("numeric-bounds", Level.WARNING, fixture("numeric-bounds/counts.yaml")))
        .containsExactly(Level.NOTE, Level.NOTE, Level.NOTE, Level.WARNING, Level.WARNING);
  }

  /**
   * numeric-bounds: a missing bound that the description, title or parameter's description states
   * in words (a maximum, a minimum, a range, a maximum left to a bilateral agreement) is a note; a
   * description without a bound, whose numbers are no bound, or that states one of two missing
   * bounds leaves the warning.
   */
  @Test
  void numericBoundsGradesABoundStatedInProseAsANote() throws Exception {
    String spec = fixture("numeric-bounds/bounds-in-prose.yaml");
    assertThat(levels("numeric-bounds", Level.WARNING, spec))
        .containsExactly(
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.NOTE,
            Level.WARNING,
            Level.WARNING,
            Level.WARNING,
            Level.WARNING);
    // Swagger 2.0: the query parameter is the schema whose description is read
    String swagger = fixture("numeric-bounds/bounds-in-prose-swagger20.yaml");
    assertThat(levels("numeric-bounds", Level.WARNING, swagger))
        .containsExactly(Level.NOTE, Level.WARNING, Level.NOTE);
    // OpenAPI 3.1: type arrays, the title, a numeric exclusiveMinimum
    String oas31 = fixture("numeric-bounds/bounds-in-prose-oas31.yaml");
    assertThat(levels("numeric-bounds", Level.WARNING, oas31))
        .containsExactly(Level.NOTE, Level.NOTE, Level.WARNING);
  }

  /**
   * In an open-data document, a query key that no operation requires sends nothing: a note; a
   * required one is still an error.
   */
  @Test
  void apiKeyInUrlGradesAnUnusedKeyOfOpenDataAsANote() throws Exception {
    String spec = fixture("api-key-in-url/oas30-open-data-unused-key.yaml");
    assertThat(levels("api-key-in-url", Level.ERROR, spec))
        .containsExactly(Level.NOTE, Level.ERROR);
  }

  /**
   * An XML body whose elements the document does not declare (an ISO 20022 message keys itself by
   * its MsgId) is a note; a JSON body, or XML whose declared properties carry no key, a warning.
   */
  @Test
  void idempotencyKeyMissingGradesAnUndeclaredXmlMessageAsANote() throws Exception {
    String spec = fixture("idempotency-key-missing/xml-messages.yaml");
    assertThat(levels("idempotency-key-missing", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.WARNING, Level.WARNING);
  }

  /**
   * A write on a presigned URL (the signature in the URL authorizes it) is a note; a write that is
   * simply public an error.
   */
  @Test
  void operationSecurityMissingGradesAPresignedUrlAsANote() throws Exception {
    String spec = fixture("operation-security-missing/oas30-presigned-upload.yaml");
    assertThat(levels("operation-security-missing", Level.ERROR, spec))
        .containsExactly(Level.NOTE, Level.ERROR);
  }

  /** A subscriber's webhook receiver is called by the API: its missing 429 is a note. */
  @Test
  void response429MissingGradesANotificationReceiverAsANote() throws Exception {
    String spec = fixture("response-429-missing/notification-receiver.yaml");
    assertThat(levels("response-429-missing", Level.WARNING, spec)).containsExactly(Level.NOTE);
  }

  /**
   * A parameter that lists enumerated values is a note (the request's size bounds it); a list of
   * free values, or one in a body, a warning.
   */
  @Test
  void arrayMaxItemsGradesAParameterOfEnumeratedValuesAsANote() throws Exception {
    String spec = fixture("array-max-items/parameter-enumerations.yaml");
    assertThat(levels("array-max-items", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.WARNING, Level.WARNING);
    String swagger = fixture("array-max-items/parameter-enumerations-swagger20.yaml");
    assertThat(levels("array-max-items", Level.WARNING, swagger))
        .containsExactly(Level.NOTE, Level.WARNING);
  }

  /**
   * A list that is small by design (a single item in most cases, one per plan, a singular
   * sub-resource of one record) or public reference data is a note; a list that grows is a warning.
   */
  @Test
  void paginationUnboundedGradesSmallAndPublicListsAsNotes() throws Exception {
    String spec = fixture("pagination-unbounded/small-by-design.yaml");
    assertThat(levels("pagination-unbounded", Level.WARNING, spec))
        .containsExactly(
            Level.NOTE, Level.NOTE, Level.NOTE, Level.WARNING, Level.NOTE, Level.WARNING);
  }

  /**
   * A plural list that its one record bounds (an account's balances, a payment's authorisations) is
   * a note; the account's transactions, which grow, a warning.
   */
  @Test
  void paginationUnboundedGradesListsBoundedByTheirRecordAsNotes() throws Exception {
    String spec = fixture("pagination-unbounded/bounded-by-their-record.yaml");
    assertThat(levels("pagination-unbounded", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.NOTE, Level.WARNING);
  }

  /**
   * A string clients send only in headers is a note, written in the parameter or shared in the
   * components; so is a shared schema that a path parameter reads too.
   */
  @Test
  void stringMaxLengthGradesHeaderValuesAsNotes() throws Exception {
    String spec = fixture("string-max-length/header-values.yaml");
    assertThat(levels("string-max-length", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.NOTE, Level.NOTE);
  }

  /**
   * A string clients send only in the URL (or the URL and headers) is a note, written in the path
   * or query parameter or shared in the components, and so is a cookie (in the Cookie header); one
   * a request body carries too is a warning.
   */
  @Test
  void stringMaxLengthGradesUrlValuesAsNotes() throws Exception {
    String spec = fixture("string-max-length/url-values.yaml");
    assertThat(levels("string-max-length", Level.WARNING, spec))
        .containsExactly(
            Level.NOTE, Level.NOTE, Level.NOTE, Level.WARNING, Level.NOTE, Level.WARNING);
    String swagger = fixture("string-max-length/url-values-swagger20.yaml");
    assertThat(levels("string-max-length", Level.WARNING, swagger))
        .containsExactly(Level.NOTE, Level.NOTE, Level.NOTE, Level.WARNING);
  }

  /**
   * A whole request body sent as a document of a media type other than JSON (XML, CSV) is a note; a
   * string that a JSON body sends too, or an element of an array body, is a warning.
   */
  @Test
  void stringMaxLengthGradesDocumentBodiesAsNotes() throws Exception {
    String spec = fixture("string-max-length/document-bodies.yaml");
    assertThat(levels("string-max-length", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.WARNING, Level.NOTE, Level.WARNING);
  }

  /**
   * Authentication stated by a vendor extension (CDR's x-scopes): the standard defines the 401 in
   * its text, a note; an operation secured by a security scheme without a 401 is a warning.
   */
  @Test
  void response401MissingGradesAVendorConventionAsANote() throws Exception {
    String spec = fixture("response-401-missing/oas30-vendor-scopes-none-documented.yaml");
    assertThat(levels("response-401-missing", Level.WARNING, spec)).containsExactly(Level.NOTE);
    String scheme =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: t, version: '1'}",
            "security: [{bearer: []}]",
            "paths:",
            "  /a: {get: {responses: {'200': {description: ok}}}}",
            "components: {securitySchemes: {bearer: {type: http, scheme: bearer}}}");
    assertThat(levels("response-401-missing", Level.WARNING, scheme))
        .containsExactly(Level.WARNING);
  }

  /**
   * The details of one record (UK Open Banking's VRP payment-details) are a note; the details of a
   * growing list, and a record's own growing list, stay warnings.
   */
  @Test
  void paginationUnboundedGradesTheDetailsOfOneRecordAsANote() throws Exception {
    String spec = fixture("pagination-unbounded/details-of-one-record.yaml");
    assertThat(levels("pagination-unbounded", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.WARNING, Level.WARNING);
  }

  /**
   * A page size that the standard's pagination governs (CDR: at most 1,000 records, in the
   * standard's text) is a note asking to declare that maximum; one without it is a warning.
   */
  @Test
  void paginationUnboundedGradesAStandardsPageSizeAsANote() throws Exception {
    String spec = fixture("pagination-unbounded/oas30-standard-pagination.yaml");
    assertThat(levels("pagination-unbounded", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.WARNING);
  }

  /**
   * An empty object that says it carries no data yet (a 202 Accepted, "not available yet") is a
   * placeholder: a note; an empty object that is the answer is a warning.
   */
  @Test
  void responseSchemaOverbroadGradesAPlaceholderAsANote() throws Exception {
    String spec = fixture("response-schema-overbroad/placeholder-bodies.yaml");
    assertThat(levels("response-schema-overbroad", Level.WARNING, spec))
        .containsExactlyInAnyOrder(Level.WARNING, Level.NOTE, Level.NOTE);
  }

  @Test
  void atTheDefaultLevelEachFindingHasItsGrade() {
    assertThat(BuiltInRules.byId("operation-id-invalid").info().level()).isEqualTo(Level.WARNING);
    assertThat(levels(Level.WARNING)).containsExactly(Level.NOTE, Level.ERROR);
  }

  @Test
  void aConfiguredLevelAppliesToEveryFinding() {
    assertThat(levels(Level.ERROR)).containsExactly(Level.ERROR, Level.ERROR);
    assertThat(levels(Level.NOTE)).containsExactly(Level.NOTE, Level.NOTE);
  }

  /**
   * A placeholder domain reaches no environment (a note); a host named for a test environment is a
   * warning.
   */
  @Test
  void serverNonProductionGradesAPlaceholderDomainAsANote() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Accounts, version: 1.0.0}",
            "servers:",
            "  - url: https://mtls.dh.example.com/cds-au/v1",
            "  - url: https://api-homologacao.banco.com.br/v1",
            "paths: {}",
            "");
    assertThat(levels("server-non-production", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.WARNING);
  }

  /**
   * A client secret beside OAuth client registration metadata is the answer to a registration (RFC
   * 7591), which returns the issued secret by design: a note; a secret in a listing stays a
   * warning.
   */
  @Test
  void sensitiveFieldInResponseGradesARegistrationAnswerAsANote() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Clients, version: 1.0.0}",
            "paths:",
            "  /register:",
            "    post:",
            "      responses:",
            "        '201':",
            "          description: registered",
            "          content:",
            "            application/json:",
            "              schema:",
            "                type: object",
            "                properties:",
            "                  ClientSecret: {type: string}",
            "                  RedirectUris: {type: array, items: {type: string}}",
            "                  TokenEndpointAuthMethod: {type: string}",
            "  /clients/{id}:",
            "    get:",
            "      responses:",
            "        '200':",
            "          description: one client",
            "          content:",
            "            application/json:",
            "              schema:",
            "                type: object",
            "                properties:",
            "                  client_secret: {type: string}",
            "                  client_name: {type: string}",
            "");
    assertThat(levels("sensitive-field-in-response", Level.WARNING, spec))
        .containsExactly(Level.NOTE, Level.WARNING);
  }

  /**
   * In a document whose operations state their security in a vendor extension (CDR's x-scopes), a
   * reference read without it is public by the convention, and a request body that is a signed
   * token authenticates its sender: notes; customer data and plain writes stay errors.
   */
  @Test
  void operationSecurityMissingGradesConventionsAsNotes() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Products, version: 1.0.0}",
            "paths:",
            "  /accounts:",
            "    get: {x-scopes: [accounts], responses: {'200': {description: ok}}}",
            "  /products:",
            "    get:",
            "      responses:",
            "        '200':",
            "          description: products",
            "          content: {application/json: {schema: {properties: {name: {type: string}}}}}",
            "  /customer:",
            "    get:",
            "      responses:",
            "        '200':",
            "          description: the customer",
            "          content: {application/json: {schema: {properties: {email: {type: string}}}}}",
            "  /register:",
            "    post:",
            "      requestBody: {content: {application/jwt: {schema: {type: string}}}}",
            "      responses: {'201': {description: registered}}",
            "  /payees:",
            "    post:",
            "      requestBody: {content: {application/json: {schema: {type: object}}}}",
            "      responses: {'201': {description: created}}",
            "");
    assertThat(levels("operation-security-missing", Level.ERROR, spec))
        .containsExactly(Level.NOTE, Level.ERROR, Level.NOTE, Level.ERROR);
  }

  /**
   * Operations that all require an 'Authorization' header parameter ask for credentials, only where
   * no tool looks (a note); one that does not require it can be called without (an error).
   */
  @Test
  void securitySchemesMissingGradesAnAuthorizationHeaderAsANote() {
    String spec =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: Alerts, version: 1.0.0}",
            "paths:",
            "  /alerts:",
            "    get:",
            "      parameters: [{name: Authorization, in: header, required: true, schema: {type: string}}]",
            "      responses: {'200': {description: alerts}}",
            "");
    assertThat(levels("security-schemes-missing", Level.ERROR, spec)).containsExactly(Level.NOTE);
    String optionalHeader = spec.replace("required: true", "required: false");
    assertThat(levels("security-schemes-missing", Level.ERROR, optionalHeader))
        .containsExactly(Level.ERROR);
    // Swagger 2.0, a shared parameter, the header's name in lower case (header names are not
    // case-sensitive)
    String swagger =
        String.join(
            "\n",
            "swagger: '2.0'",
            "info: {title: Alerts, version: 1.0.0}",
            "parameters:",
            "  bearer: {name: authorization, in: header, required: true, type: string}",
            "paths:",
            "  /alerts:",
            "    get:",
            "      parameters: [{$ref: '#/parameters/bearer'}]",
            "      responses: {'200': {description: alerts}}",
            "");
    assertThat(levels("security-schemes-missing", Level.ERROR, swagger))
        .containsExactly(Level.NOTE);
    // an API key header on every operation asks for credentials as well; beside an operation
    // without one, that operation is open
    String keyHeader = spec.replace("name: Authorization", "name: X-Client-Api-Key");
    assertThat(levels("security-schemes-missing", Level.ERROR, keyHeader))
        .containsExactly(Level.NOTE);
    String keyHeaderAndOpen =
        keyHeader
            + String.join(
                "\n",
                "  /status:",
                "    get:",
                "      responses: {'200': {description: the service's status}}",
                "");
    assertThat(levels("security-schemes-missing", Level.ERROR, keyHeaderAndOpen))
        .containsExactly(Level.ERROR);
  }

  /**
   * A document that says it is open data, whose operations are reads without customer data, is
   * public by design (a note), whether it declares no scheme or never requires the ones it
   * declares; with customer data it stays an error.
   */
  @Test
  void securitySchemesMissingGradesOpenDataAsANote() {
    String openData =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: APIs OpenData, version: 1.0.0}",
            "paths:",
            "  /branches:",
            "    get:",
            "      responses:",
            "        '200':",
            "          description: branches",
            "          content: {application/json: {schema: {properties: {branchId: {type: string}}}}}",
            "");
    assertThat(levels("security-schemes-missing", Level.ERROR, openData))
        .containsExactly(Level.NOTE);
    String schemesNeverRequired =
        openData
            + "  /products: {get: {responses: {'200': {description: products}}}}\n"
            + "components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Api-Key}}}\n";
    assertThat(levels("operation-security-missing", Level.ERROR, schemesNeverRequired))
        .containsExactly(Level.NOTE);
    String withCustomerData =
        openData
            + String.join(
                "\n",
                "  /customer:",
                "    get:",
                "      responses:",
                "        '200':",
                "          description: the customer",
                "          content: {application/json: {schema: {properties: {email: {type: string}}}}}",
                "");
    assertThat(levels("security-schemes-missing", Level.ERROR, withCustomerData))
        .containsExactly(Level.ERROR);
  }
}

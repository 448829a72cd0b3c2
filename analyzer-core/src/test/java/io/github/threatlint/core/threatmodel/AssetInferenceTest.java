package io.github.threatlint.core.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssetInferenceTest {
  private static final ThreatCatalogue CATALOGUE = ThreatCatalogue.sfti();

  private static Map<String, AssetPresence> assets(String spec) {
    return AssetInference.infer(Specs.facts(spec), CATALOGUE).stream()
        .collect(Collectors.toMap(p -> p.asset().name(), Function.identity()));
  }

  private static List<String> labels(List<Place> places) {
    return places.stream().map(Place::label).toList();
  }

  @Test
  void findsCustomerDataWhereOperationsAndSchemasCarryIt() {
    Map<String, AssetPresence> assets = assets(Specs.WEALTH_OPEN);
    assertThat(assets)
        .containsOnlyKeys(
            "Customer Identifying data",
            "Customer Financial Data",
            "Indirect Customer Identifying Data",
            "Customer credentials");

    AssetPresence identifying = assets.get("Customer Identifying data");
    // a bare 'name' counts inside a holder; 'chargeBearer' is no token, 'nextPageToken' a page
    // token (no IT security
    // data at all); the boolean 'welcomeEmailEnabled' and the number 'passwordValidityDays' carry
    // nothing
    assertThat(identifying.fields())
        .containsExactlyInAnyOrder("firstName", "lastName", "dateOfBirth", "name");
    assertThat(labels(identifying.operations()))
        .containsExactly("GET /customers", "POST /customers", "GET /customers/{customerId}");
    assertThat(labels(identifying.schemas()))
        .containsExactly("schema Customer", "schema Registration");

    AssetPresence financial = assets.get("Customer Financial Data");
    assertThat(financial.fields()).containsExactlyInAnyOrder("account", "iban", "balance");
    // reached through Customer -> Account: references are followed for operations
    assertThat(labels(financial.operations()))
        .containsExactly("GET /customers", "GET /customers/{customerId}");
    assertThat(labels(financial.schemas())).containsExactly("schema Customer", "schema Account");

    AssetPresence indirect = assets.get("Indirect Customer Identifying Data");
    assertThat(indirect.fields()).containsExactly("customerId");
    assertThat(labels(indirect.operations()))
        .containsExactly("GET /customers", "GET /customers/{customerId}");

    AssetPresence credentials = assets.get("Customer credentials");
    assertThat(credentials.fields()).containsExactly("password");
    assertThat(labels(credentials.operations())).containsExactly("POST /customers");
  }

  @Test
  void placesPointAtTheLinesOfTheSpec() {
    AssetPresence credentials = assets(Specs.WEALTH_OPEN).get("Customer credentials");
    Place post = credentials.operations().get(0);
    assertThat(post.file()).isEqualTo("specs/wealth-open.yaml");
    assertThat(post.pointer()).isEqualTo("/paths/~1customers/post");
    assertThat(post.region().startLine()).isEqualTo(27);
    assertThat(credentials.schemas().get(0).location()).isEqualTo("specs/wealth-open.yaml:79");
  }

  @Test
  void readsSwagger2DefinitionsAndSecurityDefinitions() {
    Map<String, AssetPresence> assets = assets(Specs.CARDS_LEGACY);
    assertThat(assets.get("Customer Financial Data").fields())
        .containsExactlyInAnyOrder("cardNumber", "cvv");
    assertThat(labels(assets.get("Customer Financial Data").schemas()))
        .containsExactly("schema Card");
    assertThat(labels(assets.get("Customer Financial Data").operations()))
        .containsExactly("POST /cards", "GET /cards/{cardId}");
    assertThat(assets.get("Customer credentials").fields()).containsExactly("pin");
    assertThat(assets.get("Customer Identifying data").fields()).containsExactly("email");
    AssetPresence security = assets.get("IT Security data");
    assertThat(labels(security.other()))
        .containsExactly("security scheme basic (HTTP basic credentials)");
    assertThat(security.other().get(0).pointer()).isEqualTo("/securityDefinitions/basic");
  }

  @Test
  void theLongestMatchingTermDecides() {
    Map<String, AssetPresence> assets = assets(Specs.PAYMENTS_GUARDED);
    // PSU-IP-Address is "ip address" (indirect), not "address" (identifying); Consent-ID and
    // X-Correlation-ID are nothing
    assertThat(assets.get("Indirect Customer Identifying Data").fields())
        .containsExactly("PSU-IP-Address");
    assertThat(assets.get("Customer Identifying data").fields()).containsExactly("creditorName");
    assertThat(assets.get("Customer Financial Data").fields())
        .containsExactlyInAnyOrder("debtorIban", "amount");
    assertThat(labels(assets.get("IT Security data").other()))
        .containsExactly(
            "security scheme oauth (OAuth2 tokens)", "security scheme mtls (mutualTLS)");
  }

  @Test
  void findsNamesAndPositionsButNoSignersSignatureOrTechnicalId() {
    Map<String, AssetPresence> assets = assets(Specs.CUSTODY_POSITIONS);
    // a customer's display and full name identify; an address's technical id does not
    assertThat(assets.get("Customer Identifying data").fields())
        .containsExactlyInAnyOrder("displayName", "fullName", "tinList");
    // positions' market value and quantity are what the customer owns
    assertThat(assets.get("Customer Financial Data").fields())
        .containsExactlyInAnyOrder("quantity", "marketValue");
    // the Signature header signs the message; the signature property is a document signer's
    assertThat(assets.get("IT Security data").fields()).containsExactly("Signature");
    assertThat(labels(assets.get("IT Security data").operations()))
        .containsExactly("POST /documents");
  }

  @Test
  void aHeaderOnlyEverOptionalIsMarkedOptional() {
    // every operation may take the customer's IP address; none has to
    AssetPresence indirect =
        assets(Specs.CUSTODY_POSITIONS).get("Indirect Customer Identifying Data");
    assertThat(indirect.fields()).containsExactlyInAnyOrder("customerId", "X-PSU-IP-Address");
    assertThat(indirect.optionalFields()).containsExactly("X-PSU-IP-Address");
    // required where the guarded payments take it
    assertThat(
            assets(Specs.PAYMENTS_GUARDED)
                .get("Indirect Customer Identifying Data")
                .optionalFields())
        .isEmpty();
  }

  @Test
  void specialCategoriesAndNamedFinancialDataRaiseTheNeeds() {
    Map<String, AssetPresence> assets = assets(Specs.CUSTODY_POSITIONS);
    AssetPresence identifying = assets.get("Customer Identifying data");
    assertThat(identifying.needs().toString()).isEqualTo("VH/VH/H");
    assertThat(identifying.needsReason())
        .startsWith("the spec carries special categories of personal data")
        .endsWith(": `isPep`, `tinList`");
    // positions and the customer's name travel in different operations here
    assertThat(assets.get("Customer Financial Data").raised()).isFalse();
    assertThat(assets.get("Customer Financial Data").needs())
        .isEqualTo(CATALOGUE.asset("Customer Financial Data").rating());
    // the open wealth spec returns balances with customer names
    AssetPresence named = assets(Specs.WEALTH_OPEN).get("Customer Financial Data");
    assertThat(named.needs().toString()).isEqualTo("VH/H/H");
    assertThat(named.needsReason())
        .endsWith(
            "(bank-client confidentiality): 2 operations (GET /customers, GET /customers/{customerId})");
  }
}

package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names are customer data, answered once per document and list of terms. */
class CustomerDataTest {
  private static ApiDocument document() throws Exception {
    return TestDocuments.openApi30(
        """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths: {}
                components:
                  schemas:
                    Customer:
                      properties:
                        lastName: {type: string}
                        ipAddress: {type: string}
                        iban: {type: string}
                        status: {type: string}
        """);
  }

  @Test
  void equalListsOfTermsShareTheDocumentsAnswersWhichAreThoseOfMatches() throws Exception {
    ApiDocument document = document();
    List<String> terms = new ArrayList<>(CustomerData.IDENTIFYING);
    terms.addAll(CustomerData.FINANCIAL);

    CustomerData.Names names = CustomerData.names(document, terms);

    assertThat(CustomerData.names(document, List.copyOf(terms))).isSameAs(names);
    assertThat(CustomerData.names(document, CustomerData.SPECIAL_CATEGORY)).isNotSameAs(names);
    assertThat(CustomerData.names(document(), terms)).isNotSameAs(names);
    for (String name : List.of("lastName", "ipAddress", "iban", "status", "email_address")) {
      assertThat(names.match(name)).as(name).isEqualTo(CustomerData.matches(name, terms));
      assertThat(names.match(name)).as(name + " again").isEqualTo(names.match(name));
    }
    assertThat(
            CustomerData.matchingProperties(
                document, document.root().at("/components/schemas/Customer"), terms))
        .containsExactly("lastName", "iban");
  }

  @Test
  void aListChangedAfterItWasAskedAboutIsAskedAboutAnew() throws Exception {
    ApiDocument document = document();
    List<String> terms = new ArrayList<>(List.of("iban"));
    CustomerData.Names ibans = CustomerData.names(document, terms);

    terms.set(0, "last_name");

    assertThat(ibans.match("iban")).isTrue();
    assertThat(CustomerData.names(document, terms).match("iban")).isFalse();
    assertThat(CustomerData.names(document, terms).match("lastName")).isTrue();
  }

  /**
   * Holder is first met through Wrapper, two levels down, where its nested Contact is out of reach;
   * through Root's own holder it is one level down, and Contact's email is two.
   */
  @Test
  void aSchemaMetAgainWithMoreLevelsLeftIsSearchedAgain() throws Exception {
    ApiDocument document =
        TestDocuments.openApi30(
            """
                    openapi: 3.0.3
                    info: {title: t, version: '1'}
                    paths: {}
                    components:
                      schemas:
                        Root:
                          properties:
                            wrapper: {$ref: '#/components/schemas/Wrapper'}
                            holder: {$ref: '#/components/schemas/Holder'}
                        Wrapper:
                          properties:
                            holder: {$ref: '#/components/schemas/Holder'}
                        Holder:
                          properties:
                            contact: {$ref: '#/components/schemas/Contact'}
                        Contact:
                          properties:
                            email: {type: string}
                            iban: {type: string}
            """);
    NodeRef root = document.root().at("/components/schemas/Root");
    CustomerData.Search search =
        new CustomerData.Search(document, name -> CustomerData.matches(name, List.of("email")));

    assertThat(search.find(root, 2)).containsExactly("email");
    assertThat(search.find(root, 1)).isEmpty();
    assertThat(search.find(root, 2)).as("a later search of the same rule").containsExactly("email");
    assertThat(CustomerData.find(document, root, List.of("email", "iban"), 2))
        .containsExactly("email", "iban");
  }

  /**
   * A name is found where its step is, whether the schema it names nests others (account, read
   * through a reference and an anyOf) or none (email, phone: the search does not read them), and a
   * reference that leads nowhere still names its property.
   */
  @Test
  void namesAreFoundInTheOrderOfTheSearchWhateverTheirSchemasNest() throws Exception {
    ApiDocument document =
        TestDocuments.openApi30(
            """
                    openapi: 3.0.3
                    info: {title: t, version: '1'}
                    paths: {}
                    components:
                      schemas:
                        Root:
                          properties:
                            email: {type: string}
                            account: {$ref: '#/components/schemas/Account'}
                            lastName: {$ref: '#/components/schemas/Missing'}
                            phone: {type: string}
                        Account:
                          anyOf:
                            - properties: {iban: {type: string}, status: {type: string}}
                            - {$ref: '#/components/schemas/Plain'}
                        Plain: {type: object}
            """);
    NodeRef root = document.root().at("/components/schemas/Root");
    List<String> terms = List.of("email", "iban", "phone", "last_name");
    CustomerData.Search search =
        new CustomerData.Search(document, name -> CustomerData.matches(name, terms));

    assertThat(search.find(root, 2)).containsExactly("email", "iban", "lastName", "phone");
    assertThat(search.find(root, 0)).containsExactly("email", "lastName", "phone");
    assertThat(search.find(document.root().at("/components/schemas/Plain"), 2)).isEmpty();
  }
}

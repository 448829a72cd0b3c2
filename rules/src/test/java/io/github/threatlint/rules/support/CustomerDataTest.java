package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.TreeParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names are customer data, answered once per document and list of terms. */
class CustomerDataTest {
  private static ApiDocument document() throws Exception {
    return new ApiDocument(
        TreeParser.parse(
            new SourceFile(
                null,
                "api.yaml",
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
                """)),
        SpecVersion.OPENAPI_3_0,
        ExternalFiles.NONE);
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
}

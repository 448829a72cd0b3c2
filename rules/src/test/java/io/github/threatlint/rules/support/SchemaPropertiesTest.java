package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import org.junit.jupiter.api.Test;

/** The property names a schema offers within a number of nestings. */
class SchemaPropertiesTest {
  /**
   * Within two nestings, Consent is first read inside Envelope, where what its status holds is out
   * of reach; Root's own consent is a nesting closer, and its status's code within reach.
   */
  @Test
  void aSchemaMetAgainWithMoreNestingsLeftIsReadAgain() throws Exception {
    ApiDocument document =
        TestDocuments.openApi30(
            """
                    openapi: 3.0.3
                    info: {title: t, version: '1'}
                    paths: {}
                    components:
                      schemas:
                        Root:
                          allOf:
                            - properties:
                                envelope: {$ref: '#/components/schemas/Envelope'}
                            - properties:
                                consent: {$ref: '#/components/schemas/Consent'}
                        Envelope:
                          properties:
                            consent: {$ref: '#/components/schemas/Consent'}
                        Consent:
                          properties:
                            status: {$ref: '#/components/schemas/Status'}
                        Status:
                          type: object
                          properties:
                            code: {type: string}
            """);
    NodeRef root = document.root().at("/components/schemas/Root");

    assertThat(SchemaProperties.names(document, root, 0)).containsExactly("envelope", "consent");
    assertThat(SchemaProperties.names(document, root, 1))
        .containsExactly("envelope", "consent", "status");
    assertThat(SchemaProperties.names(document, root, 2))
        .containsExactly("envelope", "consent", "status", "code");
  }
}

package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk does not follow {@code $ref}: it reports each reference and visits every target once,
 * where it is written.
 */
class WalkReferencesTest {
  @TempDir Path folder;

  @Test
  void eachReferenceIsReportedAndEachTargetVisitedOnceInItsOwnFileAsTheKindTheReferenceExpects()
      throws Exception {
    WalkRecorder.write(
        folder,
        "api.yaml",
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /items:
            $ref: 'paths.yaml#/items'
          /orders:
            get:
              $ref: 'operations.yaml#/listOrders'
        components:
          schemas:
            Alias: {$ref: '#/components/schemas/Item'}
            Item: {type: object}
            Price: {$ref: 'common.yaml#/Money'}
            Cost: {$ref: 'common.yaml#/Money'}
        """);
    WalkRecorder.write(
        folder,
        "paths.yaml",
        """
        items:
          get:
            responses:
              '200': {description: ok}
        """);
    WalkRecorder.write(
        folder,
        "operations.yaml",
        """
        listOrders:
          responses:
            '200': {description: ok}
        """);
    WalkRecorder.write(
        folder,
        "common.yaml",
        """
        Money:
          type: object
          properties:
            amount: {type: number}
        """);
    assertThat(WalkRecorder.calls(folder, "api.yaml"))
        .containsExactlyInAnyOrder(
            "document api.yaml#",
            "node DOCUMENT api.yaml#",
            "end api.yaml#",
            "node INFO api.yaml#/info",
            // a path item in another file: the reference here, the path item and its operation
            // there
            "reference api.yaml#/paths/~1items",
            "node PATH_ITEM paths.yaml#/items",
            "node OPERATION paths.yaml#/items/get",
            "operation GET /items paths.yaml#/items/get",
            "path operation GET /items paths.yaml#/items/get",
            "node RESPONSE paths.yaml#/items/get/responses/200",
            "response 200 of GET /items paths.yaml#/items/get/responses/200",
            // an operation written as a reference (one file per operation) is followed like the
            // others
            "node PATH_ITEM api.yaml#/paths/~1orders",
            "reference api.yaml#/paths/~1orders/get",
            "node OPERATION operations.yaml#/listOrders",
            "operation GET /orders operations.yaml#/listOrders",
            "path operation GET /orders operations.yaml#/listOrders",
            "node RESPONSE operations.yaml#/listOrders/responses/200",
            "response 200 of GET /orders operations.yaml#/listOrders/responses/200",
            // a target in the root file is visited at its own place only
            "reference api.yaml#/components/schemas/Alias",
            "node SCHEMA api.yaml#/components/schemas/Item",
            "schema api.yaml#/components/schemas/Item",
            // one schema reached by two names is one schema, visited once
            "reference api.yaml#/components/schemas/Price",
            "reference api.yaml#/components/schemas/Cost",
            "node SCHEMA common.yaml#/Money",
            "schema common.yaml#/Money",
            "node SCHEMA common.yaml#/Money/properties/amount",
            "schema common.yaml#/Money/properties/amount");
  }
}

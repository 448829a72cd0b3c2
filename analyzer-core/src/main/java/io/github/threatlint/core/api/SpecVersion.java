package io.github.threatlint.core.api;

import java.util.List;

/** The specification versions threatlint reads. OAS 3.2 documents are read as 3.1. */
public enum SpecVersion {
  SWAGGER_2_0("Swagger 2.0"),
  OPENAPI_3_0("OpenAPI 3.0"),
  OPENAPI_3_1("OpenAPI 3.1");

  private final String label;

  SpecVersion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isSwagger2() {
    return this == SWAGGER_2_0;
  }

  public boolean isOpenApi3() {
    return this != SWAGGER_2_0;
  }

  /** The root member that states the version: {@code swagger} (2.0) or {@code openapi}. */
  public String versionField() {
    return isSwagger2() ? "swagger" : "openapi";
  }

  /**
   * Where security schemes are declared, as messages name it: {@code securityDefinitions} (2.0) or
   * {@code components.securitySchemes}.
   */
  public String securitySchemesLocation() {
    return isSwagger2() ? "securityDefinitions" : "components.securitySchemes";
  }

  /**
   * The pointer of the reusable schemas: {@code /definitions} (2.0) or {@code /components/schemas}.
   */
  public String schemasPointer() {
    return isSwagger2() ? "/definitions" : "/components/schemas";
  }

  /**
   * The pointer of the object that holds the reusable sections (schemas, parameters, responses,
   * ...): the root in 2.0, {@code /components} in OpenAPI 3.
   */
  public String componentsPointer() {
    return isSwagger2() ? "" : "/components";
  }

  /**
   * The sections of reusable parts under {@link #componentsPointer()}, in the order the
   * specification lists them.
   */
  public List<String> componentSections() {
    return isSwagger2()
        ? List.of("definitions", "parameters", "responses", "securityDefinitions")
        : List.of(
            "schemas",
            "responses",
            "parameters",
            "examples",
            "requestBodies",
            "headers",
            "securitySchemes",
            "links",
            "callbacks",
            "pathItems");
  }

  /** Whether a schema can say {@code writeOnly} (Swagger 2.0 has only readOnly). */
  public boolean hasWriteOnly() {
    return !isSwagger2();
  }

  /** Whether an OAuth2 flow can name a {@code refreshUrl} (Swagger 2.0 cannot). */
  public boolean hasRefreshUrl() {
    return !isSwagger2();
  }

  /** Where an API key can be sent ({@code in} of an apiKey scheme): 2.0 has no cookie. */
  public List<String> apiKeyLocations() {
    return isSwagger2() ? List.of("header", "query") : List.of("header", "query", "cookie");
  }
}

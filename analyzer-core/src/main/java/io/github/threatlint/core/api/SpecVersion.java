package io.github.threatlint.core.api;

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
}

package io.github.threatlint.core.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      api.yaml                 | api.yaml                    | true
      api.yaml                 | specs/api.yaml              | false
      *.yaml                   | api.yaml                    | true
      *.yaml                   | specs/api.yaml              | false
      specs/*.yaml             | specs/api.yaml              | true
      specs/**                 | specs/v1/legacy/api.yaml    | true
      specs/**                 | specs                       | true
      specs/**                 | specsx/api.yaml             | false
      **/*.json                | api.json                    | true
      **/*.json                | a/b/c/api.json              | true
      **/*.json                | a/b/c/api.yaml              | false
      specs/**/api.yaml        | specs/api.yaml              | true
      specs/**/api.yaml        | specs/x/y/api.yaml          | true
      spec?.yaml               | spec1.yaml                  | true
      spec?.yaml               | spec/.yaml                  | false
      a+b (1).yaml             | a+b (1).yaml                | true
      a+b (1).yaml             | aab (1).yaml                | false
      /paths/~1health/**       | /paths/~1health             | true
      /paths/~1health/**       | /paths/~1health/get/security | true
      /paths/~1health/**       | /paths/~1healthz/get        | false
      /paths/*/get             | /paths/~1accounts~1{id}/get | true
      /paths/*/get             | /paths/~1a/post             | false
      /paths/*/get/**          | /paths/~1a/get/responses/200 | true
      **                       | /anything/at/all            | true
      src/**/*.{yaml,yml,json} | src/main/openapi/api.yml    | true
      src/**/*.{yaml,yml,json} | src/api.json                | true
      src/**/*.{yaml,yml,json} | src/README.md               | false
      {openapi,swagger}*.yaml  | swagger-v2.yaml             | true
      {openapi,swagger}*.yaml  | api.yaml                    | false
      a,b.yaml                 | a,b.yaml                    | true
      /accounts/{id}           | /accounts/{id}              | true
      /accounts/{id}           | /accounts/id                | false
      /accounts/{id}/**        | /accounts/{id}/balances     | true
      /{a,b}/{id}              | /b/{id}                     | true
      {a,b                     | b                           | true
      /health{                 | /health{                    | true
      """)
  void matchesSegmentWise(String glob, String path, boolean expected) {
    assertThat(Glob.compile(glob).matches(path)).isEqualTo(expected);
  }

  @Test
  void aListMatchesWhenOneOfItsGlobsDoes() {
    assertThat(Glob.anyMatches(List.of("/health", "/public/**"), "/public/rates/chf")).isTrue();
    assertThat(Glob.anyMatches(List.of("/health", "/public/**"), "/accounts")).isFalse();
    assertThat(Glob.anyMatches(List.of(), "/health")).isFalse();
  }
}

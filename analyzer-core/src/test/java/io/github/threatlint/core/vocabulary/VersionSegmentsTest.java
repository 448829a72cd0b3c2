package io.github.threatlint.core.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionSegmentsTest {
  @Test
  void theVersionFormsNameTheirMajorVersion() {
    assertThat(VersionSegments.major("v1")).isEqualTo("v1");
    assertThat(VersionSegments.major("V2.1")).isEqualTo("v2");
    assertThat(VersionSegments.major("v3-alpha2")).isEqualTo("v3");
    assertThat(VersionSegments.major("v1beta")).isEqualTo("v1");
    assertThat(VersionSegments.major("2.0.6")).isEqualTo("v2");
    assertThat(VersionSegments.major("2016-12-01")).isEqualTo("2016-12-01");
    assertThat(VersionSegments.major("v99999999999")).isEqualTo("v0");
  }

  @Test
  void aBareNumberOrAWordIsNoVersion() {
    assertThat(VersionSegments.isVersion("1")).isFalse();
    assertThat(VersionSegments.isVersion("accounts")).isFalse();
    assertThat(VersionSegments.isVersion("vault")).isFalse();
    assertThat(VersionSegments.isVersion("accounts-v1")).isFalse();
  }

  @Test
  void aVersionInsideASegmentIsFoundApart() {
    assertThat(VersionSegments.majorWithin("accounts-v1")).isEqualTo("v1");
    assertThat(VersionSegments.majorWithin("api_v2")).isEqualTo("v2");
    assertThat(VersionSegments.majorWithin("accounts")).isNull();
  }

  @Test
  void theMountIsTheVersionsAndTheApiWords() {
    assertThat(VersionSegments.isMount("api")).isTrue();
    assertThat(VersionSegments.isMount("REST")).isTrue();
    assertThat(VersionSegments.isMount("latest")).isTrue();
    assertThat(VersionSegments.isMount("v2.1")).isTrue();
    assertThat(VersionSegments.isMount("2016-12-01")).isTrue();
    assertThat(VersionSegments.isMount("2")).isTrue();
    assertThat(VersionSegments.isMount("2a")).isFalse();
    assertThat(VersionSegments.isMount("accounts")).isFalse();
  }

  @Test
  void segmentsReadWithoutTheExpressionsAreReadAsTheExpressionsWouldRead() {
    assertThat(VersionSegments.major("V10")).isEqualTo("v10");
    assertThat(VersionSegments.major("v007")).isEqualTo("v7");
    assertThat(VersionSegments.major("v")).isNull();
    assertThat(VersionSegments.major("v1x")).isNull();
    assertThat(VersionSegments.major("")).isNull();
    assertThat(VersionSegments.major("version2")).isNull();
    assertThat(VersionSegments.major("-1.0")).isNull();
    assertThat(VersionSegments.major("1.0")).isEqualTo("v1");
  }

  @Test
  void theFirstResourceIsTheFirstFixedSegmentPastTheMount() {
    assertThat(VersionSegments.firstResource("/v1/accounts/{id}/balances")).isEqualTo("accounts");
    assertThat(VersionSegments.firstResource("/api/2/tweets")).isEqualTo("tweets");
    assertThat(VersionSegments.firstResource("/{tenant}/v1/payments")).isEqualTo("payments");
    assertThat(VersionSegments.firstResource("/accounts/v1")).isEqualTo("accounts");
    assertThat(VersionSegments.firstResource("//rest/latest/charges/")).isEqualTo("charges");
    assertThat(VersionSegments.firstResource("/api/v1")).isNull();
    assertThat(VersionSegments.firstResource("/")).isNull();
    assertThat(VersionSegments.firstResource("/{tenant}")).isNull();
  }
}

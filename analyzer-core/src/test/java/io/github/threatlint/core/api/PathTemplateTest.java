package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
  @Test
  void theSegmentsAreThoseBetweenSlashesWithTheLeadingEmptyOne() {
    PathTemplate path = PathTemplate.of("/accounts/{accountId}/transactions");
    assertThat(path.segments()).containsExactly("", "accounts", "{accountId}", "transactions");
    assertThat(path.fixedSegments()).containsExactly("accounts", "transactions");
    assertThat(path.lastSegment()).isEqualTo("transactions");
    assertThat(path.lastFixedSegment()).isEqualTo("transactions");
    assertThat(path.lastLiteralSegment()).isEqualTo("transactions");
    assertThat(path.text()).isEqualTo("/accounts/{accountId}/transactions");
  }

  @Test
  void trailingSlashesGiveNoSegment() {
    assertThat(PathTemplate.of("/accounts/").segments()).containsExactly("", "accounts");
    assertThat(PathTemplate.of("/accounts/{id}//").segments())
        .containsExactly("", "accounts", "{id}");
    assertThat(PathTemplate.of("/accounts/{id}/").lastSegment()).isEqualTo("{id}");
  }

  @Test
  void aPrefixIsRejoinedWithoutTheTrailingSlash() {
    assertThat(PathTemplate.of("/consents/").prefix(2)).isEqualTo("/consents");
    assertThat(PathTemplate.of("/consents/{id}/").prefix(2)).isEqualTo("/consents");
    assertThat(PathTemplate.of("/consents/{id}").prefix(3)).isEqualTo("/consents/{id}");
    assertThat(PathTemplate.of("consents/{id}").prefix(1)).isEqualTo("consents");
    assertThat(PathTemplate.of("/a//b").prefix(4)).isEqualTo("/a//b");
  }

  @Test
  void aDoubleSlashGivesAnEmptySegmentThatIsNotFixed() {
    PathTemplate path = PathTemplate.of("/accounts//balances");
    assertThat(path.segments()).containsExactly("", "accounts", "", "balances");
    assertThat(path.fixedSegments()).containsExactly("accounts", "balances");
    assertThat(PathTemplate.of("//accounts").segments()).containsExactly("", "", "accounts");
  }

  @Test
  void theRootHasNoSegmentAndTheEmptyPathOneEmptySegment() {
    PathTemplate root = PathTemplate.of("/");
    assertThat(root.segments()).isEmpty();
    assertThat(root.fixedSegments()).isEmpty();
    assertThat(root.lastSegment()).isEmpty();
    assertThat(root.lastFixedSegment()).isEmpty();
    assertThat(root.lastLiteralSegment()).isEmpty();
    assertThat(PathTemplate.of("///").segments()).isEmpty();
    assertThat(PathTemplate.of("").segments()).containsExactly("");
    assertThat(PathTemplate.of("").lastSegment()).isEmpty();
  }

  @Test
  void aPathWithoutALeadingSlashStartsWithItsFirstWord() {
    PathTemplate path = PathTemplate.of("accounts/{id}");
    assertThat(path.segments()).containsExactly("accounts", "{id}");
    assertThat(path.fixedSegments()).containsExactly("accounts");
    assertThat(PathTemplate.of("accounts").segments()).containsExactly("accounts");
  }

  @Test
  void aSegmentThatStartsWithAParameterIsNoFixedOne() {
    PathTemplate path = PathTemplate.of("/files/{name}.json");
    assertThat(path.fixedSegments()).containsExactly("files");
    assertThat(path.lastSegment()).isEqualTo("{name}.json");
    assertThat(path.lastFixedSegment()).isEqualTo("files");
    assertThat(path.lastLiteralSegment()).isEqualTo("files");
  }

  @Test
  void aParameterInsideASegmentKeepsItFixedButNotLiteral() {
    PathTemplate path = PathTemplate.of("/v1/payments.{format}");
    assertThat(path.fixedSegments()).containsExactly("v1", "payments.{format}");
    assertThat(path.lastFixedSegment()).isEqualTo("payments.{format}");
    assertThat(path.lastLiteralSegment()).isEqualTo("v1");
  }

  @Test
  void aPathOfParametersOnlyHasNoFixedSegment() {
    PathTemplate path = PathTemplate.of("/{service}/{product}");
    assertThat(path.fixedSegments()).isEmpty();
    assertThat(path.lastFixedSegment()).isEmpty();
    assertThat(path.lastLiteralSegment()).isEmpty();
    assertThat(path.lastSegment()).isEqualTo("{product}");
  }

  @Test
  void percentEncodedCharactersAreKeptAsWritten() {
    PathTemplate path = PathTemplate.of("/files/%7Bname%7D/a%2Fb");
    assertThat(path.segments()).containsExactly("", "files", "%7Bname%7D", "a%2Fb");
    assertThat(path.fixedSegments()).containsExactly("files", "%7Bname%7D", "a%2Fb");
    assertThat(PathTemplate.hasParameter("%7Bname%7D")).isFalse();
  }

  @Test
  void versionSegmentsAreFixedSegmentsLikeAnyOther() {
    PathTemplate path = PathTemplate.of("/v1/accounts/{id}");
    assertThat(path.fixedSegments()).containsExactly("v1", "accounts");
    assertThat(PathTemplate.of("/2016-12-01/charges").fixedSegments())
        .containsExactly("2016-12-01", "charges");
  }

  @Test
  void theThreeReadingsOfAParameterSegment() {
    assertThat(PathTemplate.startsWithParameter("{id}")).isTrue();
    assertThat(PathTemplate.startsWithParameter("{name}.json")).isTrue();
    assertThat(PathTemplate.startsWithParameter("payments.{format}")).isFalse();
    assertThat(PathTemplate.startsWithParameter("")).isFalse();

    assertThat(PathTemplate.hasParameter("{id}")).isTrue();
    assertThat(PathTemplate.hasParameter("payments.{format}")).isTrue();
    assertThat(PathTemplate.hasParameter("payments")).isFalse();

    assertThat(PathTemplate.isOneParameter("{id}")).isTrue();
    assertThat(PathTemplate.isOneParameter("{payment-id}")).isTrue();
    assertThat(PathTemplate.isOneParameter("{name}.json")).isFalse();
    assertThat(PathTemplate.isOneParameter("{}")).isFalse();
    assertThat(PathTemplate.isOneParameter("{a}{b}")).isFalse();
    assertThat(PathTemplate.isOneParameter("{a}b}")).isFalse();
    assertThat(PathTemplate.isOneParameter("{{a}}")).isFalse();
    assertThat(PathTemplate.isOneParameter("id}")).isFalse();
    assertThat(PathTemplate.isOneParameter("")).isFalse();
  }

  @Test
  void oneParameterReadsAsTheExpressionItReplaced() {
    // IdempotencyKeyMissing matched the last segment with this expression before
    Pattern oneTemplate = Pattern.compile("\\{[^{}]+}");
    for (String segment :
        List.of(
            "{id}", "{a b}", "{}", "{", "}", "{{}", "{}}", "{a}{b}", "{a}}", "x{a}", "{a}x", "{ }",
            "{\n}", "{é}", "{{a}}", "id")) {
      assertThat(PathTemplate.isOneParameter(segment))
          .as(segment)
          .isEqualTo(oneTemplate.matcher(segment).matches());
    }
  }

  @Test
  void anOperationReadsItsPathOnce() {
    Operation operation =
        new Operation(null, Operation.Kind.PATH, "/accounts/{id}", "get", null, null, null);
    assertThat(operation.pathTemplate().fixedSegments()).containsExactly("accounts");
    assertThat(operation.pathTemplate()).isSameAs(operation.pathTemplate());
  }
}

package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.rules.auth.ApiKeyInUrl;
import io.github.threatlint.rules.data.ArrayMaxItems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index the build makes of the built-in rules' annotations gives a run every rule's metadata
 * and options exactly as the annotations do, and a run takes them from there.
 */
class RuleIndexTest {
  @Test
  void theIndexHasEveryRulesAnnotationAndOptionsAsTheClassHasThem() throws Exception {
    List<RuleDescriptor> indexed = RuleIndex.read(BuiltInRules.classes());
    assertThat(indexed).as(RuleIndex.RESOURCE).isNotNull().hasSize(BuiltInRules.classes().size());
    for (RuleDescriptor rule : indexed) {
      RuleDescriptor annotated = new RuleDescriptor(rule.type());
      for (Method member : RuleInfo.class.getDeclaredMethods()) {
        assertThat(member.invoke(rule.info()))
            .as(rule.id() + " " + member.getName())
            .isEqualTo(member.invoke(annotated.info()));
      }
      assertThat(rule.info().annotationType()).isEqualTo(RuleInfo.class);
      assertThat(rule.options()).as(rule.id()).isEqualTo(annotated.options());
      for (Field option : rule.options()) {
        assertThat(rule.optionDescription(option))
            .as(rule.id() + " " + option.getName())
            .isEqualTo(option.getAnnotation(RuleOption.class).description());
      }
    }
  }

  @Test
  void aRunTakesTheRulesFromTheIndex() {
    assertThat(BuiltInRules.all())
        .isNotEmpty()
        .allSatisfy(rule -> assertThat(rule.info()).isNotInstanceOf(java.lang.reflect.Proxy.class));
  }

  @Test
  void anArrayMemberReturnsACopyAsTheAnnotationsDoes() {
    RuleInfo info = BuiltInRules.byId("api-key-in-url").info();
    info.owasp2023()[0] = "changed";
    assertThat(info.owasp2023())
        .isEqualTo(ApiKeyInUrl.class.getAnnotation(RuleInfo.class).owasp2023());
  }

  @Test
  void anIndexWrittenForSomeRulesIsReadForThem() throws IOException {
    List<Class<? extends Rule>> rules = List.of(ArrayMaxItems.class, ApiKeyInUrl.class);
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    RuleIndex.write(rules, index);
    List<RuleDescriptor> read =
        RuleIndex.read(rules, new ByteArrayInputStream(index.toByteArray()));
    assertThat(read)
        .extracting(RuleDescriptor::id)
        .containsExactly("array-max-items", "api-key-in-url");
    assertThat(read.get(0).options())
        .extracting(Field::getName)
        .containsExactly("includeResponses");
    Field includeResponses = read.get(0).options().get(0);
    assertThat(read.get(0).optionDescription(includeResponses))
        .isEqualTo(includeResponses.getAnnotation(RuleOption.class).description());
    assertThat(read.get(0).info().description())
        .isEqualTo(ArrayMaxItems.class.getAnnotation(RuleInfo.class).description());
    // read for other rules, or in another order: refused
    assertThatThrownBy(
            () ->
                RuleIndex.read(
                    List.of(ApiKeyInUrl.class, ArrayMaxItems.class),
                    new ByteArrayInputStream(index.toByteArray())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not list the built-in rules");
    assertThatThrownBy(
            () ->
                RuleIndex.read(
                    List.of(ArrayMaxItems.class), new ByteArrayInputStream(index.toByteArray())))
        .isInstanceOf(IllegalStateException.class);
  }
}

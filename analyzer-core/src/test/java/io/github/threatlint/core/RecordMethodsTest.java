package io.github.threatlint.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.FindingKey;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (a record's own are linked through method
 * handles at their first call, which a class-data archive does not hold) compute what a record's
 * own would: the same equality, and the same hash codes, so that no hash map's order changes.
 */
class RecordMethodsTest {
  @Test
  void publicRecords() throws Throwable {
    sameAsGenerated(
        new Region(1, 2, 3, 4), new Region(1, 2, 3, 4), new Region(4, 3, 2, 1), Region.START);
    sameAsGenerated(
        new FindingKey("a", "f.yaml", "/paths"),
        new FindingKey("a", "f.yaml", "/paths"),
        new FindingKey("b", "f.yaml", "/paths"),
        new FindingKey("a", null, "/info"));
    sameAsGenerated(
        DocsUrl.DEFAULT,
        new DocsUrl("https://example.com/{rule}", Map.of()),
        new DocsUrl("https://example.com/{rule}", Map.of("x", "https://example.com/x")));
  }

  @Test
  void privateRecords() throws Throwable {
    sameAsGenerated(
        "io.github.threatlint.core.docs.Explanation$Key",
        List.of(String.class, "a"),
        List.of(String.class, "a"),
        List.of(Integer.class, "a"));
    sameAsGenerated(
        "io.github.threatlint.core.engine.DocumentRun$Place",
        List.of("a", "f.yaml", new Region(1, 1, 1, 5)),
        List.of("a", "f.yaml", new Region(1, 1, 1, 5)),
        List.of("a", "g.yaml", new Region(1, 1, 1, 5)));
    sameAsGenerated(
        "io.github.threatlint.core.engine.Walker$Visit",
        Arrays.asList(null, NodeKind.OPERATION),
        Arrays.asList(null, NodeKind.OPERATION),
        Arrays.asList(null, NodeKind.PARAMETER));
  }

  private static void sameAsGenerated(String recordClass, List<?>... componentValues)
      throws Throwable {
    Constructor<?> constructor = Class.forName(recordClass).getDeclaredConstructors()[0];
    constructor.setAccessible(true);
    List<Object> records = new ArrayList<>();
    for (List<?> values : componentValues) {
      records.add(constructor.newInstance(values.toArray()));
    }
    sameAsGenerated(records.toArray());
  }

  private static void sameAsGenerated(Object... records) throws Throwable {
    Class<?> type = records[0].getClass();
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    RecordComponent[] components = type.getRecordComponents();
    MethodHandle[] getters = new MethodHandle[components.length];
    for (int i = 0; i < components.length; i++) {
      getters[i] = lookup.unreflect(components[i].getAccessor());
    }
    String names =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(";"));
    MethodHandle hashCode = generated(lookup, "hashCode", int.class, type, names, getters);
    MethodHandle equals =
        generated(lookup, "equals", boolean.class, type, names, getters, Object.class);
    for (Object record : records) {
      assertThat(record.hashCode()).as("%s", record).isEqualTo((int) hashCode.invoke(record));
      for (Object other : records) {
        assertThat(record.equals(other))
            .as("%s equals %s", record, other)
            .isEqualTo((boolean) equals.invoke(record, other));
      }
      assertThat(record.equals(null)).isFalse();
    }
  }

  private static MethodHandle generated(
      MethodHandles.Lookup lookup,
      String method,
      Class<?> returns,
      Class<?> type,
      String names,
      MethodHandle[] getters,
      Class<?>... more)
      throws Throwable {
    List<Class<?>> parameters = new ArrayList<>(List.of(type));
    parameters.addAll(List.of(more));
    MethodType methodType = MethodType.methodType(returns, parameters);
    return ((CallSite) ObjectMethods.bootstrap(lookup, method, methodType, type, names, getters))
        .dynamicInvoker();
  }
}

package io.github.threatlint.core.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A rule with its metadata and options, able to make configured instances: a built-in or plugin
 * rule class annotated with {@link RuleInfo}, or a rule declared as data (a ruleset's rule), whose
 * metadata is a {@link RuleMetadata} and whose instances come from a factory.
 */
public final class RuleDescriptor {
  private final Class<? extends Rule> type;
  private final RuleInfo info;
  private final List<Field> options;

  /** Each option's {@link RuleOption#description()} when read ahead; else null (annotations). */
  private final Map<String, String> optionDescriptions;

  private final Constructor<? extends Rule> constructor;
  private final Supplier<? extends Rule> factory;

  public RuleDescriptor(Class<? extends Rule> type) {
    this.type = type;
    this.info = type.getAnnotation(RuleInfo.class);
    this.factory = null;
    if (info == null) {
      throw new IllegalArgumentException(type.getName() + " has no @RuleInfo");
    }
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getFields()) {
      if (field.isAnnotationPresent(RuleOption.class) && !Modifier.isStatic(field.getModifiers())) {
        fields.add(field);
      }
    }
    this.options = List.copyOf(fields);
    this.optionDescriptions = null;
    this.constructor = constructor(type);
  }

  /**
   * A rule class whose metadata was read ahead from its annotations (the built-in rules' index,
   * made when their jar is built): {@code info} as its {@link RuleInfo}, {@code options} the
   * description of each public field annotated with {@link RuleOption} by its name, in the order
   * the other constructor finds them.
   */
  public RuleDescriptor(
      Class<? extends Rule> type, RuleInfo info, Map<String, String> optionDescriptions) {
    this.type = type;
    this.info = info;
    this.factory = null;
    List<Field> fields = new ArrayList<>();
    for (String name : optionDescriptions.keySet()) {
      try {
        fields.add(type.getField(name));
      } catch (NoSuchFieldException e) {
        throw new IllegalArgumentException(type.getName() + " has no option field " + name, e);
      }
    }
    this.options = List.copyOf(fields);
    this.optionDescriptions = Map.copyOf(optionDescriptions);
    this.constructor = constructor(type);
  }

  private static Constructor<? extends Rule> constructor(Class<? extends Rule> type) {
    try {
      Constructor<? extends Rule> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName() + " has no constructor without arguments", e);
    }
  }

  /**
   * A rule declared as data: its metadata, the class its instances have, and where they come from
   * (one instance per document, like a rule class). Such a rule has no options of its own.
   */
  public RuleDescriptor(
      RuleInfo info, Class<? extends Rule> type, Supplier<? extends Rule> factory) {
    this.type = type;
    this.info = info;
    this.options = List.of();
    this.optionDescriptions = Map.of();
    this.constructor = null;
    this.factory = factory;
  }

  public String id() {
    return info.id();
  }

  /**
   * The page that documents the rule when it is not threatlint's (a ruleset's {@code
   * documentationUrl}, a plugin's {@link RuleInfo#documentationUrl()}); null otherwise.
   */
  public String documentationUrl() {
    return info.documentationUrl().isEmpty() ? null : info.documentationUrl();
  }

  public RuleInfo info() {
    return info;
  }

  public Class<? extends Rule> type() {
    return type;
  }

  /** The option fields, in declaration order. */
  public List<Field> options() {
    return options;
  }

  public Field option(String name) {
    for (Field field : options) {
      if (field.getName().equals(name)) {
        return field;
      }
    }
    return null;
  }

  /** What an option of this rule does: its {@link RuleOption#description()}. */
  public String optionDescription(Field option) {
    return optionDescriptions == null
        ? option.getAnnotation(RuleOption.class).description()
        : optionDescriptions.get(option.getName());
  }

  /** The default value of an option, read from a fresh instance. */
  public Object defaultValue(Field option) {
    try {
      return option.get(constructor.newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A short type name for documentation and error messages: boolean, integer, number, string, list
   * of strings.
   */
  public static String typeName(Field option) {
    Class<?> type = option.getType();
    if (type == boolean.class) {
      return "boolean";
    }
    if (type == int.class) {
      return "integer";
    }
    if (type == double.class) {
      return "number";
    }
    if (type == String.class) {
      return "string";
    }
    if (List.class.isAssignableFrom(type) && option.getGenericType() instanceof ParameterizedType) {
      return "list of strings";
    }
    return type.getSimpleName();
  }

  /**
   * A new instance with the given option values (already checked and converted by the
   * configuration).
   */
  public Rule newInstance(Map<String, Object> optionValues) {
    if (factory != null) {
      if (!optionValues.isEmpty()) {
        throw new IllegalArgumentException("rule " + id() + " has no options");
      }
      return factory.get();
    }
    try {
      Rule rule = constructor.newInstance();
      for (Map.Entry<String, Object> value : optionValues.entrySet()) {
        Field field = option(value.getKey());
        if (field == null) {
          throw new IllegalArgumentException("rule " + id() + " has no option " + value.getKey());
        }
        field.set(rule, value.getValue());
      }
      return rule;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create rule " + id(), e);
    }
  }
}

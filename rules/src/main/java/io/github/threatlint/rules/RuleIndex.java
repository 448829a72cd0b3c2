package io.github.threatlint.rules;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in rules' {@link RuleInfo} annotations and option fields with their descriptions in one
 * resource, {@link #RESOURCE}, written from the annotations when the rules jar is built (the rules
 * module runs {@link #main} on its classes), so that a run does not read 87 annotations by
 * reflection: the JDK parses each through proxy classes it defines at run time, which no class-data
 * archive of JDK 17 holds: 20-26 ms of a cold run's CPU (Stripe JSON), with SARIF's help reading
 * the options' annotations (docs/performance.md, round 14). The annotations stay the source;
 * RuleIndexTest compares every value read from the index with its annotation.
 *
 * <p>The format, as {@link DataOutputStream} writes it: the number of rules, then per rule its
 * class name and each member of {@link RuleInfo} in declaration order (an array as its length and
 * elements, an enum as its name), then the number of its option fields and each one's name and
 * {@link io.github.threatlint.core.api.RuleOption#description()}.
 */
public final class RuleIndex {
  /** Where the index lives, relative to the root of the rules' class loader. */
  static final String RESOURCE = "io/github/threatlint/rules/rules.index";

  private RuleIndex() {}

  /** Writes the index of the built-in rules under {@code args[0]}, a folder of compiled classes. */
  public static void main(String[] args) throws IOException {
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    write(BuiltInRules.classes(), index);
    Files.write(Path.of(args[0]).resolve(RESOURCE), index.toByteArray());
  }

  /** The index of {@code rules}, read from their annotations. */
  static void write(List<Class<? extends Rule>> rules, OutputStream to) throws IOException {
    DataOutputStream out = new DataOutputStream(to);
    out.writeInt(rules.size());
    for (Class<? extends Rule> type : rules) {
      // the annotations, never an index: a folder of classes may still hold an older one
      RuleDescriptor described = new RuleDescriptor(type);
      RuleInfo info = described.info();
      out.writeUTF(type.getName());
      out.writeUTF(info.id());
      out.writeUTF(info.title());
      out.writeUTF(info.description());
      out.writeUTF(info.level().name());
      out.writeUTF(info.sftiLevel().name());
      writeStrings(out, info.owasp2023());
      writeStrings(out, info.owasp2019());
      writeStrings(out, info.sftiAreas());
      writeStrings(out, info.sftiScenarios());
      writeStrings(out, info.mitigations());
      out.writeDouble(info.securitySeverity());
      out.writeUTF(info.precision());
      out.writeUTF(info.section());
      out.writeBoolean(info.readsParserMessages());
      out.writeBoolean(info.readsProse());
      out.writeUTF(info.cost().name());
      out.writeUTF(info.documentationUrl());
      out.writeInt(described.options().size());
      for (Field option : described.options()) {
        out.writeUTF(option.getName());
        out.writeUTF(described.optionDescription(option));
      }
    }
    out.flush();
  }

  private static void writeStrings(DataOutputStream out, String[] strings) throws IOException {
    out.writeInt(strings.length);
    for (String string : strings) {
      out.writeUTF(string);
    }
  }

  /**
   * The descriptors of {@code rules} from the index, in that order; null when there is no index
   * (classes compiled without the rules module's build, as an IDE does).
   */
  static List<RuleDescriptor> read(List<Class<? extends Rule>> rules) {
    InputStream resource = RuleIndex.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (resource == null) {
      return null;
    }
    try (InputStream index = resource) {
      return read(rules, index);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The descriptors of {@code rules} from the index {@code from}, in that order. */
  static List<RuleDescriptor> read(List<Class<? extends Rule>> rules, InputStream from)
      throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(from));
    if (in.readInt() != rules.size()) {
      throw new IllegalStateException(RESOURCE + " does not list the built-in rules");
    }
    List<RuleDescriptor> descriptors = new ArrayList<>();
    for (Class<? extends Rule> type : rules) {
      if (!in.readUTF().equals(type.getName())) {
        throw new IllegalStateException(RESOURCE + " does not list the built-in rules");
      }
      RuleInfo info =
          new IndexedRuleInfo(
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              Level.valueOf(in.readUTF()),
              Level.valueOf(in.readUTF()),
              readStrings(in),
              readStrings(in),
              readStrings(in),
              readStrings(in),
              readStrings(in),
              in.readDouble(),
              in.readUTF(),
              in.readUTF(),
              in.readBoolean(),
              in.readBoolean(),
              RuleInfo.Cost.valueOf(in.readUTF()),
              in.readUTF());
      Map<String, String> options = new LinkedHashMap<>();
      for (int count = in.readInt(); options.size() < count; ) {
        options.put(in.readUTF(), in.readUTF());
      }
      descriptors.add(new RuleDescriptor(type, info, options));
    }
    return descriptors;
  }

  private static String[] readStrings(DataInputStream in) throws IOException {
    String[] strings = new String[in.readInt()];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = in.readUTF();
    }
    return strings;
  }

  /**
   * A rule's {@link RuleInfo} as the index holds it. Each array member returns a copy, as the
   * annotation's does.
   */
  private record IndexedRuleInfo(
      String id,
      String title,
      String description,
      Level level,
      Level sftiLevel,
      String[] owasp2023Values,
      String[] owasp2019Values,
      String[] sftiAreasValues,
      String[] sftiScenariosValues,
      String[] mitigationsValues,
      double securitySeverity,
      String precision,
      String section,
      boolean readsParserMessages,
      boolean readsProse,
      Cost cost,
      String documentationUrl)
      implements RuleInfo {

    @Override
    public String[] owasp2023() {
      return owasp2023Values.clone();
    }

    @Override
    public String[] owasp2019() {
      return owasp2019Values.clone();
    }

    @Override
    public String[] sftiAreas() {
      return sftiAreasValues.clone();
    }

    @Override
    public String[] sftiScenarios() {
      return sftiScenariosValues.clone();
    }

    @Override
    public String[] mitigations() {
      return mitigationsValues.clone();
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return RuleInfo.class;
    }
  }
}

package io.github.threatlint.core.docs;

import io.github.threatlint.core.api.RuleDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hand-written part of a rule's documentation: a Markdown resource {@code
 * io/github/threatlint/rules/explanations/<rule-id>.md}, found through the class loader of the
 * rule, with exactly the sections {@link #SECTIONS} in that order (deeper headings inside them are
 * fine). Options and metadata come from the rule's annotations and are not repeated there.
 *
 * <p>"When not to fix" says when a reviewer would accept a finding as intended (public reference
 * data, a standard's convention, an organisation's policy), what to do then (suppress with a
 * reason, an option, another profile), and why the rule has its default level.
 */
public record Explanation(
    String whyItMatters, String failingExample, String passingExample, String whenNotToFix) {
  /** Where explanations live, relative to the root of the rule's class loader. */
  public static final String RESOURCE_FOLDER = "io/github/threatlint/rules/explanations/";

  public static final List<String> SECTIONS =
      List.of("Why it matters", "Failing example", "Passing example", "When not to fix");

  /** The sections that must show their case in a fenced code block. */
  private static final List<String> EXAMPLE_SECTIONS =
      List.of("Failing example", "Passing example");

  /** The resource name of a rule's explanation. */
  public static String resourceName(String ruleId) {
    return RESOURCE_FOLDER + ruleId + ".md";
  }

  /** The rule's explanation text, or null when the rule has none. */
  public static String read(RuleDescriptor rule) {
    ClassLoader loader = rule.type().getClassLoader();
    try (InputStream in =
        loader == null ? null : loader.getResourceAsStream(resourceName(rule.id()))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the explanation of " + rule.id(), e);
    }
  }

  /**
   * The rule's explanation text as {@link #read} reads it, taken from the {@link ExplanationBundle}
   * its class loader finds when that has it.
   */
  private static String text(RuleDescriptor rule) {
    ClassLoader loader = rule.type().getClassLoader();
    String bundled =
        loader == null ? null : BUNDLES.computeIfAbsent(loader, Explanation::bundle).get(rule.id());
    return bundled != null ? bundled : read(rule);
  }

  /** The explanations of the bundle a class loader finds, by rule id; empty when it finds none. */
  private static Map<String, String> bundle(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(ExplanationBundle.RESOURCE)) {
      return in == null
          ? Map.of()
          : ExplanationBundle.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ExplanationBundle.RESOURCE, e);
    }
  }

  private static final Map<ClassLoader, Map<String, String>> BUNDLES = new ConcurrentHashMap<>();

  /** The rule's explanation, or null when it has none; throws when it is malformed. */
  public static Explanation load(RuleDescriptor rule) {
    // a SARIF report asks twice per rule (help text and page): read and check each resource once.
    // The key is the class and the id: the rules of rulesets share one class.
    return LOADED
        .computeIfAbsent(
            new Key(rule.type(), rule.id()),
            key -> {
              String text = text(rule);
              return Optional.ofNullable(text == null ? null : parse(rule.id(), text));
            })
        .orElse(null);
  }

  private record Key(Class<?> type, String id) {
    // what a record's own equals and hashCode compute, written out: those are linked through method
    // handles at their first call, which a class-data archive does not hold (docs/performance.md)
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && Objects.equals(type, that.type)
          && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(type) * 31 + Objects.hashCode(id);
    }
  }

  private static final Map<Key, Optional<Explanation>> LOADED = new ConcurrentHashMap<>();

  /** Parses an explanation; an IllegalArgumentException names every problem of a malformed one. */
  public static Explanation parse(String ruleId, String markdown) {
    // split once: a SARIF report parses every enabled rule's explanation
    List<Section> sections = sections(markdown);
    List<String> problems = problems(sections);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "the explanation of "
              + ruleId
              + " ("
              + resourceName(ruleId)
              + ") is malformed: "
              + String.join("; ", problems));
    }
    Map<String, String> bodies = new LinkedHashMap<>();
    for (Section section : sections) {
      bodies.put(section.heading(), section.body());
    }
    return new Explanation(
        bodies.get(SECTIONS.get(0)),
        bodies.get(SECTIONS.get(1)),
        bodies.get(SECTIONS.get(2)),
        bodies.get(SECTIONS.get(3)));
  }

  /** What is wrong with an explanation text: empty when it is well-formed. */
  public static List<String> problems(String markdown) {
    return problems(sections(markdown));
  }

  private static List<String> problems(List<Section> sections) {
    List<String> problems = new ArrayList<>();
    if (!sections.isEmpty() && sections.get(0).heading().isEmpty()) {
      if (!sections.get(0).body().isBlank()) {
        problems.add("text before the first section '## " + SECTIONS.get(0) + "'");
      }
      sections = sections.subList(1, sections.size());
    }
    List<String> headings = sections.stream().map(Section::heading).toList();
    if (!headings.equals(SECTIONS)) {
      problems.add(
          "the sections must be exactly "
              + quoted(SECTIONS)
              + " in this order, found "
              + quoted(headings));
    }
    for (Section section : sections) {
      if (section.body().isBlank()) {
        problems.add("the section '## " + section.heading() + "' is empty");
      } else if (EXAMPLE_SECTIONS.contains(section.heading()) && !section.body().contains("```")) {
        problems.add("the section '## " + section.heading() + "' has no fenced code block");
      }
    }
    return problems;
  }

  private record Section(String heading, String body) {}

  /**
   * The level-2 sections in order, each body trimmed; text before the first heading is a section
   * with the heading "". Headings inside fenced code blocks do not count.
   */
  private static List<Section> sections(String markdown) {
    List<Section> sections = new ArrayList<>();
    String current = "";
    StringBuilder body = new StringBuilder();
    boolean inFence = false;
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      if (line.trim().startsWith("```")) {
        inFence = !inFence;
      }
      if (!inFence && line.startsWith("## ")) {
        sections.add(new Section(current, body.toString().strip()));
        current = line.substring(3).strip();
        body.setLength(0);
        continue;
      }
      body.append(line).append('\n');
    }
    sections.add(new Section(current, body.toString().strip()));
    return sections;
  }

  private static String quoted(List<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String name : names) {
      quoted.add("'## " + name + "'");
    }
    return quoted.isEmpty() ? "none" : String.join(", ", quoted);
  }
}

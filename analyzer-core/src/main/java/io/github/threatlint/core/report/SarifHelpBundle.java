package io.github.threatlint.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.docs.RuleDocs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SARIF {@code help} of the rules of a jar, its text and Markdown as the report writes them
 * (JSON string contents in UTF-8), in one resource, {@link #RESOURCE}, made when the jar is built
 * (the rules module runs {@link #main} on its classes). Both depend only on the jar, but a cold run
 * made them for every rule: the explanations parsed, the pages built, each option's default read
 * from a fresh instance, 572 KB of text escaped: the thread that writes the rules ahead took 70 ms
 * of CPU per cold Stripe JSON run, 22 ms with the bundle (async-profiler, 3 runs each;
 * docs/performance.md, round 14). Only the link at the end of the text depends on the run's docs
 * URL. A rule not in the bundle (a plugin's, a ruleset's) has its help made as it is written.
 *
 * <p>The format: per rule, a line with its id, its class name and the lengths in bytes of its text
 * (without the link) and of its Markdown, then those bytes.
 */
public final class SarifHelpBundle {
  /** Where the bundle lives, relative to the root of the rules' class loader. */
  public static final String RESOURCE = "io/github/threatlint/rules/sarif-help.bundle";

  private SarifHelpBundle() {}

  /**
   * Writes the bundle of a jar's rules into {@code args[0]}, its folder of compiled classes: {@code
   * args[1]} names the class whose static {@code all()} lists them (the rules module's
   * BuiltInRules, which core does not know: ArchitectureTest).
   */
  public static void main(String[] args) throws ReflectiveOperationException, IOException {
    @SuppressWarnings("unchecked")
    List<RuleDescriptor> rules =
        (List<RuleDescriptor>) Class.forName(args[1]).getMethod("all").invoke(null);
    write(Path.of(args[0]), rules);
  }

  /** Writes the bundle of these rules into {@code classes}, a folder of compiled classes. */
  private static void write(Path classes, List<RuleDescriptor> rules) throws IOException {
    Path file = classes.resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    Files.write(file, bundle(rules));
  }

  /** The bundle of these rules. */
  public static byte[] bundle(List<RuleDescriptor> rules) throws IOException {
    ByteArrayOutputStream bundle = new ByteArrayOutputStream();
    for (RuleDescriptor rule : rules) {
      byte[] text = written(RuleDocs.helpTextBeforeLink(rule));
      byte[] markdown = written(RuleDocs.page(rule));
      String header =
          rule.id()
              + ' '
              + rule.type().getName()
              + ' '
              + text.length
              + ' '
              + markdown.length
              + '\n';
      bundle.write(header.getBytes(StandardCharsets.UTF_8));
      bundle.write(text);
      bundle.write(markdown);
    }
    return bundle.toByteArray();
  }

  /** A string's contents as the report's generator writes them, without the quotes. */
  static byte[] written(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = SarifReporter.JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeString(text);
    }
    byte[] quoted = out.toByteArray();
    return Arrays.copyOfRange(quoted, 1, quoted.length - 1);
  }

  /** A rule's help from a bundle: its text and Markdown as written, without the quotes. */
  record Help(byte[] text, byte[] markdown) {}

  /** Where a rule's help is in a bundle, and the name of the rule's class. */
  record Entry(String type, byte[] bundle, int text, int textLength, int markdownLength) {}

  private static final Map<ClassLoader, Map<String, Entry>> BUNDLES = new ConcurrentHashMap<>();

  /**
   * The rule's help from the bundle its class loader finds, with this docs URL's link; null when
   * there is none (see {@link #of(RuleDescriptor, DocsUrl, Map)}).
   */
  static Help of(RuleDescriptor rule, DocsUrl docsUrl) {
    ClassLoader loader = rule.type().getClassLoader();
    return loader == null
        ? null
        : of(rule, docsUrl, BUNDLES.computeIfAbsent(loader, SarifHelpBundle::read));
  }

  /**
   * The rule's help from this bundle, with this docs URL's link; null when the bundle does not have
   * it (for its id and class: the rules of rulesets share a class of their own) or when the link
   * would need escaping.
   */
  static Help of(RuleDescriptor rule, DocsUrl docsUrl, Map<String, Entry> bundle) {
    Entry entry = bundle.get(rule.id());
    if (entry == null || !entry.type().equals(rule.type().getName())) {
      return null;
    }
    String link = docsUrl.of(rule);
    if (!printableAscii(link)) {
      return null;
    }
    int textEnd = entry.text() + entry.textLength();
    byte[] text = Arrays.copyOfRange(entry.bundle(), entry.text(), textEnd + link.length());
    for (int i = 0; i < link.length(); i++) {
      text[entry.textLength() + i] = (byte) link.charAt(i);
    }
    return new Help(
        text, Arrays.copyOfRange(entry.bundle(), textEnd, textEnd + entry.markdownLength()));
  }

  /**
   * Whether the generator writes the text as it is: ASCII, no control character, quote or
   * backslash.
   */
  static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** The rules' help in the bundle a class loader finds, by rule id; empty when it finds none. */
  private static Map<String, Entry> read(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      return in == null ? Map.of() : read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The entries of a bundle, by rule id. */
  static Map<String, Entry> read(byte[] bundle) {
    Map<String, Entry> entries = new HashMap<>();
    int at = 0;
    while (at < bundle.length) {
      int lineEnd = at;
      while (bundle[lineEnd] != '\n') {
        lineEnd++;
      }
      String[] header = new String(bundle, at, lineEnd - at, StandardCharsets.UTF_8).split(" ");
      int textLength = Integer.parseInt(header[2]);
      int markdownLength = Integer.parseInt(header[3]);
      entries.put(header[0], new Entry(header[1], bundle, lineEnd + 1, textLength, markdownLength));
      at = lineEnd + 1 + textLength + markdownLength;
    }
    return entries;
  }
}

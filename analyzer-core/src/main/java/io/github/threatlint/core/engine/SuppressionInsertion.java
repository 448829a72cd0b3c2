package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.TreeParser;
import java.util.Iterator;
import java.util.Set;

/**
 * Where and how to write the {@link InSourceSuppressions} of one finding into its file's text (what
 * an editor's quick fix inserts). The suppression goes first into the nearest object, the finding's
 * node or an ancestor, that can carry an extension: not a map whose keys are names ({@code
 * properties}, {@code schemas}, {@code content}, ...), not a security requirement, nothing inside
 * example data or an extension. It is written as the object is written: a block mapping, a flow
 * mapping, or JSON across lines or on one, with the document's indentation; an existing {@code
 * x-threatlint-ignore} mapping gets the rule added.
 */
public final class SuppressionInsertion {
  /**
   * Keys whose value is a map from names to objects: an extension there would be read as a name.
   */
  private static final Set<String> NAME_MAPS =
      Set.of(
          "properties",
          "patternProperties",
          "dependentSchemas",
          "$defs",
          "definitions",
          "schemas",
          "securitySchemes",
          "securityDefinitions",
          "requestBodies",
          "headers",
          "examples",
          "links",
          "callbacks",
          "content",
          "encoding",
          "variables",
          "scopes",
          "mapping",
          "pathItems",
          "webhooks");

  /** Keys of the root document or of components that hold maps from names to objects. */
  private static final Set<String> COMPONENT_MAPS = Set.of("parameters", "responses");

  /** Keys whose value is data, not specification: nothing inside is read as a suppression. */
  private static final Set<String> DATA = Set.of("example", "default", "enum", "const");

  /**
   * Text to insert at a place (1-based line and column, in UTF-16 code units as {@link Region}).
   */
  public record Insertion(int line, int column, String text) {}

  private SuppressionInsertion() {}

  /**
   * The insertion that suppresses {@code ruleId} for the finding at {@code pointer}, giving {@code
   * reason}; null when the text does not parse, or when no object on the way can carry it (or the
   * existing {@code x-threatlint-ignore} is a list or a rule id, which this does not rewrite).
   */
  public static Insertion of(String text, String pointer, String ruleId, String reason) {
    ParsedFile file;
    try {
      file = TreeParser.parse(new SourceFile(null, "document", text));
    } catch (SourceException e) {
      return null;
    }
    String carrier = carrier(file.root(), pointer);
    if (carrier == null) {
      return null;
    }
    JsonNode existing = node(file.root(), carrier).get(InSourceSuppressions.KEY);
    Writer writer = new Writer(text, file);
    if (existing == null) {
      return writer.member(carrier, InSourceSuppressions.KEY, ruleId, reason);
    }
    if (existing.isObject() && !existing.has(ruleId)) {
      return writer.member(Pointers.child(carrier, InSourceSuppressions.KEY), ruleId, null, reason);
    }
    return null;
  }

  /** The pointer of the nearest object on the way to {@code pointer} that can carry extensions. */
  private static String carrier(JsonNode root, String pointer) {
    String found = root.isObject() ? "" : null;
    String current = "";
    JsonNode node = root;
    String parentKey = null;
    boolean inNameMap = false;
    boolean inSecurity = false;
    for (String segment : Pointers.segments(pointer)) {
      JsonNode child = node.isObject() ? node.get(segment) : node.get(Pointers.index(segment));
      if (child == null) {
        break;
      }
      boolean keyword = node.isObject() && !inNameMap;
      if (keyword && (DATA.contains(segment) || segment.startsWith("x-"))) {
        break;
      }
      if (node.isArray() && "examples".equals(parentKey)) {
        break; // the examples of a schema are data
      }
      boolean nameMap =
          keyword
              && child.isObject()
              && (NAME_MAPS.contains(segment)
                  || (COMPONENT_MAPS.contains(segment)
                      && (current.isEmpty() || current.equals("/components"))));
      inSecurity = node.isArray() && "security".equals(parentKey);
      current = node.isObject() ? Pointers.child(current, segment) : current + "/" + segment;
      if (child.isObject() && !nameMap && !inSecurity) {
        found = current;
      }
      parentKey = node.isObject() ? segment : null;
      inNameMap = nameMap;
      node = child;
    }
    return found;
  }

  private static JsonNode node(JsonNode root, String pointer) {
    JsonNode node = root;
    for (String segment : Pointers.segments(pointer)) {
      node = node.isObject() ? node.get(segment) : node.get(Pointers.index(segment));
    }
    return node;
  }

  /** Writes a member into an object of the text, in the style the object is written in. */
  private static final class Writer {
    private final ParsedFile file;
    private final String[] lines;
    private final String newline;
    private final boolean json;

    Writer(String text, ParsedFile file) {
      this.file = file;
      this.lines = text.split("\r?\n", -1);
      this.newline = text.contains("\r\n") ? "\r\n" : "\n";
      String start = text.stripLeading();
      this.json = start.startsWith("{") || start.startsWith("[");
    }

    /**
     * The member {@code key}, first in the object at {@code pointer}: a mapping {@code {rule:
     * reason}} when {@code rule} is given, else the scalar {@code reason}.
     */
    Insertion member(String pointer, String key, String rule, String reason) {
      JsonNode object = node(file.root(), pointer);
      Iterator<String> names = object.fieldNames();
      if (!names.hasNext()) {
        return intoEmpty(pointer, key, rule, reason);
      }
      Region first = file.index().region(Pointers.child(pointer, names.next()));
      int line = first.startLine();
      int column = first.startColumn();
      String before = lines[line - 1].substring(0, column - 1);
      // the first key's indentation as written (tabs too); spaces after a list item's dash
      String margin = before.isBlank() ? before : " ".repeat(column - 1);
      String step = " ".repeat(indentStep());
      if (!before.isBlank() && !(!json && before.matches(" *(- +)+"))) {
        // a flow mapping, or JSON on one line: the member and a comma before the first one
        return new Insertion(line, column, inline(key, rule, reason) + ", ");
      }
      String text;
      if (json) {
        text =
            rule == null
                ? quote(key) + ": " + quote(reason) + "," + newline + margin
                : quote(key)
                    + ": {"
                    + newline
                    + margin
                    + step
                    + quote(rule)
                    + ": "
                    + quote(reason)
                    + newline
                    + margin
                    + "},"
                    + newline
                    + margin;
      } else {
        // written at the first key's column: a list item's dash stays before the first member
        text =
            rule == null
                ? key + ": " + reason + newline + margin
                : key + ":" + newline + margin + step + rule + ": " + reason + newline + margin;
      }
      return new Insertion(line, column, text);
    }

    /** Into {@code {}}: right after its brace. */
    private Insertion intoEmpty(String pointer, String key, String rule, String reason) {
      Region value = file.index().valueRegion(pointer);
      String line = lines[value.startLine() - 1];
      int brace = line.indexOf('{', value.startColumn() - 1);
      if (brace < 0) {
        return null;
      }
      return new Insertion(value.startLine(), brace + 2, inline(key, rule, reason));
    }

    private String inline(String key, String rule, String reason) {
      String value = rule == null ? quote(reason) : "{" + quote(rule) + ": " + quote(reason) + "}";
      return quote(key) + ": " + value;
    }

    /** Quoted in JSON; YAML takes ids and a reason without punctuation as they are. */
    private String quote(String word) {
      return json ? "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : word;
    }

    /**
     * How far the document indents a nested block: its smallest indentation, 2 when it has none.
     */
    private int indentStep() {
      int step = Integer.MAX_VALUE;
      for (String line : lines) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
          indent++;
        }
        if (indent > 0 && indent < line.length() && line.charAt(indent) != '#') {
          step = Math.min(step, indent);
        }
      }
      return step == Integer.MAX_VALUE ? 2 : step;
    }
  }
}

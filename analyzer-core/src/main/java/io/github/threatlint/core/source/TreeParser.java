package io.github.threatlint.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.DuplicateKey;
import io.github.threatlint.core.api.LocationIndex;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.SourceFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Parses the text of a JSON or YAML file into a Jackson tree and, in the same pass, the {@link
 * LocationIndex} of every node. JSON goes through Jackson's streaming parser (columns in UTF-16
 * units because it reads a String); YAML through SnakeYAML's composer, whose node marks see
 * anchors, aliases and merge keys as swagger-parser does, reading the text through {@link
 * WholeTextReader} in linear time. A text that starts with '{' or '[' is JSON, or else flow-style
 * YAML. YAML tags never construct objects.
 */
public final class TreeParser {
  /**
   * Deepest nesting accepted; deeper documents are refused with a clear message, never a stack
   * overflow.
   */
  public static final int MAX_DEPTH = 1000;

  private static final int MAX_ALIASES = 100;
  private static final long MAX_EXPANDED_NODES = 5_000_000;
  private static final JsonNodeFactory NODES =
      JsonNodeFactory.instance; // decimals normalized, as withExactBigDecimals(false)
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(Integer.MAX_VALUE / 2)
                  .maxNumberLength(1000)
                  .build())
          .build();

  static {
    // YAML 1.2 (what Spectral and most tools read) also escapes '/' in double-quoted scalars;
    // SnakeYAML reads YAML 1.1, which does not, and takes its one-character escapes from this
    // public table. YAML 1.2's other new escape, a backslash before a literal tab, stays refused:
    // the scanner also reads this table backwards to name a stray tab in its error messages.
    ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('/', "/");
  }

  private TreeParser() {}

  /**
   * Where the parser is, as a parent chain: the pointer string is only made when a duplicate key
   * needs it.
   */
  private record Trail(Trail parent, String key, int index) {
    static final Trail ROOT = new Trail(null, null, -1);

    Trail member(String name) {
      return new Trail(this, name, -1);
    }

    Trail element(int position) {
      return new Trail(this, null, position);
    }

    String pointer() {
      if (parent == null) {
        return "";
      }
      return key != null
          ? Pointers.child(parent.pointer(), key)
          : Pointers.child(parent.pointer(), index);
    }
  }

  public static ParsedFile parse(SourceFile source) throws SourceException {
    String text = source.text();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
      source = new SourceFile(source.path(), source.displayPath(), text);
    }
    if (text.isBlank()) {
      throw new SourceException(source.displayPath(), 0, 0, "the file is empty");
    }
    if (!looksLikeJson(text)) {
      return parseYaml(source, text);
    }
    try {
      return parseJson(source, text);
    } catch (SourceException jsonError) {
      // YAML's flow style also starts with '{' or '[': {openapi: 3.0.3, ...} is YAML, not broken
      // JSON. A file named .json is JSON only; for a YAML name the YAML error tells what is wrong.
      if (hasExtension(source, ".json")) {
        throw jsonError;
      }
      try {
        return parseYaml(source, text);
      } catch (SourceException yamlError) {
        throw hasExtension(source, ".yaml") || hasExtension(source, ".yml") ? yamlError : jsonError;
      }
    }
  }

  private static boolean hasExtension(SourceFile source, String extension) {
    String name = source.path() != null ? source.path().toString() : source.displayPath();
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension);
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- JSON

  private static ParsedFile parseJson(SourceFile source, String text) throws SourceException {
    LocationIndex.Builder index = new LocationIndex.Builder();
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken first = parser.nextToken();
      int[] rootSpan = new int[LocationIndex.SPAN];
      setValueStart(rootSpan, 0, parser.currentTokenLocation());
      JsonNode root = readJsonValue(parser, first, index, Trail.ROOT);
      setValueEnd(rootSpan, 0, parser.currentLocation());
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new SourceException(
            source.displayPath(),
            at.getLineNr(),
            at.getColumnNr(),
            "unexpected content after the end of the JSON document");
      }
      return new ParsedFile(
          source,
          root,
          index.build(root, rootSpan, lineStarts(text), text.length()),
          List.copyOf(index.duplicates()));
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      throw new SourceException(
          source.displayPath(),
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          "the document exceeds a parser limit: " + problem(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new SourceException(
          source.displayPath(),
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          "invalid JSON: " + problem(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new SourceException(source.displayPath(), 0, 0, "cannot read: " + e.getMessage());
    }
  }

  private static JsonNode readJsonValue(
      JsonParser parser, JsonToken token, LocationIndex.Builder index, Trail trail)
      throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int[] positions = new int[LocationIndex.SPAN];
            JsonLocation keyStart = parser.currentTokenLocation();
            positions[LocationIndex.KEY_START_LINE] = keyStart.getLineNr();
            positions[LocationIndex.KEY_START_COL] = keyStart.getColumnNr();
            JsonLocation keyEnd = parser.currentLocation();
            positions[LocationIndex.KEY_END_LINE] = keyEnd.getLineNr();
            // the key's end is just past its closing quote; the current location is past the colon
            positions[LocationIndex.KEY_END_COL] = keyStart.getColumnNr() + key.length() + 2;
            JsonToken valueToken = parser.nextToken();
            setValueStart(positions, 0, parser.currentTokenLocation());
            JsonNode value = readJsonValue(parser, valueToken, index, trail.member(key));
            setValueEnd(positions, 0, parser.currentLocation());
            int[] first = index.member(object, key, positions);
            if (first != null) {
              index.duplicate(
                  new DuplicateKey(
                      trail.member(key).pointer(), regionOfKey(first), regionOfKey(positions)));
            }
            object.set(key, value);
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          int[] elements = new int[4 * LocationIndex.SPAN];
          int count = 0;
          JsonToken next;
          while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            int at = count * LocationIndex.SPAN;
            if (at == elements.length) {
              elements = Arrays.copyOf(elements, at * 2);
            }
            setValueStart(elements, at, parser.currentTokenLocation());
            JsonNode value = readJsonValue(parser, next, index, trail.element(count));
            setValueEnd(elements, at, parser.currentLocation());
            count++;
            array.add(value);
          }
          index.elements(array, Arrays.copyOf(elements, count * LocationIndex.SPAN));
          return array;
        }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(parser, "unexpected token " + token);
    }
  }

  private static Region regionOfKey(int[] p) {
    return new Region(
        p[LocationIndex.KEY_START_LINE],
        p[LocationIndex.KEY_START_COL],
        p[LocationIndex.KEY_END_LINE],
        p[LocationIndex.KEY_END_COL]);
  }

  private static void setValueStart(int[] positions, int offset, JsonLocation at) {
    positions[offset + LocationIndex.VALUE_START_LINE] = at.getLineNr();
    positions[offset + LocationIndex.VALUE_START_COL] = at.getColumnNr();
  }

  private static void setValueEnd(int[] positions, int offset, JsonLocation at) {
    positions[offset + LocationIndex.VALUE_END_LINE] = at.getLineNr();
    positions[offset + LocationIndex.VALUE_END_COL] = at.getColumnNr();
  }

  // ---------------------------------------------------------------- YAML

  private static ParsedFile parseYaml(SourceFile source, String text) throws SourceException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    YamlText yaml = YamlText.read(source, text);
    int[] lineStarts = yaml.lineStarts();
    boolean hasSurrogates = yaml.hasSurrogates();
    Node yamlRoot;
    try {
      yamlRoot =
          new Composer(
                  new ParserImpl(new WholeTextReader(yaml.chars(), hasSurrogates), options),
                  new WordResolver(),
                  options)
              .getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      int line = mark == null ? 0 : mark.getLine() + 1;
      int column = mark == null ? 0 : mark.getColumn() + 1;
      throw new SourceException(
          source.displayPath(), line, column, "invalid YAML: " + problem(problem));
    } catch (YAMLException e) {
      throw new SourceException(
          source.displayPath(), 0, 0, "invalid YAML: " + problem(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new SourceException(source.displayPath(), 0, 0, "the document is nested too deeply");
    }
    if (yamlRoot == null) {
      throw new SourceException(source.displayPath(), 0, 0, "the file holds no YAML document");
    }
    YamlConverter converter = new YamlConverter(source, text, lineStarts, hasSurrogates);
    JsonNode root = converter.convert(yamlRoot, Trail.ROOT);
    int[] rootSpan = new int[LocationIndex.SPAN];
    converter.setSpan(rootSpan, yamlRoot, LocationIndex.VALUE_START_LINE);
    return new ParsedFile(
        source,
        root,
        converter.index.build(root, rootSpan, lineStarts, text.length()),
        List.copyOf(converter.index.duplicates()));
  }

  /**
   * Turns SnakeYAML nodes into Jackson nodes, recording positions; aliases share the anchor's node.
   */
  private static final class YamlConverter {
    private final SourceFile source;
    private final String text;
    private final int[] lineStarts;
    private final boolean hasSurrogates;
    private final LocationIndex.Builder index = new LocationIndex.Builder();

    /**
     * Anchored nodes, the only ones an alias can reach again: those converted, and those being
     * converted (an alias to one of them is recursive).
     */
    private final Map<Node, Converted> anchored = new IdentityHashMap<>();

    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

    private long distinctNodes;

    /**
     * A converted node and the number of nodes of the tree as aliases expand it: bounded, so that
     * "billion laughs" cannot make later walks explode.
     */
    private record Converted(JsonNode node, long expandedSize) {}

    YamlConverter(SourceFile source, String text, int[] lineStarts, boolean hasSurrogates) {
      this.source = source;
      this.text = text;
      this.lineStarts = lineStarts;
      this.hasSurrogates = hasSurrogates;
    }

    JsonNode convert(Node node, Trail trail) throws SourceException {
      return convert(node, 0, trail).node();
    }

    private Converted convert(Node node, int depth, Trail trail) throws SourceException {
      boolean isAnchored = node.getAnchor() != null;
      if (isAnchored) {
        if (inProgress.containsKey(node)) {
          Mark at = node.getStartMark();
          throw new SourceException(
              source.displayPath(),
              at.getLine() + 1,
              column(at),
              "invalid YAML: an alias refers to a node that contains it (recursive anchor)");
        }
        Converted done = anchored.get(node);
        if (done != null) {
          return done;
        }
        inProgress.put(node, Boolean.TRUE);
      }
      distinctNodes++;
      if (depth > MAX_DEPTH) {
        Mark at = node.getStartMark();
        throw new SourceException(
            source.displayPath(),
            at.getLine() + 1,
            column(at),
            "the document is nested more than " + MAX_DEPTH + " levels deep");
      }
      JsonNode result;
      long size = 1;
      if (node instanceof MappingNode mapping) {
        ObjectNode object = NODES.objectNode();
        size += addMembers(object, mapping, depth, false, trail);
        result = object;
      } else if (node instanceof SequenceNode sequence) {
        ArrayNode array = NODES.arrayNode();
        List<Node> items = sequence.getValue();
        int[] elements = new int[items.size() * LocationIndex.SPAN];
        index.elements(array, elements);
        for (Node item : items) {
          setSpan(
              elements, item, array.size() * LocationIndex.SPAN + LocationIndex.VALUE_START_LINE);
          Converted element = convert(item, depth + 1, trail.element(array.size()));
          array.add(element.node());
          size += element.expandedSize();
        }
        result = array;
      } else {
        result = scalar((ScalarNode) node);
      }
      Converted converted = new Converted(result, size);
      if (isAnchored) {
        inProgress.remove(node);
        anchored.put(node, converted);
      }
      if (size > Math.max(MAX_EXPANDED_NODES, 50 * distinctNodes)) {
        Mark at = node.getStartMark();
        throw new SourceException(
            source.displayPath(),
            at.getLine() + 1,
            column(at),
            "YAML aliases expand this document to more than "
                + Math.max(MAX_EXPANDED_NODES, 50 * distinctNodes)
                + " nodes (an alias bomb?); refusing to read it");
      }
      return converted;
    }

    /**
     * Adds a mapping's members; merged ({@code <<}) members never override explicit ones. Returns
     * the expanded size of the mapping's own values (a merged mapping counts as the alias to it).
     */
    private long addMembers(
        ObjectNode object, MappingNode mapping, int depth, boolean merged, Trail trail)
        throws SourceException {
      long size = 0;
      List<Node> merges = null;
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (keyNode.getTag().equals(Tag.MERGE)) {
          merges = merges == null ? new ArrayList<>() : merges;
          merges.add(tuple.getValueNode());
          continue;
        }
        String key = keyText(keyNode);
        int[] positions = new int[LocationIndex.SPAN];
        setSpan(positions, keyNode, LocationIndex.KEY_START_LINE);
        setSpan(positions, tuple.getValueNode(), LocationIndex.VALUE_START_LINE);
        if (merged && object.has(key)) {
          continue;
        }
        int[] first = index.member(object, key, positions);
        if (first != null) {
          index.duplicate(
              new DuplicateKey(
                  trail.member(key).pointer(), regionOfKey(first), regionOfKey(positions)));
        }
        Converted value = convert(tuple.getValueNode(), depth + 1, trail.member(key));
        object.set(key, value.node());
        size += value.expandedSize();
      }
      if (merges == null) {
        return size;
      }
      for (Node value : merges) {
        if (value instanceof MappingNode source) {
          addMembers(object, source, depth + 1, true, trail);
        } else if (value instanceof SequenceNode sources) {
          for (Node item : sources.getValue()) {
            if (item instanceof MappingNode source) {
              addMembers(object, source, depth + 1, true, trail);
            }
          }
        }
      }
      for (Node value : merges) {
        Converted source = anchored.get(value);
        size += source == null ? 1 : source.expandedSize();
      }
      return size;
    }

    private String keyText(Node keyNode) throws SourceException {
      if (keyNode instanceof ScalarNode scalar) {
        return scalar.getValue();
      }
      Mark at = keyNode.getStartMark();
      throw new SourceException(
          source.displayPath(),
          at.getLine() + 1,
          column(at),
          "invalid YAML for OpenAPI: a mapping key must be a scalar");
    }

    private JsonNode scalar(ScalarNode node) {
      String value = node.getValue();
      Tag tag = node.getTag();
      try {
        if (tag.equals(Tag.INT)) {
          BigInteger number = parseYamlInt(value);
          if (number.bitLength() < 32) {
            return NODES.numberNode(number.intValue());
          }
          if (number.bitLength() < 64) {
            return NODES.numberNode(number.longValue());
          }
          return NODES.numberNode(number);
        }
        if (tag.equals(Tag.FLOAT)) {
          String plain = value.replace("_", "");
          if (plain.matches("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)")) {
            return NODES.textNode(value);
          }
          return NODES.numberNode(new BigDecimal(plain));
        }
        if (tag.equals(Tag.BOOL)) {
          return NODES.booleanNode(isYamlTrue(value));
        }
        if (tag.equals(Tag.NULL)) {
          return NODES.nullNode();
        }
      } catch (NumberFormatException e) {
        return NODES.textNode(value);
      }
      // strings, timestamps, binary and custom tags all stay text: tags never construct objects
      return NODES.textNode(value);
    }

    private static boolean isYamlTrue(String value) {
      String lower = value.toLowerCase(java.util.Locale.ROOT);
      return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
    }

    private static BigInteger parseYamlInt(String value) {
      String plain = value.replace("_", "");
      int sign = 1;
      if (plain.startsWith("-")) {
        sign = -1;
        plain = plain.substring(1);
      } else if (plain.startsWith("+")) {
        plain = plain.substring(1);
      }
      BigInteger number;
      if (plain.startsWith("0x")) {
        number = new BigInteger(plain.substring(2), 16);
      } else if (plain.startsWith("0b")) {
        number = new BigInteger(plain.substring(2), 2);
      } else if (plain.startsWith("0o")) {
        number = new BigInteger(plain.substring(2), 8);
      } else if (plain.length() > 1
          && plain.startsWith("0")
          && plain.chars().allMatch(c -> c >= '0' && c <= '7')) {
        number = new BigInteger(plain.substring(1), 8);
      } else if (plain.contains(":")) {
        number = BigInteger.ZERO;
        for (String part : plain.split(":")) {
          number = number.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else {
        number = new BigInteger(plain);
      }
      return sign < 0 ? number.negate() : number;
    }

    void setSpan(int[] positions, Node node, int offset) {
      Mark start = node.getStartMark();
      Mark end = node.getEndMark();
      positions[offset] = start.getLine() + 1;
      positions[offset + 1] = column(start);
      positions[offset + 2] = end.getLine() + 1;
      positions[offset + 3] = column(end);
    }

    /** SnakeYAML counts columns in code points; reports count UTF-16 units. */
    private int column(Mark mark) {
      if (!hasSurrogates || mark.getLine() >= lineStarts.length) {
        return mark.getColumn() + 1;
      }
      int offset = lineStarts[mark.getLine()];
      int units = 0;
      for (int points = 0; points < mark.getColumn() && offset + units < text.length(); points++) {
        units += Character.isHighSurrogate(text.charAt(offset + units)) ? 2 : 1;
      }
      return units + 1;
    }
  }

  /**
   * A YAML text read once before SnakeYAML scans it: its characters, where its lines start (YAML
   * also breaks lines at NEL, LS and PS), and whether it holds characters beyond the Basic
   * Multilingual Plane (surrogate pairs).
   */
  private record YamlText(char[] chars, int[] lineStarts, boolean hasSurrogates) {
    /**
     * Also refuses a character that YAML does not allow (a control character, a NUL, a lone
     * surrogate), with its line and column: SnakeYAML would name only its offset.
     */
    static YamlText read(SourceFile source, String text) throws SourceException {
      char[] chars = text.toCharArray();
      int[] starts = new int[64];
      int count = 1;
      boolean hasSurrogates = false;
      for (int i = 0; i < chars.length; i++) {
        char c = chars[i];
        if ((c >= 0x20 && c <= 0x7E) || c == '\t') {
          continue;
        }
        boolean isBreak =
            c == '\n'
                || (c == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n'))
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029';
        if (isBreak) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < chars.length
            && Character.isLowSurrogate(chars[i + 1])) {
          hasSurrogates = true;
          i++;
        } else if (!StreamReader.isPrintable(c)) {
          throw new SourceException(
              source.displayPath(),
              count,
              i - starts[count - 1] + 1,
              String.format(
                  "invalid YAML: the control character U+%04X is not allowed in YAML text",
                  (int) c));
        }
      }
      return new YamlText(chars, Arrays.copyOf(starts, count), hasSurrogates);
    }
  }

  /**
   * SnakeYAML's implicit types of plain scalars (YAML 1.1), with the words told apart without a
   * regular expression each: its own resolver matches every scalar of up to ten characters against
   * two patterns for null, and words starting with one of "yYnNtTfFoO" (type, title, format,
   * object...) against the booleans too. Scalars that start like a number, and the indicators that
   * cannot start a plain scalar, go to SnakeYAML's patterns as before.
   */
  private static final class WordResolver extends Resolver {
    private static final Set<String> BOOLEANS =
        Set.of(
            "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
            "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> NULLS = Set.of("", " ", "~", "null", "Null", "NULL");
    private static final int LONGEST_WORD = "false".length();

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind != NodeId.scalar || !implicit || (!value.isEmpty() && goesToPatterns(value))) {
        return super.resolve(kind, value, implicit);
      }
      if (value.length() > LONGEST_WORD) {
        return Tag.STR;
      }
      if (BOOLEANS.contains(value)) {
        return Tag.BOOL;
      }
      if (NULLS.contains(value)) {
        return Tag.NULL;
      }
      return value.equals("<<") ? Tag.MERGE : Tag.STR;
    }

    private static boolean goesToPatterns(String value) {
      char first = value.charAt(0);
      return (first >= '0' && first <= '9') || "-+.!&*".indexOf(first) >= 0;
    }
  }

  /**
   * Char offsets at which each line of a JSON text starts. Read in chunks: a String of other than
   * Latin-1 characters checks its coding and bounds on each charAt, which made this loop a quarter
   * of GitHub's parse.
   */
  static int[] lineStarts(String text) {
    int[] starts = new int[64];
    int count = 1;
    char[] chunk = new char[8192];
    for (int from = 0; from < text.length(); from += chunk.length) {
      int length = Math.min(chunk.length, text.length() - from);
      text.getChars(from, from + length, chunk, 0);
      for (int i = 0; i < length; i++) {
        char c = chunk[i];
        if (c == '\n' || c == '\r') {
          int next = from + i + 1;
          if (c == '\r' && next < text.length() && text.charAt(next) == '\n') {
            continue;
          }
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = next;
        }
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** A parenthesised aside of Jackson's, which quotes the character or token it found. */
  private static final java.util.regex.Pattern ASIDE =
      java.util.regex.Pattern.compile("\\s*\\((?:[^()]|\\([^()]*\\))*\\)");

  /**
   * Quoted text; kept only when it is a kind of token ('<block end>') or one punctuation mark
   * (':'), words of the parser, not of the file.
   */
  private static final java.util.regex.Pattern QUOTED =
      java.util.regex.Pattern.compile("'(<[a-z ]+>|\\p{Punct})'|'[^']*'|\"[^\"]*\"");

  /** Words of SnakeYAML's messages that it follows with text of the file, unquoted. */
  private static final String[] UNQUOTED_TEXT_AFTER = {
    "but found", "escape character", "tag handle", "undefined alias", "UTF-8"
  };

  /**
   * A parser's problem as a fixed description, on one line: no text of the file (a token, a
   * character, a tag) is quoted, so that an error on a file that should not have been read, or that
   * holds a secret, shows only its name and the position.
   */
  static String problem(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    line = ASIDE.matcher(line).replaceAll("");
    line = QUOTED.matcher(line).replaceAll(match -> match.group(1) != null ? "$0" : "");
    // SnakeYAML also names what it found without quotes: "but found x(120)", "tag handle !x"
    for (String before : UNQUOTED_TEXT_AFTER) {
      int at = line.indexOf(before);
      if (at >= 0 && !line.startsWith(" '<", at + before.length())) {
        line = line.substring(0, at + before.length());
        break;
      }
    }
    return line.replaceAll("\\s+", " ")
        .replaceAll(" ([:,;])", "$1")
        .replaceAll("[\\s:,;.]+$", "")
        .trim();
  }
}

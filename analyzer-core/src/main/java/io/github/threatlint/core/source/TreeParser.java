package io.github.threatlint.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.DuplicateKey;
import io.github.threatlint.core.api.LocationIndex;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.ReferencePlaces;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.vocabulary.Words;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.inspector.TagInspector;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Parses the text of a JSON or YAML file into a Jackson tree and, in the same pass, the {@link
 * LocationIndex} of every node. JSON goes through Jackson's streaming parser (columns in UTF-16
 * units because it reads a String). Block-style YAML as specs write it goes through {@link
 * BlockYamlReader}; any other YAML file, as a whole, from SnakeYAML's events (anchors, aliases and
 * merge keys as swagger-parser sees them), reading the text through {@link WholeTextReader} in
 * linear time. A text that starts with '{' or '[' is JSON, or else flow-style YAML. YAML tags never
 * construct objects.
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

  /**
   * Member names are not interned: the parser's symbol table already makes one string of each name
   * within a file, and the YAML reader interns nothing either, so no code compares names by
   * identity. Interning each new name is a call into the VM's string table (on a cold run of
   * Stripe's JSON about 3 ms of the parse, which every later step waits for).
   */
  static final JsonFactory JSON =
      new PositionedJsonParser.Factory(
          new JsonFactoryBuilder()
              .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_DEPTH)
                      .maxStringLength(Integer.MAX_VALUE / 2)
                      .maxNumberLength(1000)
                      .build()));

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
  record Trail(Trail parent, String key, int index) {
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
    char[] chars = source.takeChars();
    if (chars != null) {
      ParsedFile parsed = parseDecodedJson(source, chars);
      if (parsed != null) {
        return parsed;
      }
    }
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

  /**
   * Parses a file that comes as decoded characters (see {@link SourceFile#takeChars}) straight from
   * them when it is JSON: Jackson reads the array without a copy, and the line starts are found in
   * it; the text's String is not made. Returns null for anything else (a byte order mark, blank or
   * YAML text, a JSON error that YAML may read), which is then parsed from the text as before.
   */
  private static ParsedFile parseDecodedJson(SourceFile source, char[] chars)
      throws SourceException {
    int length = source.length();
    if (!looksLikeJson(CharBuffer.wrap(chars, 0, length))) {
      return null;
    }
    try {
      return parseJson(source, chars, length);
    } catch (SourceException jsonError) {
      if (hasExtension(source, ".json")) {
        throw jsonError;
      }
      return null;
    }
  }

  /** Whether the first character that is not white space opens a JSON object or array. */
  static boolean looksLikeJson(CharSequence text) {
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
    return parseJson(source, null, text.length());
  }

  /**
   * @param chars the text's characters (its first {@code length}) when the file came as such, or
   *     null to read its text
   */
  private static ParsedFile parseJson(SourceFile source, char[] chars, int length)
      throws SourceException {
    LineStartsAhead lineStarts = LineStartsAhead.start(source, chars, length);
    LocationIndex.Builder index = new LocationIndex.Builder();
    ReferencePlaces.Builder references = new ReferencePlaces.Builder();
    try (PositionedJsonParser parser =
        (PositionedJsonParser)
            (chars != null
                ? JSON.createParser(chars, 0, length)
                : JSON.createParser(source.text()))) {
      JsonToken first = parser.nextToken();
      int[] rootSpan = new int[LocationIndex.SPAN];
      setValueStart(rootSpan, 0, parser);
      JsonNode root = readJsonValue(parser, first, index, references, 0, Trail.ROOT);
      setValueEnd(rootSpan, 0, parser);
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
          index.build(root, rootSpan, lineStarts.get(), length),
          List.copyOf(index.duplicates()),
          false,
          references.build());
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
      PositionedJsonParser parser,
      JsonToken token,
      LocationIndex.Builder index,
      ReferencePlaces.Builder references,
      int depth,
      Trail trail)
      throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          int number = references.open();
          // one array for all the members of the object: the index copies a member's positions
          int[] positions = new int[LocationIndex.SPAN];
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            positions[LocationIndex.KEY_START_LINE] = parser.nameLine();
            positions[LocationIndex.KEY_START_COL] = parser.nameColumn();
            positions[LocationIndex.KEY_END_LINE] = parser.currentLine();
            // the key's end is just past its closing quote; the current location is past the colon
            positions[LocationIndex.KEY_END_COL] = parser.nameColumn() + key.length() + 2;
            JsonToken valueToken = parser.nextToken();
            setValueStart(positions, 0, parser);
            JsonNode value =
                readJsonValue(parser, valueToken, index, references, depth + 1, trail.member(key));
            setValueEnd(positions, 0, parser);
            if (valueToken == JsonToken.VALUE_STRING && key.equals("$ref")) {
              references.reference(value.textValue());
            }
            int[] first = index.member(object, key, positions);
            if (first != null) {
              if (key.equals("$ref")) {
                references.repeatedReference();
              }
              index.duplicate(
                  new DuplicateKey(
                      trail.member(key).pointer(), regionOfKey(first), regionOfKey(positions)));
            }
            object.set(key, value);
          }
          references.closed(object, number, depth);
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          int number = references.open();
          int[] elements = new int[4 * LocationIndex.SPAN];
          int count = 0;
          JsonToken next;
          while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            int at = count * LocationIndex.SPAN;
            if (at == elements.length) {
              elements = Arrays.copyOf(elements, at * 2);
            }
            setValueStart(elements, at, parser);
            JsonNode value =
                readJsonValue(parser, next, index, references, depth + 1, trail.element(count));
            setValueEnd(elements, at, parser);
            count++;
            array.add(value);
          }
          index.elements(array, Arrays.copyOf(elements, count * LocationIndex.SPAN));
          references.closed(array, number, depth);
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

  static Region regionOfKey(int[] p) {
    return new Region(
        p[LocationIndex.KEY_START_LINE],
        p[LocationIndex.KEY_START_COL],
        p[LocationIndex.KEY_END_LINE],
        p[LocationIndex.KEY_END_COL]);
  }

  /**
   * Where the current value token starts, as {@link JsonParser#currentTokenLocation} gives it, read
   * without making a location object for every value (millions of short-lived objects in a warm
   * re-analysis of a large spec). Jackson's {@link ParserBase#getTokenColumnNr} counts one more
   * than that location's column when the column is known.
   */
  private static void setValueStart(int[] positions, int offset, PositionedJsonParser parser) {
    int column = parser.getTokenColumnNr();
    positions[offset + LocationIndex.VALUE_START_LINE] = parser.getTokenLineNr();
    positions[offset + LocationIndex.VALUE_START_COL] = column < 0 ? column : column - 1;
  }

  /** Where the current value ends, as {@link JsonParser#currentLocation} gives it. */
  private static void setValueEnd(int[] positions, int offset, PositionedJsonParser parser) {
    positions[offset + LocationIndex.VALUE_END_LINE] = parser.currentLine();
    positions[offset + LocationIndex.VALUE_END_COL] = parser.currentColumn();
  }

  // ---------------------------------------------------------------- YAML

  private static ParsedFile parseYaml(SourceFile source, String text) throws SourceException {
    YamlText yaml = YamlText.read(source, text);
    if (yaml.blockReadable()) {
      ParsedFile parsed = BlockYamlReader.read(source, text, yaml.chars(), yaml.lineStarts());
      if (parsed != null) {
        return parsed;
      }
    }
    return parseYamlWithSnakeYaml(source, text, yaml);
  }

  /** Reads a YAML text with SnakeYAML only, as files that {@link BlockYamlReader} hands over. */
  static ParsedFile parseYamlWithSnakeYaml(SourceFile source) throws SourceException {
    return parseYamlWithSnakeYaml(source, source.text(), YamlText.read(source, source.text()));
  }

  private static ParsedFile parseYamlWithSnakeYaml(SourceFile source, String text, YamlText yaml)
      throws SourceException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    int[] lineStarts = yaml.lineStarts();
    YamlBuilder builder =
        new YamlBuilder(source, text, lineStarts, yaml.hasSurrogates(), options.getTagInspector());
    JsonNode root;
    int[] rootSpan = new int[LocationIndex.SPAN];
    try {
      root =
          builder.document(
              new ParserImpl(new WholeTextReader(yaml.chars(), yaml.hasSurrogates()), options),
              rootSpan);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw invalidYaml(source, mark, problem);
    } catch (YAMLException e) {
      throw new SourceException(
          source.displayPath(), 0, 0, "invalid YAML: " + problem(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new SourceException(source.displayPath(), 0, 0, "the document is nested too deeply");
    }
    if (root == null) {
      throw new SourceException(source.displayPath(), 0, 0, "the file holds no YAML document");
    }
    if (builder.refusal != null) {
      throw builder.refusal;
    }
    return new ParsedFile(
        source,
        root,
        builder.index.build(root, rootSpan, lineStarts, text.length()),
        List.copyOf(builder.index.duplicates()),
        builder.hasAliases);
  }

  /** A problem SnakeYAML finds at a mark (whose column counts code points, shown as is). */
  private static SourceException invalidYaml(SourceFile source, Mark mark, String problem) {
    return new SourceException(
        source.displayPath(),
        mark == null ? 0 : mark.getLine() + 1,
        mark == null ? 0 : mark.getColumn() + 1,
        "invalid YAML: " + problem(problem));
  }

  /**
   * Builds Jackson nodes from SnakeYAML's events, recording positions, without SnakeYAML's node
   * graph (composing it and walking it again was a third of a YAML parse). Aliases share the
   * anchor's node and positions; merged ({@code <<}) members never override explicit ones. It
   * checks what SnakeYAML's composer checks (undefined aliases, the number of aliases to
   * collections, nesting depth, global tags, a single document), with the composer's messages, and
   * fails at once. What only threatlint refuses (a key that is not a scalar, a recursive anchor, an
   * alias bomb) is kept as {@link #refusal} and reported once the whole text is read: a syntax
   * error anywhere in the file is named first.
   */
  private static final class YamlBuilder {
    private final SourceFile source;
    private final String text;
    private final int[] lineStarts;
    private final boolean hasSurrogates;
    private final TagInspector globalTags;
    private final Resolver resolver = new WordResolver();
    private final LocationIndex.Builder index = new LocationIndex.Builder();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private Parser parser;
    private int aliasesToCollections;
    private int depth;
    private long distinctNodes;

    /** Whether an alias was read: a node of the tree may then be written at several places. */
    private boolean hasAliases;

    /** The first thing threatlint cannot read, reported after the whole text is parsed. */
    private SourceException refusal;

    // What the last call of node() built, besides its Jackson node: the number of nodes of the
    // tree as aliases expand it (bounded, so that "billion laughs" cannot make later walks
    // explode), and, for a node that may be merged, its members or its items' members.
    private long builtSize;
    private MergeSource builtMapping;
    private List<MergeSource> builtItems;

    /** Whether the last key read was the merge key ({@code <<} or tagged !!merge). */
    private boolean mergeKey;

    /**
     * A mapping as a source of merged members: its explicit members in order (duplicates too), then
     * the mappings it merges itself.
     */
    private record MergeSource(List<Member> members, List<MergeSource> merges) {}

    /**
     * A member of a merge source. Merged into another mapping, it shares the value node, whose
     * nodes count again among the distinct nodes (as a copy's would).
     */
    private record Member(String key, int[] positions, JsonNode value, long distinctNodes) {}

    /** An anchored node: what an alias to it stands for, positions included. */
    private static final class Anchored {
      final int[] span = new int[4];
      boolean building = true;
      boolean collection;
      JsonNode node;
      long expandedSize;
      String scalarText;
      Tag scalarTag;
      MergeSource mapping;
      List<MergeSource> items;
    }

    YamlBuilder(
        SourceFile source,
        String text,
        int[] lineStarts,
        boolean hasSurrogates,
        TagInspector globalTags) {
      this.source = source;
      this.text = text;
      this.lineStarts = lineStarts;
      this.hasSurrogates = hasSurrogates;
      this.globalTags = globalTags;
    }

    /** The stream's single document, or null when it holds none. */
    JsonNode document(Parser parser, int[] rootSpan) throws SourceException {
      this.parser = parser;
      parser.getEvent(); // stream start
      JsonNode root = null;
      if (!parser.checkEvent(Event.ID.StreamEnd)) {
        parser.getEvent(); // document start
        root = node(rootSpan, LocationIndex.VALUE_START_LINE, Trail.ROOT, false);
        parser.getEvent(); // document end
      }
      if (!parser.checkEvent(Event.ID.StreamEnd)) {
        throw invalidYaml(source, parser.getEvent().getStartMark(), "but found another document");
      }
      return root;
    }

    /**
     * Builds the next node and writes its span (start line, column, end line, column) at {@code
     * offset} of {@code span}. {@code mayBeMerged}: keep its members for a mapping that merges it.
     */
    private JsonNode node(int[] span, int offset, Trail trail, boolean mayBeMerged)
        throws SourceException {
      Event event = parser.getEvent();
      if (event instanceof AliasEvent alias) {
        return alias(alias, span, offset);
      }
      enter();
      Anchored anchored = null;
      String anchor = ((NodeEvent) event).getAnchor();
      if (anchor != null) {
        anchored = new Anchored();
        // where a recursive alias is reported: the start of the node it refers to
        anchored.span[0] = event.getStartMark().getLine() + 1;
        anchored.span[1] = column(event.getStartMark());
        anchors.put(anchor, anchored);
      }
      boolean keep = mayBeMerged || anchored != null;
      distinctNodes++;
      JsonNode result;
      if (event instanceof ScalarEvent scalar) {
        Tag tag = tag(scalar);
        result = scalar(tag, scalar.getValue());
        setSpan(span, offset, scalar.getStartMark(), scalar.getEndMark());
        builtSize = 1;
        builtMapping = null;
        builtItems = null;
        if (anchored != null) {
          anchored.scalarText = scalar.getValue();
          anchored.scalarTag = tag;
        }
      } else if (event instanceof MappingStartEvent start) {
        checkGlobalTag(start);
        result = mapping(start, span, offset, trail, keep);
      } else {
        SequenceStartEvent start = (SequenceStartEvent) event;
        checkGlobalTag(start);
        result = sequence(start, span, offset, trail, keep);
      }
      depth--;
      if (anchored != null) {
        System.arraycopy(span, offset, anchored.span, 0, 4);
        anchored.building = false;
        anchored.collection = !(event instanceof ScalarEvent);
        anchored.node = result;
        anchored.expandedSize = builtSize;
        anchored.mapping = builtMapping;
        anchored.items = builtItems;
      }
      long limit = Math.max(MAX_EXPANDED_NODES, 50 * distinctNodes);
      if (builtSize > limit) {
        refuse(
            span[offset],
            span[offset + 1],
            "YAML aliases expand this document to more than "
                + limit
                + " nodes (an alias bomb?); refusing to read it");
      }
      return result;
    }

    /** As SnakeYAML's composer counts the nesting of every node but an alias. */
    private void enter() {
      if (depth > MAX_DEPTH) {
        throw new YAMLException("Nesting Depth exceeded max " + MAX_DEPTH);
      }
      depth++;
    }

    private Anchored anchored(AliasEvent alias) throws SourceException {
      Anchored anchored = anchors.get(alias.getAnchor());
      if (anchored == null) {
        throw invalidYaml(source, alias.getStartMark(), "found undefined alias");
      }
      if (anchored.building || anchored.collection) {
        // only a collection can be still building when an alias refers to it
        aliasesToCollections++;
        if (aliasesToCollections > MAX_ALIASES) {
          throw new YAMLException(
              "Number of aliases for non-scalar nodes exceeds the specified max=" + MAX_ALIASES);
        }
      }
      return anchored;
    }

    private JsonNode alias(AliasEvent alias, int[] span, int offset) throws SourceException {
      Anchored anchored = anchored(alias);
      hasAliases = true;
      System.arraycopy(anchored.span, 0, span, offset, 4);
      if (anchored.building) {
        refuse(
            anchored.span[0],
            anchored.span[1],
            "invalid YAML: an alias refers to a node that contains it (recursive anchor)");
        builtSize = 1;
        builtMapping = null;
        builtItems = null;
        return NODES.nullNode();
      }
      builtSize = anchored.expandedSize;
      builtMapping = anchored.mapping;
      builtItems = anchored.items;
      return anchored.node;
    }

    private JsonNode mapping(
        MappingStartEvent start, int[] span, int offset, Trail trail, boolean keep)
        throws SourceException {
      ObjectNode object = NODES.objectNode();
      List<Member> kept = keep ? new ArrayList<>() : null;
      List<MergeSource> merges = null;
      long size = 1;
      while (!parser.checkEvent(Event.ID.MappingEnd)) {
        int[] positions = new int[LocationIndex.SPAN];
        String key = key(positions);
        if (mergeKey) {
          boolean alias = parser.checkEvent(Event.ID.Alias);
          node(positions, LocationIndex.VALUE_START_LINE, trail, true);
          merges = merges == null ? new ArrayList<>() : merges;
          if (builtMapping != null) {
            merges.add(builtMapping);
          } else if (builtItems != null) {
            merges.addAll(builtItems);
          }
          // a merge counts as the alias to its source, if it is one
          size += alias ? builtSize : 1;
          continue;
        }
        if (key != null && object.has(key)) {
          int[] first = index.member(object, key, positions);
          index.duplicate(
              new DuplicateKey(
                  trail.member(key).pointer(), regionOfKey(first), regionOfKey(positions)));
        }
        long distinctBefore = distinctNodes;
        Trail valueTrail = key == null ? trail : trail.member(key);
        JsonNode value = node(positions, LocationIndex.VALUE_START_LINE, valueTrail, false);
        size += builtSize;
        if (key != null) {
          index.member(object, key, positions);
          object.set(key, value);
          if (kept != null) {
            kept.add(new Member(key, positions, value, distinctNodes - distinctBefore));
          }
        }
      }
      setSpan(span, offset, start.getStartMark(), parser.getEvent().getEndMark());
      if (merges != null) {
        for (MergeSource merged : merges) {
          merge(object, merged);
        }
      }
      builtSize = size;
      builtMapping =
          kept == null ? null : new MergeSource(kept, merges == null ? List.of() : merges);
      builtItems = null;
      return object;
    }

    /** Adds the members of a merge source that {@code object} does not have yet. */
    private void merge(ObjectNode object, MergeSource merged) {
      for (Member member : merged.members()) {
        if (!object.has(member.key())) {
          index.member(object, member.key(), member.positions());
          object.set(member.key(), member.value());
          distinctNodes += member.distinctNodes();
        }
      }
      for (MergeSource nested : merged.merges()) {
        merge(object, nested);
      }
    }

    /**
     * Reads a mapping key and writes its span: its text, or null when it is not a scalar (refused;
     * its events are read all the same). Tells {@link #mergeKey}.
     */
    private String key(int[] positions) throws SourceException {
      mergeKey = false;
      Event event = parser.peekEvent();
      if (event instanceof ScalarEvent scalar && scalar.getAnchor() == null) {
        parser.getEvent();
        enter();
        depth--;
        setSpan(
            positions, LocationIndex.KEY_START_LINE, scalar.getStartMark(), scalar.getEndMark());
        mergeKey = isMergeKey(scalar);
        return scalar.getValue();
      }
      if (event instanceof AliasEvent alias) {
        parser.getEvent();
        Anchored anchored = anchored(alias);
        System.arraycopy(anchored.span, 0, positions, LocationIndex.KEY_START_LINE, 4);
        if (!anchored.building && !anchored.collection) {
          mergeKey = anchored.scalarTag.equals(Tag.MERGE);
          return anchored.scalarText;
        }
        refuseKey(positions);
        return null;
      }
      if (event instanceof ScalarEvent) {
        node(positions, LocationIndex.KEY_START_LINE, Trail.ROOT, false);
        Anchored anchored = anchors.get(((ScalarEvent) event).getAnchor());
        mergeKey = anchored.scalarTag.equals(Tag.MERGE);
        return anchored.scalarText;
      }
      Mark start = event.getStartMark();
      refuse(
          start.getLine() + 1,
          column(start),
          "invalid YAML for OpenAPI: a mapping key must be a scalar");
      node(positions, LocationIndex.KEY_START_LINE, Trail.ROOT, false);
      mergeKey = false; // as its own keys left it
      return null;
    }

    private void refuseKey(int[] positions) {
      refuse(
          positions[LocationIndex.KEY_START_LINE],
          positions[LocationIndex.KEY_START_COL],
          "invalid YAML for OpenAPI: a mapping key must be a scalar");
    }

    private JsonNode sequence(
        SequenceStartEvent start, int[] span, int offset, Trail trail, boolean keep)
        throws SourceException {
      ArrayNode array = NODES.arrayNode();
      List<MergeSource> items = keep ? new ArrayList<>() : null;
      int[] elements = new int[4 * LocationIndex.SPAN];
      int count = 0;
      long size = 1;
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        int at = count * LocationIndex.SPAN;
        if (at == elements.length) {
          elements = Arrays.copyOf(elements, at * 2);
        }
        JsonNode element =
            node(elements, at + LocationIndex.VALUE_START_LINE, trail.element(count), keep);
        if (items != null && builtMapping != null) {
          items.add(builtMapping);
        }
        size += builtSize;
        array.add(element);
        count++;
      }
      setSpan(span, offset, start.getStartMark(), parser.getEvent().getEndMark());
      index.elements(array, Arrays.copyOf(elements, count * LocationIndex.SPAN));
      builtSize = size;
      builtMapping = null;
      builtItems = items;
      return array;
    }

    private void refuse(int line, int column, String problem) {
      if (refusal == null) {
        refusal = new SourceException(source.displayPath(), line, column, problem);
      }
    }

    /**
     * Whether a key is the merge key: the plain {@code <<} (the only text {@link WordResolver}
     * resolves to it) or one tagged !!merge. Half of all scalars are keys, and only this matters of
     * their type.
     */
    private boolean isMergeKey(ScalarEvent key) throws SourceException {
      String written = key.getTag();
      if (written == null || written.equals("!")) {
        return key.getImplicit().canOmitTagInPlainScalar() && key.getValue().equals("<<");
      }
      return globalTagChecked(written, key).equals(Tag.MERGE);
    }

    /** A scalar's tag: resolved from a plain scalar's text, else the one written. */
    private Tag tag(ScalarEvent scalar) throws SourceException {
      String written = scalar.getTag();
      if (written == null || written.equals("!")) {
        return resolver.resolve(
            NodeId.scalar, scalar.getValue(), scalar.getImplicit().canOmitTagInPlainScalar());
      }
      return globalTagChecked(written, scalar);
    }

    private void checkGlobalTag(CollectionStartEvent start) throws SourceException {
      String written = start.getTag();
      if (written != null && !written.equals("!")) {
        globalTagChecked(written, start);
      }
    }

    /** A written tag; a global one that is not YAML's own is refused, as SnakeYAML does. */
    private Tag globalTagChecked(String written, Event event) throws SourceException {
      Tag tag = new Tag(written);
      if (tag.isCustomGlobal() && !globalTags.isGlobalTagAllowed(tag)) {
        throw invalidYaml(source, event.getStartMark(), "Global tag is not allowed: " + written);
      }
      return tag;
    }

    static JsonNode scalar(Tag tag, String value) {
      try {
        if (tag.equals(Tag.INT)) {
          if (WordResolver.isSmallDecimal(value)) {
            return NODES.numberNode(Integer.parseInt(value));
          }
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

    private void setSpan(int[] positions, int offset, Mark start, Mark end) {
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

  /** A plain scalar's node for the tag its text resolved to, as {@link YamlBuilder} makes it. */
  static JsonNode yamlScalar(Tag tag, String value) {
    return YamlBuilder.scalar(tag, value);
  }

  /**
   * A YAML text read once before SnakeYAML scans it: its characters, where its lines start (YAML
   * also breaks lines at NEL, LS and PS), and whether it holds characters beyond the Basic
   * Multilingual Plane (surrogate pairs). {@code blockReadable}: {@link BlockYamlReader} may read
   * it, as its only line breaks are LF and CR LF, it holds no byte order mark inside nor surrogate
   * pair (SnakeYAML counts neither in columns) and no anchor ({@link BlockYamlReader#isAnchor}).
   */
  private record YamlText(
      char[] chars, int[] lineStarts, boolean hasSurrogates, boolean blockReadable) {
    /**
     * Also refuses a character that YAML does not allow (a control character, a NUL, a lone
     * surrogate), with its line and column: SnakeYAML would name only its offset.
     */
    static YamlText read(SourceFile source, String text) throws SourceException {
      char[] chars = text.toCharArray();
      int[] starts = new int[64];
      int count = 1;
      boolean hasSurrogates = false;
      boolean otherBreaks = false;
      boolean anchors = false;
      for (int i = 0; i < chars.length; i++) {
        char c = chars[i];
        if ((c >= 0x20 && c <= 0x7E) || c == '\t') {
          anchors |= c == '&' && BlockYamlReader.isAnchor(chars, i);
          continue;
        }
        boolean isBreak =
            c == '\n'
                || (c == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n'))
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029';
        if (isBreak) {
          otherBreaks |= c != '\n';
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < chars.length
            && Character.isLowSurrogate(chars[i + 1])) {
          hasSurrogates = true;
          i++;
        } else if (c == '\uFEFF') {
          otherBreaks = true;
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
      return new YamlText(
          chars,
          Arrays.copyOf(starts, count),
          hasSurrogates,
          !hasSurrogates && !otherBreaks && !anchors);
    }
  }

  /**
   * SnakeYAML's implicit types of plain scalars (YAML 1.1), with the words told apart without a
   * regular expression each: its own resolver matches every scalar of up to ten characters against
   * two patterns for null, and words starting with one of "yYnNtTfFoO" (type, title, format,
   * object...) against the booleans too. Scalars that start like a number, and the indicators that
   * cannot start a plain scalar, go to SnakeYAML's patterns as before.
   */
  static final class WordResolver extends Resolver {
    private static final Set<String> BOOLEANS =
        Set.of(
            "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
            "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> NULLS = Set.of("", " ", "~", "null", "Null", "NULL");
    private static final int LONGEST_WORD = "false".length();

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar && implicit && isSmallDecimal(value)) {
        return Tag.INT; // as the first of SnakeYAML's patterns for a digit, INT, tells
      }
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

    /**
     * Whether a scalar is a decimal int of up to nine digits without sign, underscore or leading
     * zero (5000, 200): most numbers of a spec, read without a regular expression and BigInteger.
     */
    static boolean isSmallDecimal(String value) {
      int length = value.length();
      if (length == 0 || length > 9 || (value.charAt(0) == '0' && length > 1)) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }

    private static boolean goesToPatterns(String value) {
      char first = value.charAt(0);
      return (first >= '0' && first <= '9')
          || first == '-'
          || first == '+'
          || first == '.'
          || first == '!'
          || first == '&'
          || first == '*';
    }
  }

  /**
   * Char offsets at which each line of a JSON text starts (after LF, CR LF or a lone CR). Found
   * with indexOf, which reads a String of other than Latin-1 characters three times faster under C1
   * than copying it out in chunks to loop over; a copy of the whole text as one array would add a
   * large array to the heap's peak (GitHub's spec: 25 MB).
   */
  static int[] lineStarts(String text) {
    int[] starts = startsFor(text.length());
    int count = 1;
    int lf = text.indexOf('\n');
    int cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      int end;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        end = cr;
        cr = text.indexOf('\r', cr + 1);
        if (end + 1 == lf) {
          continue; // CR LF: the line ends at the LF
        }
      } else {
        end = lf;
        lf = text.indexOf('\n', lf + 1);
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = end + 1;
    }
    return Arrays.copyOf(starts, count);
  }

  /**
   * {@link #lineStarts(String)} of the text decoded into the first {@code length} of {@code chars}:
   * the file's characters as they came, whose String is made only when something asks for it
   * (SourceReader's TextOfChars).
   */
  static int[] lineStarts(char[] chars, int length) {
    int[] starts = startsFor(length);
    int count = 1;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c == '\n' || (c == '\r' && (i + 1 == length || chars[i + 1] != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /**
   * An array for the line starts of a JSON text of {@code length} characters, at one line per 32
   * characters: the large specs of the corpus have one per 38 (Stripe) to 53 (Kubernetes), so it
   * seldom grows. Grown from 64 entries, Stripe JSON's 109,538 lines allocated 1.5 MB of arrays; so
   * 0.95 MB, the trimmed copy included. A text on one line wastes an eighth of its length until the
   * copy.
   */
  private static int[] startsFor(int length) {
    return new int[Math.max(64, length / 32)];
  }

  /**
   * The line starts of a large JSON text, found on a thread of their own while Jackson reads the
   * text on this one: the parse is the part of an analysis that nothing else runs beside, and the
   * search for line breaks is a tenth of it (Stripe's 4 MB JSON: 10-12 ms of 80-100, cold). A
   * smaller text finds them here, when asked: a thread would cost more than it saves.
   */
  private static final class LineStartsAhead extends Thread {
    /** From this many characters a text finds its line starts ahead (Stripe's JSON: 4 million). */
    static final int AHEAD_FROM_CHARS = 1 << 20;

    private final SourceFile source;

    /** The text's characters (its first {@link #length}) when it came as such, or null. */
    private final char[] chars;

    private final int length;
    private int[] starts;

    private LineStartsAhead(SourceFile source, char[] chars, int length) {
      super("threatlint-line-starts");
      this.source = source;
      this.chars = chars;
      this.length = length;
      setDaemon(true);
    }

    /**
     * @param chars the text's characters (its first {@code length}) when the file came as such, or
     *     null to read its text
     */
    static LineStartsAhead start(SourceFile source, char[] chars, int length) {
      LineStartsAhead ahead = new LineStartsAhead(source, chars, length);
      if (length >= AHEAD_FROM_CHARS) {
        ahead.start();
      }
      return ahead;
    }

    @Override
    public void run() {
      starts = find();
    }

    private int[] find() {
      return chars != null ? lineStarts(chars, length) : lineStarts(source.text());
    }

    /** The line starts, waited for; found here when no thread found them. */
    int[] get() {
      try {
        join(); // returns at once when the thread was not started
        return starts != null ? starts : find();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return find();
      }
    }
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
    return Words.collapseWhiteSpace(line)
        .replaceAll(" ([:,;])", "$1")
        .replaceAll("[\\s:,;.]+$", "")
        .trim();
  }
}

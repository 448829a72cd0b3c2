package io.github.threatlint.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.DuplicateKey;
import io.github.threatlint.core.api.LocationIndex;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Reads the block-style YAML that specs are written in (block mappings and sequences; plain, quoted
 * and block scalars; comments; flow collections on one line) straight into the Jackson tree and its
 * {@link LocationIndex}, without SnakeYAML's tokens, events and marks, which were about 70 % of a
 * large YAML parse. Its scalar scanners are SnakeYAML's, rewritten over the text's characters; its
 * positions are the ones {@link TreeParser} takes from SnakeYAML's events (a collection ends where
 * the token after it starts; an empty value sits just after its ':' or '-'), and plain scalars
 * resolve through the same resolver.
 *
 * <p>It reads only what it reads exactly as SnakeYAML does. Anything else (anchors, aliases, tags,
 * directives, flow collections over several lines, explicit keys, several documents, a tab outside
 * a scalar, an indentation it does not expect, any error) hands the whole file over: {@link #read}
 * returns null and TreeParser reads it with SnakeYAML, so a file is read by one parser only and its
 * errors are SnakeYAML's.
 */
final class BlockYamlReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Nesting the reader takes on; deeper files go to SnakeYAML, which refuses them beyond {@link
   * TreeParser#MAX_DEPTH} with its message.
   */
  private static final int MAX_DEPTH = 500;

  /** SnakeYAML refuses a simple key longer than 1,024 characters; such keys go to it. */
  private static final int LONGEST_KEY = 1000;

  /** Thrown when the file is not one the reader reads exactly; never escapes {@link #read}. */
  private static final class HandOver extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final HandOver INSTANCE = new HandOver();

    private HandOver() {
      super(null, null, false, false);
    }
  }

  private final char[] s;
  private final int n;
  private final int[] lineStarts;
  private final Resolver resolver = new TreeParser.WordResolver();
  private final LocationIndex.Builder index = new LocationIndex.Builder();
  private final StringBuilder buffer = new StringBuilder();
  private int depth;

  /** The line of the last position asked for: positions are asked for mostly in order. */
  private int line;

  /** Where the token after the last node read starts (or the end of the text). */
  private int next;

  // What the last scalar scanner read: its value and where it ends.
  private String value;
  private int valueEnd;
  private int breaksRead;

  private BlockYamlReader(char[] chars, int[] lineStarts) {
    this.s = chars;
    this.n = chars.length;
    this.lineStarts = lineStarts;
  }

  /**
   * The parsed file, or null when the text holds something this reader hands over to SnakeYAML.
   * {@code chars} and {@code lineStarts} are the text's, as YAML reads it (line feeds, or carriage
   * return and line feed, only).
   */
  static ParsedFile read(SourceFile source, String text, char[] chars, int[] lineStarts) {
    BlockYamlReader reader = new BlockYamlReader(chars, lineStarts);
    try {
      int[] rootSpan = new int[LocationIndex.SPAN];
      JsonNode root = reader.document(rootSpan);
      return new ParsedFile(
          source,
          root,
          reader.index.build(root, rootSpan, lineStarts, text.length()),
          List.copyOf(reader.index.duplicates()),
          false);
    } catch (HandOver | StackOverflowError notRead) {
      return null; // SnakeYAML reads the file, or names what is wrong with it
    }
  }

  /**
   * Whether the '&' at {@code at} is an anchor as specs write one: after ':' or '-' and a space, a
   * name of letters, digits, '_', '.' or '-', then a blank. A file with aliases or merge keys has
   * anchors, often far into it (examples): TreeParser hands it to SnakeYAML at once, which spares
   * reading it up to there (apideck: a third of its 34,000 lines). Such an '&' in a description
   * only sends its file to SnakeYAML (in the corpus, none); an anchor written otherwise is handed
   * over where it is met.
   */
  static boolean isAnchor(char[] s, int at) {
    if (at < 2 || s[at - 1] != ' ') {
      return false;
    }
    int before = at - 1;
    while (before > 0 && s[before] == ' ') {
      before--;
    }
    int name = at + 1;
    while (name < s.length && isAnchorNameChar(s[name])) {
      name++;
    }
    return (s[before] == ':' || s[before] == '-')
        && name > at + 1
        && (name == s.length || s[name] == ' ' || s[name] == '\n' || s[name] == '\r');
  }

  private static boolean isAnchorNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  private static HandOver handOver() {
    return HandOver.INSTANCE;
  }

  // ---------------------------------------------------------------- structure

  private JsonNode document(int[] rootSpan) {
    int p = skipToContent(0, true);
    if (p < n && column(p) == 0 && isDocumentMarker(p, '-')) {
      p = skipToContent(toLineEnd(p + 3), false);
    }
    if (p == n) {
      throw handOver();
    }
    JsonNode root;
    if (at(p) == '-' && isBlankOrEnd(p + 1)) {
      root = sequence(p, false, rootSpan, LocationIndex.VALUE_START_LINE, TreeParser.Trail.ROOT);
    } else if (keyColon(p) >= 0) {
      root = mapping(p, rootSpan, LocationIndex.VALUE_START_LINE, TreeParser.Trail.ROOT);
    } else {
      throw handOver();
    }
    if (next != n) {
      throw handOver();
    }
    return root;
  }

  /**
   * A block mapping whose first key starts at {@code p}; leaves {@link #next} at the token after
   * it, which SnakeYAML's end event also marks.
   */
  private JsonNode mapping(int p, int[] span, int offset, TreeParser.Trail trail) {
    enter();
    int indent = column(p);
    ObjectNode object = NODES.objectNode();
    setStart(span, offset, p);
    while (true) {
      int colon = keyColon(p);
      if (colon < 0) {
        throw handOver();
      }
      String key = value;
      int[] positions = new int[LocationIndex.SPAN];
      setStart(positions, LocationIndex.KEY_START_LINE, p);
      setStart(positions, LocationIndex.KEY_END_LINE, valueEnd);
      if (key.equals("<<") && at(p) != '"' && at(p) != '\'') {
        throw handOver(); // a merge key
      }
      noteDuplicate(object, key, positions, trail);
      JsonNode member =
          valueAfter(
              colon + 1, indent, true, positions, LocationIndex.VALUE_START_LINE, trail, key);
      index.member(object, key, positions);
      object.set(key, member);
      p = next;
      if (p == n || column(p) < indent) {
        break;
      }
      if (column(p) > indent || (at(p) == '-' && isBlankOrEnd(p + 1))) {
        throw handOver();
      }
    }
    setStart(span, offset + 2, p);
    depth--;
    next = p;
    return object;
  }

  /**
   * A block sequence whose first entry's '-' is at {@code p}; {@code indentless}: it is a mapping's
   * value written at the mapping's own indentation, and ends at its next key.
   */
  private JsonNode sequence(
      int p, boolean indentless, int[] span, int offset, TreeParser.Trail trail) {
    enter();
    int indent = column(p);
    ArrayNode array = NODES.arrayNode();
    int[] elements = new int[4 * LocationIndex.SPAN];
    int count = 0;
    setStart(span, offset, p);
    while (true) {
      int at = count * LocationIndex.SPAN;
      if (at == elements.length) {
        elements = Arrays.copyOf(elements, at * 2);
      }
      JsonNode element =
          valueAfter(
              p + 1, indent, false, elements, at + LocationIndex.VALUE_START_LINE, trail, count);
      array.add(element);
      count++;
      p = next;
      if (p == n || column(p) < indent) {
        break;
      }
      if (column(p) > indent) {
        throw handOver();
      }
      if (at(p) != '-' || !isBlankOrEnd(p + 1)) {
        if (indentless) {
          break;
        }
        throw handOver();
      }
    }
    index.elements(array, Arrays.copyOf(elements, count * LocationIndex.SPAN));
    setStart(span, offset + 2, p);
    depth--;
    next = p;
    return array;
  }

  /**
   * The value after a mapping's ':' or a sequence's '-' (whose end is {@code p}), in a collection
   * at column {@code indent}; leaves {@link #next} at the next token.
   */
  private JsonNode valueAfter(
      int p,
      int indent,
      boolean ofMapping,
      int[] span,
      int offset,
      TreeParser.Trail trail,
      Object child) {
    int indicatorEnd = p;
    while (at(p) == ' ') {
      p++;
    }
    if (at(p) == '#' || isBreakOrEnd(p)) {
      int content = skipToContent(p, false);
      if (content < n) {
        int column = column(content);
        if (column > indent) {
          return node(content, indent, true, span, offset, trail, child);
        }
        if (ofMapping && column == indent && at(content) == '-' && isBlankOrEnd(content + 1)) {
          return sequence(content, true, span, offset, childTrail(trail, child));
        }
      }
      setStart(span, offset, indicatorEnd);
      setStart(span, offset + 2, indicatorEnd);
      next = content;
      return NODES.nullNode();
    }
    if (ofMapping) {
      return scalarValue(p, indent, span, offset, trail, child);
    }
    return node(p, indent, false, span, offset, trail, child);
  }

  /**
   * A node that starts a line's content ({@code ownLine}) or follows a sequence's '-': a mapping
   * when it is a key, a sequence on a line of its own, or a scalar.
   */
  private JsonNode node(
      int p,
      int indent,
      boolean ownLine,
      int[] span,
      int offset,
      TreeParser.Trail trail,
      Object child) {
    if (at(p) == '-' && isBlankOrEnd(p + 1)) {
      if (!ownLine) {
        throw handOver();
      }
      return sequence(p, false, span, offset, childTrail(trail, child));
    }
    if (keyColon(p) >= 0) {
      return mapping(p, span, offset, childTrail(trail, child));
    }
    return scalarValue(p, indent, span, offset, trail, child);
  }

  /**
   * Records a key that {@code object} already has, with both places, before its value is read (as
   * TreeParser's SnakeYAML path does: the later member wins).
   */
  private void noteDuplicate(
      ObjectNode object, String key, int[] positions, TreeParser.Trail trail) {
    if (object.has(key)) {
      int[] first = index.member(object, key, positions);
      index.duplicate(
          new DuplicateKey(
              trail.member(key).pointer(),
              TreeParser.regionOfKey(first),
              TreeParser.regionOfKey(positions)));
    }
  }

  private static TreeParser.Trail childTrail(TreeParser.Trail trail, Object child) {
    return child instanceof String key ? trail.member(key) : trail.element((Integer) child);
  }

  /**
   * A scalar or flow collection at {@code p} that is a value, not a key: the rest of its last line
   * holds only a comment.
   */
  private JsonNode scalarValue(
      int p, int indent, int[] span, int offset, TreeParser.Trail trail, Object child) {
    char c = at(p);
    JsonNode result;
    int after;
    if (c == '[' || c == '{') {
      result = flow(p, span, offset, childTrail(trail, child));
      after = valueEnd;
    } else if (c == '"' || c == '\'') {
      after = quoted(p);
      result = NODES.textNode(value);
    } else if (c == '|' || c == '>') {
      after = blockScalar(p, indent);
      result = NODES.textNode(value);
      setStart(span, offset, p);
      setStart(span, offset + 2, valueEnd);
      next = skipToContent(after, false);
      return result;
    } else if (isPlainStart(p)) {
      after = plain(p, indent);
      result = TreeParser.yamlScalar(resolver.resolve(NodeId.scalar, value, true), value);
    } else {
      throw handOver();
    }
    if (!result.isContainerNode()) {
      setStart(span, offset, p);
      setStart(span, offset + 2, valueEnd);
    }
    while (at(after) == ' ') {
      after++;
    }
    if (at(after) == '#') {
      after = lineEnd(after);
    }
    if (!isBreakOrEnd(after) && !startsItsLine(after)) {
      throw handOver();
    }
    next = skipToContent(after, false);
    return result;
  }

  /**
   * A flow sequence or mapping on one line, of scalars and flow collections, that starts at {@code
   * p}; its end is {@link #valueEnd}. Its keys are followed by ':' and a space, and no entry is
   * empty.
   */
  private JsonNode flow(int p, int[] span, int offset, TreeParser.Trail trail) {
    enter();
    setStart(span, offset, p);
    boolean isSequence = s[p] == '[';
    char close = isSequence ? ']' : '}';
    JsonNode result;
    p = flowSpaces(p + 1);
    if (isSequence) {
      ArrayNode array = NODES.arrayNode();
      int[] elements = new int[4 * LocationIndex.SPAN];
      int count = 0;
      while (at(p) != close) {
        int at = count * LocationIndex.SPAN;
        if (at == elements.length) {
          elements = Arrays.copyOf(elements, at * 2);
        }
        array.add(flowNode(p, elements, at + LocationIndex.VALUE_START_LINE, trail.element(count)));
        count++;
        p = flowEntryEnd(valueEnd, close);
      }
      index.elements(array, Arrays.copyOf(elements, count * LocationIndex.SPAN));
      result = array;
    } else {
      ObjectNode object = NODES.objectNode();
      while (at(p) != close) {
        int[] positions = new int[LocationIndex.SPAN];
        if (at(p) == '"' || at(p) == '\'') {
          quoted(p);
          if (lineOf(valueEnd) != lineOf(p)) {
            throw handOver();
          }
        } else {
          flowPlain(p);
        }
        String key = value;
        setStart(positions, LocationIndex.KEY_START_LINE, p);
        setStart(positions, LocationIndex.KEY_END_LINE, valueEnd);
        p = valueEnd;
        while (at(p) == ' ') {
          p++;
        }
        if (at(p) != ':' || at(p + 1) != ' ' || key.equals("<<")) {
          throw handOver();
        }
        p = flowSpaces(p + 1);
        noteDuplicate(object, key, positions, trail);
        JsonNode member = flowNode(p, positions, LocationIndex.VALUE_START_LINE, trail.member(key));
        index.member(object, key, positions);
        object.set(key, member);
        p = flowEntryEnd(valueEnd, close);
      }
      result = object;
    }
    p++;
    setStart(span, offset + 2, p);
    valueEnd = p;
    depth--;
    return result;
  }

  /** Past the spaces after an entry of a flow collection and its ',', if any. */
  private int flowEntryEnd(int p, char close) {
    p = flowSpaces(p);
    if (at(p) == ',') {
      p = flowSpaces(p + 1);
      if (at(p) == close) {
        throw handOver(); // a trailing comma
      }
    } else if (at(p) != close) {
      throw handOver();
    }
    return p;
  }

  private int flowSpaces(int p) {
    while (at(p) == ' ') {
      p++;
    }
    return p;
  }

  /** An entry's value in a flow collection: a scalar on one line or a flow collection. */
  private JsonNode flowNode(int p, int[] span, int offset, TreeParser.Trail trail) {
    char c = at(p);
    if (c == '[' || c == '{') {
      return flow(p, span, offset, trail);
    }
    JsonNode result;
    if (c == '"' || c == '\'') {
      quoted(p);
      if (lineOf(valueEnd) != lineOf(p)) {
        throw handOver();
      }
      result = NODES.textNode(value);
    } else {
      flowPlain(p);
      result = TreeParser.yamlScalar(resolver.resolve(NodeId.scalar, value, true), value);
    }
    setStart(span, offset, p);
    setStart(span, offset + 2, valueEnd);
    return result;
  }

  /**
   * A plain scalar in a flow collection, on one line, as SnakeYAML scans it there: ',', '?' and
   * brackets end it too.
   */
  private void flowPlain(int p) {
    char c = at(p);
    if (isBlankOrEnd(p)
        || ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0 && !(c == '-' && !isBlankOrEnd(p + 1)))) {
      throw handOver();
    }
    int start = p;
    int end = p;
    while (at(p) != '#') {
      int q = p;
      while (!isBlankOrEnd(q)
          && ",?[]{}".indexOf(s[q]) < 0
          && !(s[q] == ':' && (isBlankOrEnd(q + 1) || ",[]{}".indexOf(at(q + 1)) >= 0))) {
        q++;
      }
      if (q == p) {
        break;
      }
      p = q;
      end = p;
      while (at(p) == ' ' || at(p) == '\t') {
        p++;
      }
      if (lineBreak(p) > 0 || p == n || at(p) == '\r') {
        throw handOver(); // a flow collection over several lines
      }
      if (p == end) {
        break;
      }
    }
    value = new String(s, start, end - start);
    valueEnd = end;
  }

  /**
   * When a key starts at {@code p} (a plain or quoted scalar on one line, then ':' and a blank):
   * the position of its ':', with the key in {@link #value} and its end in {@link #valueEnd}; else
   * -1.
   */
  private int keyColon(int p) {
    char c = at(p);
    int end;
    if (c == '"' || c == '\'') {
      end = quoted(p);
      if (lineOf(end) != lineOf(p)) {
        return -1;
      }
      valueEnd = end;
      while (at(end) == ' ') {
        end++;
      }
      if (at(end) != ':' || !isBlankOrEnd(end + 1)) {
        return -1;
      }
    } else {
      if (!isPlainStart(p)) {
        return -1;
      }
      int chunkEnd = p;
      end = p;
      while (true) {
        c = at(end);
        if (c == ' ' || c == '\t') {
          end++;
          continue;
        }
        if (c == '\n' || c == '\r' || end == n || (c == '#' && end > p)) {
          return -1;
        }
        if (c == ':' && isBlankOrEnd(end + 1)) {
          break;
        }
        while (!isBlankOrEnd(end) && !(at(end) == ':' && isBlankOrEnd(end + 1))) {
          end++;
        }
        chunkEnd = end;
      }
      value = new String(s, p, chunkEnd - p);
      valueEnd = chunkEnd;
    }
    if (end - p > LONGEST_KEY) {
      throw handOver();
    }
    return end;
  }

  /** As SnakeYAML's checkPlain in block context. */
  private boolean isPlainStart(int p) {
    char c = at(p);
    if (isBlankOrEnd(p)) {
      return false;
    }
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0) {
      return true;
    }
    return (c == '-' || c == '?' || c == ':') && !isBlankOrEnd(p + 1);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw handOver();
    }
  }

  /**
   * The next token from {@code p}: past spaces, comments and line breaks. A tab, or a document
   * marker at the start of a line, hands over.
   */
  private int skipToContent(int p, boolean atStart) {
    while (true) {
      while (at(p) == ' ') {
        p++;
      }
      char c = at(p);
      if (c == '#') {
        p = lineEnd(p);
        c = at(p);
      }
      if (c == '\n') {
        p++;
      } else if (c == '\r' && at(p + 1) == '\n') {
        p += 2;
      } else if (p == n) {
        return p;
      } else if (c == '\t' || c == '\r') {
        throw handOver();
      } else {
        if (column(p) == 0
            && (c == '%' || isDocumentMarker(p, '.') || (!atStart && isDocumentMarker(p, '-')))) {
          throw handOver();
        }
        return p;
      }
    }
  }

  private boolean isDocumentMarker(int p, char c) {
    return at(p) == c && at(p + 1) == c && at(p + 2) == c && isBlankOrEnd(p + 3);
  }

  /** Past spaces and a comment to the end of the line; anything else there hands over. */
  private int toLineEnd(int p) {
    while (at(p) == ' ') {
      p++;
    }
    if (at(p) == '#') {
      p = lineEnd(p);
    }
    if (!isBreakOrEnd(p)) {
      throw handOver();
    }
    return p;
  }

  /** Whether only spaces precede {@code p} on its line. */
  private boolean startsItsLine(int p) {
    for (int i = lineStarts[lineOf(p)]; i < p; i++) {
      if (s[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- scalars, as SnakeYAML scans

  /**
   * A plain scalar in a collection at column {@code indent}; returns where scanning stopped. On one
   * line its value is its text; a line break folds into a space, or into the breaks of the blank
   * lines after it.
   */
  private int plain(int p, int indent) {
    int start = p;
    int end = p;
    int minColumn = indent + 1;
    boolean folded = false; // the value is in the buffer, no longer the text from start to end
    int spacesFrom = p;
    int breaks = -1; // of the folded line break before the next chunk; -1: none
    buffer.setLength(0);
    while (at(p) != '#') {
      int q = p;
      while (!isBlankOrEnd(q) && !(s[q] == ':' && isBlankOrEnd(q + 1))) {
        q++;
      }
      if (q == p) {
        break;
      }
      if (folded) {
        if (breaks < 0) {
          buffer.append(s, spacesFrom, p - spacesFrom);
        } else if (breaks == 0) {
          buffer.append(' ');
        } else {
          appendBreaks(buffer, breaks);
        }
        buffer.append(s, p, q - p);
      }
      p = q;
      end = p;
      spacesFrom = p;
      while (at(p) == ' ' || at(p) == '\t') {
        p++;
      }
      int lineBreak = lineBreak(p);
      if (lineBreak == 0) {
        breaks = -1;
        if (p == spacesFrom) {
          break;
        }
      } else {
        if (!folded) {
          buffer.append(s, start, end - start);
          folded = true;
        }
        p += lineBreak;
        breaks = 0;
        while (true) {
          if (isDocumentMarkerPrefix(p)) {
            throw handOver(); // SnakeYAML ends the scalar there; what follows is not ours
          }
          while (at(p) == ' ') {
            p++;
          }
          int next = lineBreak(p);
          if (next == 0) {
            break;
          }
          p += next;
          breaks++;
        }
      }
      if (at(p) == '#' || column(p) < minColumn) {
        break;
      }
    }
    value = folded ? buffer.toString() : new String(s, start, end - start);
    valueEnd = end;
    return p;
  }

  /** As scanPlainSpaces: "---", or "..." and a blank, after a line break ends a plain scalar. */
  private boolean isDocumentMarkerPrefix(int p) {
    return (at(p) == '-' && at(p + 1) == '-' && at(p + 2) == '-') || isDocumentMarker(p, '.');
  }

  /** A single- or double-quoted scalar; returns the position after its closing quote. */
  private int quoted(int p) {
    boolean isDouble = s[p] == '"';
    char quote = s[p];
    buffer.setLength(0);
    p = quotedNonSpaces(p + 1, isDouble);
    while (at(p) != quote) {
      p = quotedSpaces(p);
      p = quotedNonSpaces(p, isDouble);
    }
    p++;
    value = buffer.toString();
    valueEnd = p;
    return p;
  }

  private int quotedNonSpaces(int p, boolean isDouble) {
    while (true) {
      int q = p;
      char c;
      while (!isBlankOrEnd(q) && (c = s[q]) != '\'' && c != '"' && c != '\\') {
        q++;
      }
      buffer.append(s, p, q - p);
      p = q;
      c = at(p);
      if (!isDouble && c == '\'' && at(p + 1) == '\'') {
        buffer.append('\'');
        p += 2;
      } else if ((isDouble && c == '\'') || (!isDouble && (c == '"' || c == '\\'))) {
        buffer.append(c);
        p++;
      } else if (isDouble && c == '\\') {
        p++;
        c = at(p);
        String replacement = ScannerImpl.ESCAPE_REPLACEMENTS.get(c);
        Integer length = replacement == null ? ScannerImpl.ESCAPE_CODES.get(c) : null;
        if (replacement != null) {
          buffer.append(replacement);
          p++;
        } else if (length != null) {
          p++;
          if (p + length > n) {
            throw handOver();
          }
          int code = 0;
          for (int i = p; i < p + length; i++) {
            int digit = Character.digit(s[i], 16);
            if (digit < 0 || s[i] > 'f') {
              throw handOver();
            }
            code = code * 16 + digit;
          }
          if (code < 0 || !Character.isValidCodePoint(code)) {
            throw handOver();
          }
          buffer.appendCodePoint(code);
          p += length;
        } else if (lineBreak(p) > 0) {
          p += lineBreak(p);
          p = quotedBreaks(p, buffer);
        } else {
          throw handOver();
        }
      } else {
        return p;
      }
    }
  }

  private int quotedSpaces(int p) {
    int whitespace = p;
    while (at(p) == ' ' || at(p) == '\t') {
      p++;
    }
    if (p == n) {
      throw handOver();
    }
    int lineBreak = lineBreak(p);
    if (lineBreak == 0) {
      buffer.append(s, whitespace, p - whitespace);
      return p;
    }
    int breaksAt = buffer.length();
    p = quotedBreaks(p + lineBreak, buffer);
    if (buffer.length() == breaksAt) {
      buffer.append(' ');
    }
    return p;
  }

  /** Line breaks (and the blanks around them) inside a quoted scalar, each read as a '\n'. */
  private int quotedBreaks(int p, StringBuilder into) {
    while (true) {
      if (isDocumentMarker(p, '-') || isDocumentMarker(p, '.')) {
        throw handOver();
      }
      while (at(p) == ' ' || at(p) == '\t') {
        p++;
      }
      int lineBreak = lineBreak(p);
      if (lineBreak == 0) {
        return p;
      }
      into.append('\n');
      p += lineBreak;
    }
  }

  /**
   * A literal ('|') or folded ('>') block scalar in a collection at column {@code indent}; returns
   * where scanning stopped, with its end mark in {@link #valueEnd}.
   */
  private int blockScalar(int p, int indent) {
    boolean folded = s[p] == '>';
    p++;
    Boolean chomping = null;
    int increment = -1;
    char c = at(p);
    if (c == '-' || c == '+') {
      chomping = c == '+';
      p++;
      c = at(p);
      if (c >= '1' && c <= '9') {
        increment = c - '0';
        p++;
      }
    } else if (c >= '1' && c <= '9') {
      increment = c - '0';
      p++;
      c = at(p);
      if (c == '-' || c == '+') {
        chomping = c == '+';
        p++;
      }
    }
    if (!isBlankOrEnd(p) || at(p) == '\t') {
      throw handOver();
    }
    p = toLineEnd(p);
    p += lineBreak(p);
    int minIndent = Math.max(indent + 1, 1);
    StringBuilder text = buffer;
    text.setLength(0);
    int breaks;
    int end;
    int blockIndent;
    if (increment == -1) {
      breaks = 0;
      end = p;
      int maxIndent = 0;
      while (at(p) == ' ' || lineBreak(p) > 0) {
        if (at(p) != ' ') {
          p += lineBreak(p);
          breaks++;
          end = p;
        } else {
          p++;
          maxIndent = Math.max(maxIndent, column(p));
        }
      }
      blockIndent = Math.max(minIndent, maxIndent);
    } else {
      blockIndent = minIndent + increment - 1;
      p = blockScalarBreaks(p, blockIndent);
      breaks = breaksRead;
      end = valueEnd;
    }
    boolean lineBreak = false;
    while (p < n && column(p) == blockIndent) {
      appendBreaks(text, breaks);
      boolean leadingNonSpace = s[p] != ' ' && s[p] != '\t';
      int q = p;
      while (q < n && s[q] != '\n' && s[q] != '\r') {
        q++;
      }
      text.append(s, p, q - p);
      p = q;
      int length = lineBreak(p);
      if (length == 0 && p < n) {
        throw handOver(); // a lone carriage return
      }
      lineBreak = length > 0;
      p = blockScalarBreaks(p + length, blockIndent);
      breaks = breaksRead;
      end = valueEnd;
      if (p < n && column(p) == blockIndent) {
        if (folded && lineBreak && leadingNonSpace && s[p] != ' ' && s[p] != '\t') {
          if (breaks == 0) {
            text.append(' ');
          }
        } else if (lineBreak) {
          text.append('\n');
        }
      } else {
        break;
      }
    }
    if (chomping == null || chomping) {
      if (lineBreak) {
        text.append('\n');
      }
    }
    if (chomping != null && chomping) {
      appendBreaks(text, breaks);
    }
    value = text.toString();
    valueEnd = end;
    return p;
  }

  /**
   * As SnakeYAML's scanBlockScalarBreaks: past up to {@code indent} spaces, then past each line
   * break and the spaces after it. Their number goes to {@link #breaksRead}; {@link #valueEnd}
   * becomes the position after the last (or {@code p}).
   */
  private int blockScalarBreaks(int p, int indent) {
    valueEnd = p;
    breaksRead = 0;
    p = skipIndentation(p, indent);
    while (lineBreak(p) > 0) {
      p += lineBreak(p);
      breaksRead++;
      valueEnd = p;
      p = skipIndentation(p, indent);
    }
    return p;
  }

  private static void appendBreaks(StringBuilder text, int breaks) {
    for (int i = 0; i < breaks; i++) {
      text.append('\n');
    }
  }

  /** Past up to {@code indent} columns of spaces at the start of a line. */
  private int skipIndentation(int p, int indent) {
    int column = column(p);
    while (column < indent && at(p) == ' ') {
      p++;
      column++;
    }
    return p;
  }

  // ---------------------------------------------------------------- characters and positions

  private char at(int p) {
    return p < n ? s[p] : '\0';
  }

  /** As SnakeYAML's NULL_BL_T_LINEBR, for a text whose only line breaks are LF and CR LF. */
  private boolean isBlankOrEnd(int p) {
    if (p >= n) {
      return true;
    }
    char c = s[p];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private boolean isBreakOrEnd(int p) {
    return p >= n || s[p] == '\n' || s[p] == '\r';
  }

  /** The length of the line break at {@code p}: 1 for LF, 2 for CR LF, else 0. */
  private int lineBreak(int p) {
    if (p >= n) {
      return 0;
    }
    if (s[p] == '\n') {
      return 1;
    }
    return s[p] == '\r' && p + 1 < n && s[p + 1] == '\n' ? 2 : 0;
  }

  /** Where the line of {@code p} ends (before its line break). */
  private int lineEnd(int p) {
    while (p < n && s[p] != '\n' && s[p] != '\r') {
      p++;
    }
    return p;
  }

  private int lineOf(int p) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= p) {
      line++;
    }
    while (lineStarts[line] > p) {
      line--;
    }
    return line;
  }

  private int column(int p) {
    return p - lineStarts[lineOf(p)];
  }

  /** Writes the line and column of {@code p} (both from 1) at {@code offset} of {@code span}. */
  private void setStart(int[] span, int offset, int p) {
    int at = lineOf(p);
    span[offset] = at + 1;
    span[offset + 1] = p - lineStarts[at] + 1;
  }
}

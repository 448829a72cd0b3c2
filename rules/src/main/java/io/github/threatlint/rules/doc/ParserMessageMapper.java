package io.github.threatlint.rules.doc;

import static io.github.threatlint.rules.doc.ParserMessageWording.describe;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.rules.doc.ParserMessage.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns swagger-parser's messages into findings on the node they are about, from four parts: the
 * message's grammar ({@link ParserMessage}), the nodes its dotted path stands for ({@link
 * DottedPathMatcher}), the messages known to be wrong ({@link KnownParserMistakes}) and the wording
 * ({@link ParserMessageWording}). A message that matches nothing completely lands on the deepest
 * node its text reaches, and is never dropped unless it is known to be wrong. Messages in prose
 * (warnings) and repeated names are read here.
 */
final class ParserMessageMapper {
  /** A finding to report: where and what. */
  record Mapped(NodeRef node, String message) {}

  private final ApiDocument document;
  private final NodeRef root;
  private final DottedPathMatcher matcher;
  private final KnownParserMistakes mistakes;
  private final ParserMessageWording wording;

  ParserMessageMapper(ApiDocument document) {
    this.document = document;
    this.root = document.root();
    this.matcher = new DottedPathMatcher(document);
    this.mistakes = new KnownParserMistakes(document);
    this.wording = new ParserMessageWording(document);
  }

  /**
   * The findings for one message: usually one, several when the message stands for several places,
   * none when dropped.
   */
  List<Mapped> map(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.startsWith(ApiDocument.UNREADABLE_VALUE)) {
      return List.of(mapUnreadable(text.substring(ApiDocument.UNREADABLE_VALUE.length())));
    }
    ParserMessage parsed = ParserMessage.parse(text);
    if (parsed == null) {
      return mapWarning(text);
    }
    Kind kind = parsed.kind();
    String path = parsed.path();
    String key = parsed.key();
    String expectedType = parsed.expectedType();
    if (key.endsWith(" with no media type")) {
      // "attribute ...requestBody.content with no media type is unsupported"
      String field = key.substring(0, key.indexOf(' '));
      String owner = path.substring(0, path.length() - key.length());
      List<NodeRef> targets = matcher.findPresent(owner + field, field);
      NodeRef target = targets.isEmpty() ? matcher.deepestReached(owner + field) : targets.get(0);
      if (!isParameterOrHeaderContent(target)) {
        // only a parameter's or header's content must have exactly one entry; a request body's may
        // be empty
        return List.of();
      }
      return List.of(
          new Mapped(
              target,
              "'"
                  + field
                  + "' in "
                  + describe(
                      root.nearest(
                          Pointers.parent(target.pointer()) == null
                              ? ""
                              : Pointers.parent(target.pointer())))
                  + " lists no media type: add one, such as application/json."));
    }
    if (mistakes.dropsMessage(parsed)) {
      return List.of();
    }
    if (kind == Kind.REPEATED) {
      return mapRepeated(path, key, text);
    }
    List<NodeRef> targets =
        kind == Kind.MISSING
            ? matcher.findMissing(path, key)
            : key.isEmpty()
                ? matcher.findNonSchema(path)
                : matcher.findPresent(path, key, kind == Kind.WRONG_TYPE ? expectedType : null);
    boolean bundled = kind == Kind.WRONG_TYPE && matcher.reachesBundledValue(path, expectedType);
    if (bundled) {
      // the message is (also) about a value a bundler inlines: only other fields of that name are
      // problems
      targets =
          targets.stream()
              .filter(target -> Pointers.lastSegment(target.pointer()).equals(key))
              .toList();
    }
    List<Mapped> mapped = new ArrayList<>();
    for (NodeRef target : targets) {
      if (mistakes.dropsTarget(parsed, target)) {
        continue;
      }
      mapped.add(new Mapped(target, wording.message(parsed, target)));
    }
    if (targets.isEmpty() && !bundled) {
      NodeRef nearest = matcher.deepestReached(path);
      mapped.add(
          new Mapped(
              nearest,
              "Structural problem reported by the OpenAPI parser at "
                  + describe(nearest)
                  + ": "
                  + text
                  + ". Fix the document so that it follows the specification."));
    }
    return mapped;
  }

  /**
   * A content map that belongs to a parameter or header (in a list, in components, or in a
   * response's headers).
   */
  private static boolean isParameterOrHeaderContent(NodeRef content) {
    List<String> segments = Pointers.segments(content.pointer());
    int size = segments.size();
    return size >= 3
        && (segments.get(size - 3).equals("parameters")
            || segments.get(size - 3).equals("headers"));
  }

  /**
   * {@code /paths/~1pets/get: expected an object, found a string}: a value the parser cannot read
   * at all.
   */
  private Mapped mapUnreadable(String rest) {
    int colon = rest.indexOf(": ");
    String pointer = colon < 0 ? rest : rest.substring(0, colon);
    String what = colon < 0 ? "" : rest.substring(colon + 2);
    NodeRef node = root.nearest(pointer);
    if (node.pointer().isEmpty()) {
      return new Mapped(
          node,
          "The OpenAPI parser cannot read this document ("
              + what
              + "): fix its structure; "
              + "until then no other structural problem can be reported.");
    }
    String parentPointer = Pointers.parent(node.pointer());
    String where =
        parentPointer == null ? "the document root" : describe(root.nearest(parentPointer));
    return new Mapped(
        node,
        "'"
            + Pointers.lastSegment(node.pointer())
            + "' in "
            + where
            + " has the wrong type ("
            + what
            + "): the OpenAPI parser cannot read the document because of it; correct the value.");
  }

  // ------------------------------------------------------------------ repeated and warnings

  private List<Mapped> mapRepeated(String path, String key, String text) {
    NodeRef tags = root.get("tags");
    if (path.equals("tags." + key) && tags != null) {
      List<Mapped> mapped = new ArrayList<>();
      boolean first = true;
      for (NodeRef tag : tags.elements()) {
        if (tag.isObject() && key.equals(tag.text("name"))) {
          if (!first) {
            mapped.add(
                new Mapped(
                    tag,
                    "Tag '"
                        + key
                        + "' is declared more than once in 'tags': keep one declaration "
                        + "and merge the descriptions."));
          }
          first = false;
        }
      }
      if (!mapped.isEmpty()) {
        return mapped;
      }
    }
    NodeRef nearest = matcher.deepestReached(path);
    return List.of(
        new Mapped(
            nearest,
            "'"
                + key
                + "' is repeated at "
                + describe(nearest)
                + " ("
                + text
                + "): each must be unique."));
  }

  private List<Mapped> mapWarning(String text) {
    if (KnownParserMistakes.dropsWarning(text)) {
      return List.of();
    }
    DottedPathMatcher.State best = new DottedPathMatcher.State(root, 0, 0);
    for (DottedPathMatcher.State state : matcher.walk(text, 2, false)) {
      int pos = state.pos();
      boolean boundary = pos == text.length() || text.charAt(pos) == '.' || text.charAt(pos) == ' ';
      if (boundary && (pos > best.pos() || (pos == best.pos() && state.cost() < best.cost()))) {
        best = state;
      }
    }
    String remainder = text.substring(best.pos()).replaceFirst("^\\.?\\s*", "").strip();
    Mapped mapped = warningMessage(best.node(), remainder, text);
    return mapped == null ? List.of() : List.of(mapped);
  }

  private static final Pattern NAME_PATTERN =
      Pattern.compile(
          "(?:PathItem key|Link name|Parameter name|Callback key|Header name|SecurityScheme name|Schema name|Example name"
              + "|RequestBody name|Response key|[A-Za-z]+ (?:name|key)) (.+) doesn't adhere to regular expression .*");

  /** The finding for a warning, or null when the warning is not a problem spec-invalid reports. */
  private Mapped warningMessage(NodeRef node, String remainder, String text) {
    Matcher resource = Pattern.compile("Resource (.+) should start with /").matcher(remainder);
    if (resource.matches()
        && root.get("paths") != null
        && root.get("paths").has(resource.group(1))) {
      return new Mapped(
          root.get("paths").get(resource.group(1)),
          "Path '"
              + resource.group(1)
              + "' does not start "
              + "with '/': write path templates relative to the server URL, starting with a slash.");
    }
    Matcher name = NAME_PATTERN.matcher(remainder);
    if (name.matches()) {
      NodeRef member = node.isObject() ? node.get(name.group(1)) : null;
      return new Mapped(
          member != null ? member : node,
          "Component name '"
              + name.group(1)
              + "' contains characters "
              + "that component names may not use: use only letters, digits, '.', '-' and '_'.");
    }
    if (remainder.startsWith("examples already defined")) {
      NodeRef example = node.isObject() ? node.get("example") : null;
      return new Mapped(
          example != null ? example : node,
          "Both 'example' and 'examples' are given at "
              + describe(node)
              + ": tools ignore 'example' then; keep only one of them.");
    }
    if (remainder.equals("There are duplicate parameter values")) {
      NodeRef duplicate = duplicateParameter(node);
      return new Mapped(
          duplicate != null ? duplicate : node,
          "A parameter is declared twice (same name and location) "
              + "at "
              + describe(node)
              + ": a parameter is identified by name and location, so declare each once.");
    }
    Matcher type = Pattern.compile("(invalid|duplicated) type (.*)").matcher(remainder);
    if (type.matches() && node.isObject() && node.has("type")) {
      String what =
          type.group(1).equals("invalid") ? "is not a JSON Schema type" : "is listed twice";
      return new Mapped(
          node.get("type"),
          "Type '"
              + type.group(2)
              + "' "
              + what
              + " at "
              + describe(node)
              + ": use null, boolean, object, array, number, string or integer, each once.");
    }
    if (remainder.startsWith("enum array MUST NOT be empty")
        && node.isObject()
        && node.has("enum")) {
      return new Mapped(
          node.get("enum"),
          "The enum of server variable "
              + describe(node)
              + " is empty: list at least "
              + "the default value, or leave enum out.");
    }
    if (node.isObject() && node.has("url") && remainder.equals(node.text("url"))) {
      if (isServer(node) || (!document.isSwagger2() && isUriReference(remainder))) {
        // server URLs are server-url-invalid's; OpenAPI 3 allows relative references wherever a URL
        // is asked for
        return null;
      }
      return new Mapped(
          node.get("url"),
          "The url '"
              + remainder
              + "' of "
              + describe(node)
              + " is not a valid URL: "
              + "write an absolute URL.");
    }
    Matcher invalidUrl =
        Pattern.compile("(?i)(?:jsonSchemaDialect\\. )?invalid url ?: ?(.*)").matcher(remainder);
    if (invalidUrl.matches() && isServer(node)) {
      return null; // server-url-invalid reports server URLs, undefined variables included
    }
    if (invalidUrl.matches()) {
      NodeRef at =
          node.isObject() && node.has("url")
              ? node.get("url")
              : node.isObject() && node.has("jsonSchemaDialect")
                  ? node.get("jsonSchemaDialect")
                  : node;
      return new Mapped(
          at,
          "'"
              + invalidUrl.group(1)
              + "' at "
              + describe(node)
              + " is not a valid URL: correct it, "
              + "and define every {variable} it uses.");
    }
    Matcher target =
        Pattern.compile("target (\\S+) is not of expected type (.+)").matcher(remainder);
    if (target.matches()) {
      String parent = Pointers.parent(node.pointer());
      String expected = target.group(2).replace("/", " or ").toLowerCase(Locale.ROOT);
      return new Mapped(
          node,
          "The reference to "
              + target.group(1)
              + " in "
              + describe(parent == null ? node : root.nearest(parent))
              + " leads to something that is not a "
              + expected
              + ": point it at a "
              + expected
              + " definition.");
    }
    if (remainder.startsWith("multipleOf value must be > 0")
        && node.isObject()
        && node.has("multipleOf")) {
      return new Mapped(
          node.get("multipleOf"), "multipleOf must be greater than 0 at " + describe(node) + ".");
    }
    if (remainder.isEmpty()) {
      remainder = text;
    }
    return new Mapped(
        node,
        "Structural problem at "
            + describe(node)
            + ": "
            + remainder
            + (remainder.endsWith(".") ? "" : ".")
            + " Fix the document so that it follows the specification.");
  }

  /**
   * A Server Object: an element of a servers list (root, path item or operation) or a link's
   * server.
   */
  private static boolean isServer(NodeRef node) {
    String parent = Pointers.parent(node.pointer());
    return (parent != null && Pointers.lastSegment(parent).equals("servers"))
        || Pointers.lastSegment(node.pointer()).equals("server");
  }

  /**
   * A valid URI or relative reference (RFC 3986), such as {@code /contact} or {@code
   * docs/index.html}.
   */
  private static boolean isUriReference(String value) {
    try {
      new java.net.URI(value);
      return !value.isBlank();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /**
   * The second of two parameters with the same name and location in a parameters list (resolved).
   */
  private NodeRef duplicateParameter(NodeRef owner) {
    NodeRef list =
        owner.isObject() ? owner.get("parameters") : owner.node().isArray() ? owner : null;
    if (list == null) {
      return null;
    }
    Map<String, NodeRef> seen = new HashMap<>();
    for (NodeRef entry : list.elements()) {
      NodeRef definition = document.deref(entry);
      if (definition == null || !definition.isObject()) {
        continue;
      }
      String id = definition.text("in") + ":" + definition.text("name");
      if (seen.putIfAbsent(id, entry) != null) {
        return entry;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ wording
}

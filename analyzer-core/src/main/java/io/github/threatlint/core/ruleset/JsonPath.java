package io.github.threatlint.core.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSONPath as Spectral reads it (JSONPath-Plus): {@code $}, {@code .key}, {@code ['key']}, {@code
 * [n]}, {@code [*]}, {@code .*}, {@code ..} (deep scan), unions {@code [a,'b',0]}, filters {@code
 * [?(expression)]} (see {@link FilterExpression}) and a final {@code ~} (the keys instead of the
 * values). Compiled once per run; {@link #evaluate} runs it over a {@link DocumentView}. What it
 * cannot read (script selectors {@code [(...)]}, slices, {@code ^}) is refused when compiled.
 */
final class JsonPath {
  private final String text;
  private final List<Step> steps;
  private final boolean keys;

  private JsonPath(String text, List<Step> steps, boolean keys) {
    this.text = text;
    this.steps = steps;
    this.keys = keys;
  }

  /** One step: a selector, applied to the children of each place, or to all descendants. */
  private record Step(boolean deep, List<Selector> selectors) {}

  private sealed interface Selector {}

  private record Name(String key) implements Selector {}

  private record Index(int index) implements Selector {}

  private record Wildcard() implements Selector {}

  private record Filter(FilterExpression expression) implements Selector {}

  String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  /** Compiles a path; an {@link IllegalArgumentException} says what is wrong and where. */
  static JsonPath compile(String text) {
    return new Parser(text).parse();
  }

  /** The places the path reaches from {@code start}, in document order, each once. */
  List<Place> evaluate(DocumentView view, Place start) {
    List<Place> current = List.of(start);
    for (Step step : steps) {
      List<Place> next = new ArrayList<>();
      for (Place place : step.deep ? descendantsOrSelf(view, current) : current) {
        select(view, place, step.selectors, next);
      }
      current = next;
    }
    current = once(current);
    if (!keys) {
      return current;
    }
    List<Place> keyPlaces = new ArrayList<>();
    for (Place place : current) {
      if (place.parent() != null) {
        keyPlaces.add(place.asKey());
      }
    }
    return keyPlaces;
  }

  private static void select(
      DocumentView view, Place place, List<Selector> selectors, List<Place> out) {
    for (Selector selector : selectors) {
      if (selector instanceof Name name) {
        add(out, view.child(place, name.key()));
      } else if (selector instanceof Index index) {
        JsonNode node = place.node().node();
        int at = index.index() < 0 && node.isArray() ? node.size() + index.index() : index.index();
        add(out, at >= 0 && node.isArray() ? view.child(place, at) : null);
      } else if (selector instanceof Wildcard) {
        out.addAll(view.children(place));
      } else if (selector instanceof Filter filter) {
        for (Place child : view.children(place)) {
          if (filter.expression().test(view, child)) {
            out.add(child);
          }
        }
      }
    }
  }

  private static void add(List<Place> out, Place place) {
    if (place != null) {
      out.add(place);
    }
  }

  /**
   * Each place and everything below it. An object or array reached twice (a schema several
   * references lead to) is scanned once: its findings are at the place where it is written either
   * way; but once through a {@code $ref} and once without, as a {@code $ref} with siblings below it
   * is shown at different places then ({@link Place#shown()}).
   */
  private static List<Place> descendantsOrSelf(DocumentView view, List<Place> starts) {
    List<Place> all = new ArrayList<>();
    Set<JsonNode> direct = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<JsonNode> viaRef = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Place start : starts) {
      collect(view, start, all, direct, viaRef);
    }
    return all;
  }

  /**
   * The places, each node under one key shown at one place once (a deep scan may reach it both
   * through a {@code $ref} and without).
   */
  private static List<Place> once(List<Place> places) {
    Map<JsonNode, Set<List<Object>>> seen = new IdentityHashMap<>();
    List<Place> once = new ArrayList<>(places.size());
    for (Place place : places) {
      if (seen.computeIfAbsent(place.node().node(), node -> new HashSet<>(2))
          .add(Arrays.asList(place.shown(), place.key()))) {
        once.add(place);
      }
    }
    return once;
  }

  private static void collect(
      DocumentView view, Place place, List<Place> out, Set<JsonNode> direct, Set<JsonNode> viaRef) {
    JsonNode node = place.node().node();
    if (node.isContainerNode() && !(place.viaRef() ? viaRef : direct).add(node)) {
      if (place.shown() != place.node()) {
        // reached again through a $ref with siblings: shown there, so a place of its own
        out.add(place);
      }
      return;
    }
    out.add(place);
    if (node.isContainerNode()) {
      for (Place child : view.children(place)) {
        collect(view, child, out, direct, viaRef);
      }
    }
  }

  /** A recursive descent parser over the path text. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    JsonPath parse() {
      if (!text.startsWith("$")) {
        throw problem("a JSONPath starts with '$'");
      }
      at = 1;
      List<Step> steps = new ArrayList<>();
      boolean keys = false;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (keys) {
          throw problem("'~' (the keys) can only end a path");
        }
        if (c == '~') {
          keys = true;
          at++;
        } else if (text.startsWith("..", at)) {
          at += 2;
          if (at < text.length() && text.charAt(at) == '[') {
            steps.add(new Step(true, bracket()));
          } else {
            steps.add(new Step(true, List.of(dotted())));
          }
        } else if (c == '.' && at + 1 < text.length() && text.charAt(at + 1) == '[') {
          at++; // JSONPath-Plus reads .[...] as [...]
          steps.add(new Step(false, bracket()));
        } else if (c == '.') {
          at++;
          steps.add(new Step(false, List.of(dotted())));
        } else if (c == '[') {
          steps.add(new Step(false, bracket()));
        } else if (c == '^') {
          throw problem("'^' (the parent) is not supported");
        } else {
          throw problem("unexpected '" + c + "'");
        }
      }
      return new JsonPath(text, List.copyOf(steps), keys);
    }

    private Selector dotted() {
      if (at < text.length() && text.charAt(at) == '*') {
        at++;
        return new Wildcard();
      }
      if (at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"')) {
        return new Name(quoted(text.charAt(at))); // .'/status', as JSONPath-Plus reads it
      }
      int start = at;
      while (at < text.length() && ".[~^".indexOf(text.charAt(at)) < 0) {
        at++;
      }
      if (at == start) {
        throw problem("a name is missing after '.'");
      }
      return new Name(text.substring(start, at));
    }

    private List<Selector> bracket() {
      at++; // [
      List<Selector> selectors = new ArrayList<>();
      while (true) {
        skipSpaces();
        selectors.add(selector());
        skipSpaces();
        if (at >= text.length()) {
          throw problem("']' is missing");
        }
        char c = text.charAt(at++);
        if (c == ']') {
          return List.copyOf(selectors);
        }
        if (c != ',') {
          throw problem("',' or ']' expected");
        }
      }
    }

    private Selector selector() {
      if (at >= text.length()) {
        throw problem("']' is missing");
      }
      char c = text.charAt(at);
      if (c == '\'' || c == '"') {
        return new Name(quoted(c));
      }
      if (c == '*') {
        at++;
        return new Wildcard();
      }
      if (c == '?') {
        at++;
        skipSpaces();
        if (at >= text.length() || text.charAt(at) != '(') {
          throw problem("a filter is written [?(expression)]");
        }
        int close = FilterExpression.endOfParenthesis(text, at);
        if (close < 0) {
          throw problem("the filter's ')' is missing");
        }
        String expression = text.substring(at + 1, close);
        try {
          FilterExpression filter = FilterExpression.compile(expression);
          at = close + 1;
          return new Filter(filter);
        } catch (IllegalArgumentException e) {
          throw problem("in the filter (" + expression + "): " + e.getMessage());
        }
      }
      if (c == '(') {
        throw problem("script selectors [(...)] are not supported");
      }
      int start = at;
      while (at < text.length() && ",]".indexOf(text.charAt(at)) < 0) {
        at++;
      }
      String bare = text.substring(start, at).strip();
      if (bare.contains(":")) {
        throw problem("array slices [a:b] are not supported");
      }
      if (bare.matches("-?\\d{1,9}")) {
        return new Index(Integer.parseInt(bare));
      }
      if (bare.isEmpty()) {
        throw problem("an empty selector");
      }
      return new Name(bare);
    }

    private String quoted(char quote) {
      StringBuilder value = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '\\' && at < text.length()) {
          value.append(text.charAt(at++));
        } else if (c == quote) {
          return value.toString();
        } else {
          value.append(c);
        }
      }
      throw problem("the quote " + quote + " is not closed");
    }

    private void skipSpaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }

    private IllegalArgumentException problem(String what) {
      return new IllegalArgumentException(
          "invalid JSONPath '" + text + "' at character " + (at + 1) + ": " + what);
    }
  }
}

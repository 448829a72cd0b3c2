package io.github.threatlint.core.ruleset;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.RuleContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ruleset's rule run on one document, inside threatlint's one pass: its JSONPaths evaluated on
 * the document (resolved or as written), each target given to its function, each result reported
 * where its node is written (in a referenced file too), once per place and message.
 */
final class DeclaredRuleCheck implements Checks.DocumentCheck {
  private final DeclaredRule rule;
  private final Set<String> reported = new HashSet<>();

  DeclaredRuleCheck(DeclaredRule rule) {
    this.rule = rule;
  }

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    if (!rule.formats().isEmpty() && !rule.formats().contains(document.version())) {
      return;
    }
    DocumentView view = new DocumentView(document, rule.resolved());
    Place root = view.root();
    for (JsonPath given : rule.given()) {
      for (Place place : given.evaluate(view, root)) {
        for (DeclaredRule.Then then : rule.then()) {
          for (Located target : targets(view, place, then)) {
            RuleFunction.Target input =
                new RuleFunction.Target(
                    view,
                    target.missing.isEmpty() ? target.place : null,
                    target.missing.isEmpty()
                        ? FilterExpression.valueOf(target.place)
                        : FilterExpression.UNDEFINED);
            for (RuleFunction.Result result : then.function().apply(input)) {
              List<Object> keys = new ArrayList<>(target.missing);
              keys.addAll(result.below());
              report(view, locate(view, target.place, keys), result.message(), context);
            }
          }
        }
      }
    }
  }

  /** A place and the keys below it that do not exist (empty when the place itself is meant). */
  private record Located(Place place, List<Object> missing) {}

  /** Spectral's lint targets: the node itself, its keys ({@code @key}), or its field. */
  private static List<Located> targets(DocumentView view, Place place, DeclaredRule.Then then) {
    boolean container = !place.keyOnly() && place.node().node().isContainerNode();
    if (then.field() == null || !container) {
      return List.of(new Located(place, List.of()));
    }
    List<Located> targets = new ArrayList<>();
    if (then.field().equals("@key")) {
      if (place.node().node().isObject()) {
        for (Place child : view.children(place)) {
          targets.add(new Located(child.asKey(), List.of()));
        }
      }
    } else if (then.fieldPath() != null) {
      for (Place found : then.fieldPath().evaluate(view, place)) {
        targets.add(new Located(found, List.of()));
      }
    } else {
      targets.add(locate(view, place, then.fieldKeys()));
    }
    if (targets.isEmpty()) {
      targets.add(new Located(place, List.of(FilterExpression.UNDEFINED)));
    }
    return targets;
  }

  /** The place the keys lead to from {@code start}, or the deepest one that exists on the way. */
  private static Located locate(DocumentView view, Place start, List<Object> keys) {
    Place place = start;
    for (int i = 0; i < keys.size(); i++) {
      Object key = keys.get(i);
      if (key == FilterExpression.UNDEFINED) {
        return new Located(place, keys.subList(i, keys.size()));
      }
      Object childKey = key;
      if (key instanceof String text && place.node().node().isArray() && text.matches("\\d{1,9}")) {
        childKey = Integer.parseInt(text);
      }
      Place child = view.child(place, childKey);
      if (child == null) {
        return new Located(place, List.copyOf(keys.subList(i, keys.size())));
      }
      place = child;
    }
    return new Located(place, List.of());
  }

  private void report(DocumentView view, Located at, String functionMessage, RuleContext context) {
    Place place = at.place;
    List<Object> path = place.path();
    List<Object> missing = new ArrayList<>();
    for (Object key : at.missing) {
      if (key != FilterExpression.UNDEFINED) {
        missing.add(key);
      }
    }
    Map<String, Object> vars = new HashMap<>();
    String property;
    if (!missing.isEmpty()) {
      List<Object> shown = new ArrayList<>();
      if (!path.isEmpty()) {
        shown.add(path.get(path.size() - 1));
      }
      shown.addAll(missing);
      property = String.join(".", shown.stream().map(String::valueOf).toList());
    } else {
      property = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
    }
    vars.put("property", property);
    vars.put("path", "#" + pointer(path));
    vars.put("description", rule.description());
    vars.put("value", place.keyOnly() ? place.property() : place.node().node());
    vars.put("error", functionMessage);
    String error = Printer.render(functionMessage, vars);
    vars.put("error", error);
    String message =
        (rule.message() == null
                ? rule.description() != null ? rule.description() : error
                : Printer.render(rule.message(), vars))
            .strip();
    NodeRef node = place.shown();
    if (!reported.add(node.key() + "\n" + message)) {
      return;
    }
    Level level = severity(node);
    if (level == Level.OFF) {
      return;
    }
    context.report(node, message, level);
  }

  private static String pointer(List<Object> path) {
    String pointer = "";
    for (Object key : path) {
      pointer =
          key instanceof Integer index
              ? Pointers.child(pointer, index)
              : Pointers.child(pointer, String.valueOf(key));
    }
    return pointer;
  }

  /** The ruleset's severity for a finding on {@code node}: the last override that matches. */
  private Level severity(NodeRef node) {
    Level level = rule.metadata().level();
    Path file = node.file().source().path();
    for (DeclaredRule.FileSeverity override : rule.overrides()) {
      if (file == null) {
        continue;
      }
      Path absolute = file.toAbsolutePath().normalize();
      if (!absolute.startsWith(override.folder())) {
        continue;
      }
      String relative = override.folder().relativize(absolute).toString().replace('\\', '/');
      if (override.files().matches(relative)
          && (override.pointer() == null
              || Pointers.isWithin(node.pointer(), override.pointer()))) {
        level = override.level();
      }
    }
    return level;
  }
}

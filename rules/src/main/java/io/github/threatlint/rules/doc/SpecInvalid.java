package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.DuplicateKey;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RelatedLocation;
import io.github.threatlint.core.api.Resolution;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
    id = "spec-invalid",
    title = "Structurally invalid document",
    description =
        "A structural problem of the document: a required field missing, a value of the wrong type, a key "
            + "written twice, an unknown field where none is allowed, a path template whose parameters are not declared "
            + "(or the reverse), a query string in a path. Tools disagree on how to read an invalid document, so gateways, "
            + "validators and generated code may not enforce what the author meant. One finding per problem, on its node.",
    level = Level.ERROR,
    cost = RuleInfo.Cost.HIGH,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"DSO"},
    sftiScenarios = {"Buggy APIs get to production"},
    securitySeverity = 5.0,
    precision = "very-high",
    section = "doc",
    readsParserMessages = true)
public final class SpecInvalid
    implements Checks.DocumentCheck,
        Checks.ParameterCheck,
        Checks.ReferenceCheck,
        Checks.DocumentEndCheck {
  private static final Set<String> SWAGGER2_LOCATIONS =
      Set.of("query", "header", "path", "formData", "body");
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^{}]+)}");

  /**
   * Every file the walk met, in order: duplicate keys are reported for each at the end (identity: a
   * parsed file's own hash code would hash its whole tree).
   */
  private final Set<ParsedFile> files = Collections.newSetFromMap(new IdentityHashMap<>());

  private final List<ParsedFile> fileOrder = new ArrayList<>();

  /**
   * Findings already made (pointer and message), so that two sources never report one problem
   * twice.
   */
  private final Set<String> reported = new HashSet<>();

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    addFile(document.rootFile());
    ParserMessageMapper mapper = new ParserMessageMapper(document);
    for (String message : document.parserMessages()) {
      for (ParserMessageMapper.Mapped mapped : mapper.map(message)) {
        if (!aboutOperationReference(mapped.node())) {
          report(context, mapped.node(), mapped.message());
        }
      }
    }
    checkPathTemplates(document, context);
  }

  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    // swagger-parser 1.x silently drops a Swagger 2.0 parameter with an unknown location (3.x
    // reports it): the version's own list of locations is the point here
    if (parameter.version().isSwagger2()
        && parameter.node().has("in")
        && !SWAGGER2_LOCATIONS.contains(parameter.in())) {
      report(
          context,
          parameter.node().get("in"),
          "Parameter '"
              + parameter.name()
              + "' has in: '"
              + parameter.in()
              + "', which Swagger 2.0 does not know: use query, header, path, formData or body.");
    }
    if (parameter.in().equals("path") && !parameter.required()) {
      String name = parameter.name();
      report(
          context,
          parameter.node().has("required") ? parameter.node().get("required") : parameter.node(),
          "Path parameter '"
              + name
              + "' must be declared with required: true: a path parameter is part of the URL and "
              + "is always present.");
    }
  }

  @Override
  public void checkReference(NodeRef reference, RuleContext context) {
    addFile(reference.file());
    Resolution step = context.document().step(reference);
    if (step.resolved()) {
      addFile(step.target().file());
    }
  }

  @Override
  public void finishDocument(ApiDocument document, RuleContext context) {
    for (ParsedFile file : fileOrder) {
      for (DuplicateKey duplicate : file.duplicateKeys()) {
        NodeRef node = NodeRef.root(file).nearest(duplicate.pointer());
        String key = Pointers.lastSegment(duplicate.pointer());
        String message =
            "Key '"
                + key
                + "' is written twice in the same object: parsers keep only one "
                + "of the two values, and not all the same one; remove or merge the duplicate.";
        // the finding is on one of the two keys (or on the object): the related places are the rest
        Region at = file.index().region(node.pointer());
        List<RelatedLocation> related = new ArrayList<>();
        if (!duplicate.first().equals(at)) {
          related.add(
              new RelatedLocation(
                  file, duplicate.pointer(), duplicate.first(), "first '" + key + "'"));
        }
        if (!duplicate.second().equals(at)) {
          related.add(
              new RelatedLocation(
                  file, duplicate.pointer(), duplicate.second(), "second '" + key + "'"));
        }
        if (reported.add(node.key() + "\n" + message + duplicate.first())) {
          context.report(node, message, null, related);
        }
      }
    }
  }

  // ------------------------------------------------------------------ path templates

  private void checkPathTemplates(ApiDocument document, RuleContext context) {
    Map<String, List<Operation>> byPath = new LinkedHashMap<>();
    for (Operation operation : document.operations()) {
      byPath.computeIfAbsent(operation.path(), path -> new ArrayList<>()).add(operation);
    }
    NodeRef paths = document.root().get("paths");
    for (Map.Entry<String, List<Operation>> entry : byPath.entrySet()) {
      String path = entry.getKey();
      int query = path.indexOf('?');
      if (query >= 0 && paths != null && paths.get(path) != null) {
        report(
            context,
            paths.get(path),
            "The path '"
                + path
                + "' contains a query string ('"
                + path.substring(query)
                + "'): a path template ends before '?'; remove the query from the path and declare its values as "
                + "parameters with in: query.");
      }
      Set<String> template = templateVariables(query >= 0 ? path.substring(0, query) : path);
      // variables of a query string in the path are reported with it, not once more as undeclared
      // templates
      Set<String> inQuery = query >= 0 ? templateVariables(path.substring(query)) : Set.of();
      Map<String, List<Operation>> undeclared = new LinkedHashMap<>();
      for (Operation operation : entry.getValue()) {
        if (operation.node().isRef() || hasUnresolvedParameter(document, operation)) {
          continue; // what an unresolved parameter (or operation) declares is unknown here
        }
        Set<String> declared = new HashSet<>();
        for (Parameter parameter : operation.parameters("path")) {
          declared.add(parameter.name());
          if (!template.contains(parameter.name()) && !inQuery.contains(parameter.name())) {
            report(
                context,
                parameter.entry(),
                "Path parameter '"
                    + parameter.name()
                    + "' is declared, but the path '"
                    + path
                    + "' has no {"
                    + parameter.name()
                    + "}: rename the parameter to match the template, or remove it.");
          }
        }
        for (String variable : template) {
          if (!declared.contains(variable)) {
            undeclared.computeIfAbsent(variable, name -> new ArrayList<>()).add(operation);
          }
        }
      }
      for (Map.Entry<String, List<Operation>> missing : undeclared.entrySet()) {
        String variable = missing.getKey();
        List<Operation> operations = missing.getValue();
        if (operations.size() == entry.getValue().size()
            && paths != null
            && paths.get(path) != null) {
          report(
              context,
              paths.get(path),
              "The path '"
                  + path
                  + "' uses {"
                  + variable
                  + "}, but no parameter '"
                  + variable
                  + "' with in: path is declared for it: declare it (with required: true) in the path item's "
                  + "parameters, so that every operation of the path gets it.");
        } else {
          for (Operation operation : operations) {
            report(
                context,
                operation.node(),
                operation.label()
                    + " does not declare the path parameter '"
                    + variable
                    + "' that its path uses: add a parameter '"
                    + variable
                    + "' with in: path and required: true.");
          }
        }
      }
    }
  }

  /**
   * An operation written as a {@code $ref} to another file (as bundlers such as Redocly allow, and
   * as threatlint follows) is read by swagger-parser as an operation with an unknown field and no
   * responses: those two messages are about how the document is split, not about its structure.
   */
  private static boolean aboutOperationReference(NodeRef node) {
    List<String> segments = Pointers.segments(node.pointer());
    boolean operation =
        segments.size() == 3
            && (segments.get(0).equals("paths") || segments.get(0).equals("webhooks"))
            && Operation.METHODS.contains(segments.get(2));
    boolean operationRef =
        segments.size() == 4
            && segments.get(3).equals("$ref")
            && Operation.METHODS.contains(segments.get(2));
    return (operation && node.isRef()) || operationRef;
  }

  static Set<String> templateVariables(String path) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = TEMPLATE_VARIABLE.matcher(path);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static boolean hasUnresolvedParameter(ApiDocument document, Operation operation) {
    for (NodeRef list :
        new NodeRef[] {
          operation.pathItem().get("parameters"), operation.node().get("parameters")
        }) {
      if (list == null) {
        continue;
      }
      for (NodeRef entry : list.elements()) {
        if (entry.isRef() && document.deref(entry) == null) {
          return true;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ helpers

  private void addFile(ParsedFile file) {
    if (files.add(file)) {
      fileOrder.add(file);
    }
  }

  private void report(RuleContext context, NodeRef node, String message) {
    if (reported.add(node.key() + "\n" + message)) {
      context.report(node, message);
    }
  }
}

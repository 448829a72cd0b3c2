package io.github.threatlint.rules.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Resolution;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.DocumentWide;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "component-unused",
    title = "Unused component",
    description =
        "A reusable component (schema, parameter, response, request body, header, example, link, callback, "
            + "path item) that nothing in any file of the document references. Dead definitions blur the inventory of what "
            + "the API really exposes and drift out of date unnoticed. Unused security schemes are security-scheme-unused's. A "
            + "section none of whose components is referenced is one finding, on the section.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.HIGH,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 1.0,
    precision = "high",
    section = "doc")
public final class ComponentUnused
    implements Checks.ReferenceCheck,
        Checks.SchemaCheck,
        Checks.NodeCheck,
        Checks.DocumentEndCheck {
  /**
   * Component sections (OAS 3 components, Swagger 2.0 root sections) and how messages name their
   * members. Security schemes are left out: an unused one is security-scheme-unused's finding (with
   * its unused scopes), so it is reported once.
   */
  private static final Map<String, String> SECTIONS =
      Map.of(
          "schemas", "Schema",
          "definitions", "Schema",
          "responses", "Response",
          "parameters", "Parameter",
          "examples", "Example",
          "requestBodies", "Request body",
          "headers", "Header",
          "links", "Link",
          "callbacks", "Callback",
          "pathItems", "Path item");

  private static final int MAX_EXTENSION_DEPTH = 32;

  /** "section/name" of every component something refers to. */
  private final Set<String> used = new HashSet<>();

  /**
   * The pointers {@link #markPointer} has read: most references lead to a component referenced
   * before (Stripe: 2,000 references to 560 places), whose pointer need not be split again.
   */
  private final Set<String> marked = new HashSet<>();

  /** A reference into another file could not be followed: what that file uses is unknown. */
  private boolean incomplete;

  @Override
  public void checkReference(NodeRef reference, RuleContext context) {
    ApiDocument document = context.document();
    Resolution step = document.step(reference);
    if (!step.resolved()) {
      String ref = reference.ref();
      if (!ref.startsWith("#")) {
        incomplete = true;
      }
      return;
    }
    if (isRootFile(document, step.target().file())) {
      markPointer(document, step.target().pointer());
    }
  }

  /** Discriminator mappings name schemas by reference or by name: both are uses. */
  @Override
  public void checkSchema(SchemaVisit schema, RuleContext context) {
    NodeRef discriminator = schema.node().get("discriminator");
    NodeRef mapping = discriminator == null ? null : discriminator.get("mapping");
    if (mapping == null || !isRootFile(context.document(), schema.node().file())) {
      return;
    }
    String schemas = context.document().version().schemasPointer();
    for (Map.Entry<String, NodeRef> entry : mapping.members()) {
      String target = entry.getValue().node().asText();
      if (target.startsWith("#/")) {
        markPointer(context.document(), target.substring(1));
      } else if (!target.contains("/") && !target.contains("#")) {
        markPointer(context.document(), Pointers.child(schemas, target));
      }
    }
  }

  /**
   * A reference written inside an extension ({@code x-mapped-definition: {$ref: ...}}) or inside an
   * example's literal value (one example composed of another) is not followed by tools, but it
   * shows that the author uses the component: it counts.
   */
  @Override
  public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
    if (!isRootFile(context.document(), node.file())) {
      return;
    }
    // the tree's own members: every object of the document is read here, and only the names and
    // values are needed, not a ref for each member
    for (Map.Entry<String, JsonNode> member : node.node().properties()) {
      String key = member.getKey();
      boolean literal = key.equals("example") || (kind == NodeKind.EXAMPLE && key.equals("value"));
      if ((key.startsWith("x-") || literal) && member.getValue().isContainerNode()) {
        markReferencesIn(context.document(), member.getValue(), 0);
      }
    }
  }

  private void markReferencesIn(ApiDocument document, JsonNode value, int depth) {
    if (depth > MAX_EXTENSION_DEPTH) {
      return;
    }
    if (value.isObject()) {
      JsonNode ref = value.get("$ref");
      if (ref != null && ref.isTextual() && ref.textValue().startsWith("#/")) {
        markPointer(document, ref.textValue().substring(1));
      }
    }
    for (JsonNode child : value) {
      if (child.isContainerNode()) {
        markReferencesIn(document, child, depth + 1);
      }
    }
  }

  @Override
  public void finishDocument(ApiDocument document, RuleContext context) {
    if (incomplete || !describesOperations(document)) {
      return; // a library of components, or uses we cannot see: nothing can be called unused
    }
    NodeRef base = document.root().at(document.version().componentsPointer());
    if (base == null) {
      return;
    }
    for (String section : document.version().componentSections()) {
      NodeRef container = base.get(section);
      if (container == null || !SECTIONS.containsKey(section)) {
        continue;
      }
      List<Map.Entry<String, NodeRef>> members =
          container.members().stream().filter(member -> !member.getKey().startsWith("x-")).toList();
      List<Map.Entry<String, NodeRef>> unused =
          members.stream()
              .filter(member -> !used.contains(section + "/" + member.getKey()))
              .toList();
      if (unused.size() > 1 && unused.size() == members.size()) {
        // nothing uses the section at all (the document writes its copies inline): one fact of the
        // document, not one note per member
        context.report(
            container,
            "None of the "
                + unused.size()
                + " components under '"
                + section
                + "' is referenced ("
                + DocumentWide.firstOfLabels(unused.stream().map(Map.Entry::getKey).toList())
                + "): remove the section, or reference its members where they are meant to be used.");
        continue;
      }
      for (Map.Entry<String, NodeRef> member : unused) {
        context.report(
            member.getValue(),
            SECTIONS.get(section)
                + " '"
                + member.getKey()
                + "' is declared but nothing "
                + "references it: remove it, or reference it where it is meant to be used.");
      }
    }
  }

  /**
   * Marks the component a pointer of the root file lies in (the pointer may lead deeper into it).
   */
  private void markPointer(ApiDocument document, String pointer) {
    if (!marked.add(pointer)) {
      return;
    }
    List<String> segments = Pointers.segments(pointer);
    List<String> base = Pointers.segments(document.version().componentsPointer());
    int at = base.size();
    if (segments.size() >= at + 2 && segments.subList(0, at).equals(base)) {
      used.add(segments.get(at) + "/" + segments.get(at + 1));
    }
  }

  private static boolean describesOperations(ApiDocument document) {
    return !document.allOperations().isEmpty() || document.root().has("webhooks");
  }

  private static boolean isRootFile(ApiDocument document, ParsedFile file) {
    ParsedFile root = document.rootFile();
    if (file == root) {
      return true;
    }
    return root.source().path() != null
        && file.source().path() != null
        && root.source()
            .path()
            .toAbsolutePath()
            .normalize()
            .equals(file.source().path().toAbsolutePath().normalize());
  }
}

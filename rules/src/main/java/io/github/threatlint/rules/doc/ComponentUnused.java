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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "component-unused",
    title = "Unused component",
    description =
        "A reusable component (schema, parameter, response, request body, header, example, link, callback, "
            + "path item) that nothing in any file of the document references. Dead definitions blur the inventory of what "
            + "the API really exposes and drift out of date unnoticed. Unused security schemes are security-scheme-unused's.",
    level = Level.NOTE,
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
   * OAS 3 component sections and how messages name their members. Security schemes are left out: an
   * unused one is security-scheme-unused's finding (with its unused scopes), so it is reported
   * once.
   */
  private static final Map<String, String> OPENAPI3_SECTIONS = new LinkedHashMap<>();

  /** Swagger 2.0 top-level sections of reusable definitions. */
  private static final Map<String, String> SWAGGER2_SECTIONS = new LinkedHashMap<>();

  static {
    OPENAPI3_SECTIONS.put("schemas", "Schema");
    OPENAPI3_SECTIONS.put("responses", "Response");
    OPENAPI3_SECTIONS.put("parameters", "Parameter");
    OPENAPI3_SECTIONS.put("examples", "Example");
    OPENAPI3_SECTIONS.put("requestBodies", "Request body");
    OPENAPI3_SECTIONS.put("headers", "Header");
    OPENAPI3_SECTIONS.put("links", "Link");
    OPENAPI3_SECTIONS.put("callbacks", "Callback");
    OPENAPI3_SECTIONS.put("pathItems", "Path item");
    SWAGGER2_SECTIONS.put("definitions", "Schema");
    SWAGGER2_SECTIONS.put("parameters", "Parameter");
    SWAGGER2_SECTIONS.put("responses", "Response");
  }

  private static final int MAX_EXTENSION_DEPTH = 32;

  /** "section/name" of every component something refers to. */
  private final Set<String> used = new HashSet<>();

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
    String prefix = context.document().isSwagger2() ? "#/definitions/" : "#/components/schemas/";
    for (Map.Entry<String, NodeRef> entry : mapping.members()) {
      String target = entry.getValue().node().asText();
      if (target.startsWith("#/")) {
        markPointer(context.document(), target.substring(1));
      } else if (!target.contains("/") && !target.contains("#")) {
        markPointer(
            context.document(), Pointers.child(prefix.substring(1, prefix.length() - 1), target));
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
    for (Map.Entry<String, NodeRef> member : node.members()) {
      String key = member.getKey();
      boolean literal = key.equals("example") || (kind == NodeKind.EXAMPLE && key.equals("value"));
      if ((key.startsWith("x-") || literal) && member.getValue().node().isContainerNode()) {
        markReferencesIn(context.document(), member.getValue().node(), 0);
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
    boolean swagger2 = document.isSwagger2();
    NodeRef base = swagger2 ? document.root() : document.root().get("components");
    if (base == null) {
      return;
    }
    for (Map.Entry<String, String> section :
        (swagger2 ? SWAGGER2_SECTIONS : OPENAPI3_SECTIONS).entrySet()) {
      NodeRef container = base.get(section.getKey());
      if (container == null) {
        continue;
      }
      for (Map.Entry<String, NodeRef> member : container.members()) {
        if (member.getKey().startsWith("x-")
            || used.contains(section.getKey() + "/" + member.getKey())) {
          continue;
        }
        context.report(
            member.getValue(),
            section.getValue()
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
    List<String> segments = Pointers.segments(pointer);
    if (document.isSwagger2()) {
      if (segments.size() >= 2 && SWAGGER2_SECTIONS.containsKey(segments.get(0))) {
        used.add(segments.get(0) + "/" + segments.get(1));
      }
    } else if (segments.size() >= 3 && segments.get(0).equals("components")) {
      used.add(segments.get(1) + "/" + segments.get(2));
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

package io.github.threatlint.rules.data;

import io.github.threatlint.core.model.ApiDocument;
import io.github.threatlint.core.model.NodeRef;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleContext;
import io.github.threatlint.core.rule.RuleInfo;
import io.github.threatlint.core.rule.RuleOption;
import io.github.threatlint.core.rule.SchemaVisit;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import io.github.threatlint.rules.support.Words;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "request-server-managed-field",
    title = "Request body exposes a server-managed field",
    description = "A request body's schema has a property only the server should set (role, isAdmin, permissions, "
        + "balance, owner; and id, createdAt, updatedAt, createdBy, status when the same schema is also returned) "
        + "without readOnly: true: a client can set it, and a back end that binds the body to its model lets it (mass "
        + "assignment).",
    level = Level.WARNING,
    owasp2023 = {"API3"},
    owasp2019 = {"API6"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 6.0,
    precision = "medium",
    section = "data")
public final class RequestServerManagedField implements Checks.SchemaCheck {
  private static final Set<String> COMPOSITION = Set.of("allOf", "oneOf", "anyOf");

  @RuleOption(description = "Property names (compared ignoring case and separators) that grant rights or hold money: "
      + "reported in any schema clients send.")
  public List<String> names = List.of("role", "roles", "isAdmin", "admin", "permissions", "privileges", "scopes",
      "balance", "owner", "ownerId");

  @RuleOption(description = "Property names (compared ignoring case and separators) that the server assigns: reported "
      + "when the schema clients send is also returned (one model for reading and writing) or of unknown use (a document "
      + "without operations); a schema "
      + "only sent by clients names them on purpose (a client-chosen id, an event's own timestamp).")
  public List<String> sharedModelNames = List.of("id", "createdAt", "created", "createdOn", "creationDate",
      "createdDate", "createdBy", "updatedAt", "updated", "updatedOn", "updatedBy", "modifiedAt", "modifiedOn",
      "modifiedBy", "lastModified", "lastModifiedAt", "lastModifiedBy", "deletedAt", "status");

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (!schema.has("properties") || !isRequestBody(visit) || Schemas.isReadOnly(visit)) {
      return;
    }
    ApiDocument document = visit.document();
    boolean sharedModel = visit.isOutput() || visit.isUnknownUse();
    for (Map.Entry<String, NodeRef> property : Schemas.properties(schema)) {
      String name = property.getKey();
      boolean managed = Words.isAny(name, names) || (sharedModel && Words.isAny(name, sharedModelNames));
      if (!managed || readOnly(document, visit, name, property.getValue())) {
        continue;
      }
      context.report(property.getValue(), "Property '" + name + "' of " + SchemaLabels.of(visit.document(), schema) + " looks managed by "
          + "the server, yet the schema is " + Schemas.usageLabel(visit) + " and does not mark it readOnly: add "
          + "readOnly: true (or use a separate request schema without it) so that clients cannot set it.");
    }
  }

  private static boolean readOnly(ApiDocument document, SchemaVisit object, String name, NodeRef property) {
    if (Schemas.flag(document, property, "readOnly")) {
      return true;
    }
    for (NodeRef other : Schemas.otherDeclarations(object, name)) {
      if (other.isTrue("readOnly")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The whole body of a request, or a schema definition of a document without operations (judged as
   * one); a nested
   * object (an address, a reference to another object) names its own id on purpose.
   */
  private static boolean isRequestBody(SchemaVisit visit) {
    if (visit.isRequestRoot()) {
      return true;
    }
    if (!visit.isUnknownUse()) {
      return false;
    }
    SchemaVisit current = visit;
    while (current.parent() != null && COMPOSITION.contains(current.keyword())) {
      current = current.parent();
    }
    return current.parent() == null;
  }
}

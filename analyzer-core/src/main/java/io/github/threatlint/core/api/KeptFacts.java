package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * The facts of a document that an edit of prose (the text of {@code description} and {@code
 * summary} members) cannot change, kept from one analysis of the document to the next by a front
 * end that analyses it again and again (the language server's {@code CheckCache}): its {@link
 * ReferenceUsers} (they follow {@code $ref} values, operations and parameters) and its {@link
 * SchemaUsage} (schemas, references, composition and discriminator mappings). For a document whose
 * tree differs from theirs in prose alone, each is mapped onto the new tree ({@link #onto(Map)}):
 * the same places, by pointer, with the new tree's node at each, which costs a look-up per place
 * instead of following every operation through the document again. The operations, the security
 * schemes and the rules' own facts read prose or hand out the tree's nodes to the rules, and are
 * worked out again.
 */
public final class KeptFacts {
  /** The members whose text is prose, when it is a string. */
  public static final Set<String> PROSE_MEMBERS = Set.of("description", "summary");

  private final ParsedFile file;
  private final ReferenceUsers referenceUsers;
  private final SchemaUsage schemaUsage;

  /**
   * Each container node of the tree the facts were worked out on, to the node at its place in the
   * tree they are mapped onto; null until mapped.
   */
  private final Map<JsonNode, JsonNode> nodes;

  private KeptFacts(
      ParsedFile file,
      ReferenceUsers referenceUsers,
      SchemaUsage schemaUsage,
      Map<JsonNode, JsonNode> nodes) {
    this.file = file;
    this.referenceUsers = referenceUsers;
    this.schemaUsage = schemaUsage;
    this.nodes = nodes;
  }

  /**
   * The facts of {@code document} that were worked out in its analysis and that a prose edit cannot
   * change; null when there are none, or when one of them may depend on another file (the document
   * reached one: it may change unseen) or on text a prose edit may change.
   */
  public static KeptFacts of(ApiDocument document) {
    ReferenceUsers users = document.referenceUsersIfWorkedOut();
    SchemaUsage usage = document.schemaUsageIfWorkedOut();
    if (usage != null && usage.readsProse()) {
      usage = null;
    }
    if (document.files().size() > 1 || (users == null && usage == null)) {
      return null;
    }
    return new KeptFacts(document.rootFile(), users, usage, null);
  }

  /**
   * These facts for a document whose tree differs from theirs in prose alone, {@code nodes} mapping
   * each container node of their tree to the node at the same place in the new one.
   */
  public KeptFacts onto(Map<JsonNode, JsonNode> nodes) {
    return new KeptFacts(file, referenceUsers, schemaUsage, nodes);
  }

  /** The reference users mapped onto {@code next}'s tree, or null when none were kept. */
  ReferenceUsers referenceUsers(ApiDocument next) {
    return referenceUsers == null ? null : referenceUsers.onto(next, this);
  }

  /** The schema usage mapped onto {@code next}'s tree, or null when none was kept. */
  SchemaUsage schemaUsage(ApiDocument next) {
    return schemaUsage == null ? null : schemaUsage.onto(next.rootFile(), this);
  }

  /**
   * The place of {@code kept} (a ref of the tree the facts were worked out on) in {@code next}: the
   * same pointer, with the new tree's node there (a scalar's is looked up by its pointer: the map
   * holds containers only).
   */
  NodeRef place(NodeRef kept, ParsedFile next) {
    if (kept.file() != file) {
      throw new IllegalStateException("a kept fact names another file: " + kept);
    }
    JsonNode node = kept.node();
    JsonNode mapped = node == null ? null : nodes.get(node);
    if (node != null && mapped == null) {
      NodeRef at = NodeRef.root(next).at(kept.pointer());
      mapped = at == null ? null : at.node();
    }
    return new NodeRef(next, kept.pointer(), mapped);
  }
}

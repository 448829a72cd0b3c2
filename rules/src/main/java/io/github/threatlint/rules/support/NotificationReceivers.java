package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;

/**
 * A document that describes the endpoint a client hosts to receive the API's notifications (a TPP's
 * webhook, written under paths): its operations are called by the API, not by clients, so how the
 * receiver authenticates the sender is callback-insecure's question, not a client security scheme.
 */
public final class NotificationReceivers {
  /** Words of a title or description that make the document a receiver of notifications. */
  private static final List<String> RECEIVER_TERMS =
      List.of("tpp endpoint", "client endpoint", "subscriber endpoint", "webhook");

  /** Words of a path that receives notifications. */
  private static final List<String> NOTIFICATION_PATH_WORDS =
      List.of(
          "notification",
          "notifications",
          "webhook",
          "webhooks",
          "callback",
          "callbacks",
          "events");

  private NotificationReceivers() {}

  /**
   * A POST or PUT on a path that names notifications, events, webhooks or callbacks: where a
   * receiver's document takes them.
   */
  public static boolean receivesOnItsPath(Operation operation) {
    return (operation.method().equals("post") || operation.method().equals("put"))
        && Words.containsAny(operation.path(), NOTIFICATION_PATH_WORDS);
  }

  /**
   * The operations are a receiver's document's whole surface: there are some, the document is a
   * receiver's ({@link #evidence}, read once) and each receives notifications on its path.
   */
  public static boolean allInbound(List<Operation> operations) {
    return !operations.isEmpty()
        && evidence(operations.get(0).document()) != null
        && operations.stream().allMatch(NotificationReceivers::receivesOnItsPath);
  }

  /**
   * Why the document is a receiver of notifications, or null: its title or description names a TPP
   * or client endpoint, or a webhook, or a server is described as the TPP's webhook server.
   */
  public static String evidence(ApiDocument document) {
    NodeRef info = document.root().get("info");
    String title = Words.lower(info == null ? null : info.text("title"));
    String description = Words.lower(info == null ? null : info.text("description"));
    for (String term : RECEIVER_TERMS) {
      if (title.contains(term)) {
        return "the title says '" + term + "'";
      }
      if (description.contains(term)) {
        return "the description says '" + term + "'";
      }
    }
    NodeRef servers = document.root().get("servers");
    for (NodeRef server : servers == null ? List.<NodeRef>of() : servers.elements()) {
      String text = Words.lower(server.text("description"));
      for (String term : RECEIVER_TERMS) {
        if (text.contains(term)) {
          return "a server is described as '" + term + "'";
        }
      }
    }
    return null;
  }
}

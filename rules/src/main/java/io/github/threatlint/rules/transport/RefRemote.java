package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Resolution;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.Locale;

@RuleInfo(
    id = "ref-remote",
    title = "Remote reference",
    description =
        "A $ref to an http(s) URL takes part of the API contract from a server outside the repository: "
            + "whoever controls it can change the contract unreviewed. Over plain http anyone on the network path can.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API10"},
    owasp2019 = {},
    sftiAreas = {"DSO"},
    sftiScenarios = {"Buggy APIs get to production"},
    securitySeverity = 5.5,
    precision = "very-high",
    section = "transport")
public final class RefRemote implements Checks.ReferenceCheck {
  @Override
  public void checkReference(NodeRef reference, RuleContext context) {
    String ref = reference.ref();
    int hash = ref.indexOf('#');
    String location = (hash < 0 ? ref : ref.substring(0, hash)).trim().toLowerCase(Locale.ROOT);
    boolean plain = location.startsWith("http://");
    if (!plain && !location.startsWith("https://")) {
      return;
    }
    Resolution resolution = context.document().step(reference);
    String fetched =
        resolution.resolved() ? "" : " It was not fetched: " + resolution.problem() + ".";
    NodeRef value = reference.get("$ref");
    if (plain) {
      context.report(
          value,
          "The reference '"
              + ref
              + "' loads part of the API description over plain http: anyone "
              + "on the network path can replace it, and with it the contract clients and gateways rely on."
              + fetched
              + " Keep a reviewed copy in the repository and reference it by a relative path.",
          Level.ERROR);
    } else {
      context.report(
          value,
          "The reference '"
              + ref
              + "' takes part of the API description from another server: whoever "
              + "controls it can change this contract without a review here."
              + fetched
              + " Keep a reviewed copy in the repository and reference it by a relative path.");
    }
  }
}

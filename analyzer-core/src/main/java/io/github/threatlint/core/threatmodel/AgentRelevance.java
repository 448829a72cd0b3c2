package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.facts.ApiFacts;
import io.github.threatlint.core.vocabulary.ServerUrls;
import io.github.threatlint.core.vocabulary.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges which threat agents of the paper matter for an API from what its description exposes (the
 * {@link ApiFacts} of its document): OAuth2 client applications bring in third-party providers,
 * public servers internet attackers, user delegation and customer data customers' compromised
 * devices. Hosting and ecosystem facts are not in a spec; those agents are marked to verify.
 */
final class AgentRelevance {
  private static final List<String> CLIENT_ID = List.of("client_id");

  /** Flows in which users sign in and delegate to the client (OAuth2 and OpenID Connect). */
  private static final Set<String> USER_FLOWS =
      Set.of("authorizationCode", "implicit", "password", "deviceAuthorization");

  private final ApiFacts facts;
  private final List<AssetPresence> assets;

  private AgentRelevance(ApiFacts facts, List<AssetPresence> assets) {
    this.facts = facts;
    this.assets = assets;
  }

  static List<AgentAssessment> assess(
      ApiFacts facts, ThreatCatalogue catalogue, List<AssetPresence> assets) {
    AgentRelevance relevance = new AgentRelevance(facts, assets);
    List<AgentAssessment> result = new ArrayList<>();
    for (ThreatCatalogue.Agent agent : catalogue.agents()) {
      result.add(relevance.assess(agent));
    }
    return result;
  }

  /** The exposures a catalogue may name, for the catalogue test. */
  static Set<String> exposures() {
    return Set.of(
        "client-applications",
        "internet",
        "operations-staff",
        "iaas-hosting",
        "customer-devices",
        "open-banking");
  }

  private AgentAssessment assess(ThreatCatalogue.Agent agent) {
    switch (agent.exposure()) {
      case "client-applications":
        {
          String clients = clientApplications();
          return clients == null
              ? new AgentAssessment(
                  agent,
                  AgentAssessment.Relevance.NOT_INDICATED,
                  "No OAuth2 or OpenID Connect scheme and no client id: the spec does not show third-party client applications.")
              : new AgentAssessment(agent, AgentAssessment.Relevance.RELEVANT, clients);
        }
      case "internet":
        return internet(agent);
      case "operations-staff":
        return new AgentAssessment(
            agent,
            AgentAssessment.Relevance.RELEVANT,
            "Every API has people who develop and operate it and its infrastructure.");
      case "iaas-hosting":
        return new AgentAssessment(
            agent,
            AgentAssessment.Relevance.VERIFY,
            "The paper assumes hosting on infrastructure as a service; a spec does not say where the API runs.");
      case "customer-devices":
        return customerDevices(agent);
      case "open-banking":
        return clientApplications() == null
            ? new AgentAssessment(
                agent,
                AgentAssessment.Relevance.NOT_INDICATED,
                "No third-party client applications are visible, so no open-banking ecosystem is indicated.")
            : new AgentAssessment(
                agent,
                AgentAssessment.Relevance.VERIFY,
                "Third-party client applications call the API; relevant where providers are registered or connected through "
                    + "an open-banking service layer or a central authority.");
      default:
        throw new IllegalArgumentException(
            "agent '" + agent.name() + "' has an unknown exposure '" + agent.exposure() + "'");
    }
  }

  /** Why client applications (typically TPPs) call the API, or null when the spec shows none. */
  private String clientApplications() {
    List<String> schemes = new ArrayList<>();
    for (ApiFacts.SecurityScheme scheme : facts.securitySchemes()) {
      if (scheme.oauth2()) {
        schemes.add(
            scheme.name()
                + " (OAuth2 "
                + String.join(", ", scheme.flows().stream().map(ApiFacts.Flow::kind).toList())
                + ")");
      } else if (scheme.openIdConnect()) {
        schemes.add(scheme.name() + " (OpenID Connect)");
      }
    }
    if (!schemes.isEmpty()) {
      return "Client applications obtain tokens through "
          + String.join(", ", schemes)
          + "; in the paper's architecture these are typically third-party providers.";
    }
    Set<String> clientIds = new LinkedHashSet<>();
    for (ApiFacts.Operation operation : facts.operations()) {
      if (!operation.underPaths()) {
        continue;
      }
      for (ApiFacts.Parameter parameter : operation.parameters()) {
        if (Words.containsAny(parameter.name(), CLIENT_ID)) {
          clientIds.add(parameter.name());
        }
      }
    }
    if (!clientIds.isEmpty()) {
      return "Operations take a client id ("
          + String.join(", ", clientIds)
          + "): client applications of third parties call the API.";
    }
    return null;
  }

  private AgentAssessment internet(ThreatCatalogue.Agent agent) {
    List<ApiFacts.Server> servers = facts.servers();
    if (servers.isEmpty()) {
      return new AgentAssessment(
          agent,
          AgentAssessment.Relevance.RELEVANT,
          "No server is listed; assume the API is reachable from the internet.");
    }
    Set<String> publicHosts = new LinkedHashSet<>();
    for (ApiFacts.Server server : servers) {
      String host = server.host();
      if (host != null && !host.isEmpty() && !ServerUrls.isInternal(host)) {
        publicHosts.add(host);
      }
    }
    if (publicHosts.isEmpty()) {
      return new AgentAssessment(
          agent,
          AgentAssessment.Relevance.VERIFY,
          "The listed servers are internal or relative; relevant wherever the API is published.");
    }
    return new AgentAssessment(
        agent,
        AgentAssessment.Relevance.RELEVANT,
        "The API is described on public hosts (" + String.join(", ", publicHosts) + ").");
  }

  private AgentAssessment customerDevices(ThreatCatalogue.Agent agent) {
    List<String> reasons = new ArrayList<>();
    for (ApiFacts.SecurityScheme scheme : facts.securitySchemes()) {
      if (usersSignIn(scheme)) {
        reasons.add("customers sign in through " + scheme.name());
        break;
      }
    }
    List<String> customerData =
        assets.stream()
            .map(p -> p.asset().name())
            .filter(name -> !name.equals(AssetInference.SECURITY_DATA))
            .toList();
    if (!customerData.isEmpty()) {
      reasons.add("the API carries " + String.join(", ", customerData));
    }
    if (reasons.isEmpty()) {
      return new AgentAssessment(
          agent,
          AgentAssessment.Relevance.NOT_INDICATED,
          "Neither customer sign-in nor customer data is visible in the spec.");
    }
    String text = String.join(" and ", reasons);
    return new AgentAssessment(
        agent,
        AgentAssessment.Relevance.RELEVANT,
        Character.toUpperCase(text.charAt(0))
            + text.substring(1)
            + ": a customer's compromised device can act with the customer's rights.");
  }

  /** Whether users sign in through the scheme: OpenID Connect, or an OAuth2 flow with a user. */
  static boolean usersSignIn(ApiFacts.SecurityScheme scheme) {
    return scheme.openIdConnect()
        || scheme.flows().stream().anyMatch(f -> USER_FLOWS.contains(f.kind()));
  }
}

package io.github.threatlint.core.threatmodel;

/** A threat agent of the catalogue, judged against what the API exposes. */
public record AgentAssessment(ThreatCatalogue.Agent agent, Relevance relevance, String reason) {

  /** Whether the API's description makes the agent relevant. */
  public enum Relevance {
    RELEVANT("Relevant"),
    VERIFY("To verify"),
    NOT_INDICATED("Not indicated");

    private final String label;

    Relevance(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}

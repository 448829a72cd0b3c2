package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the threat model of each document while a check runs: on the worker thread that analysed
 * the document, whose deep stack takes deeply nested documents, before the document is dropped. The
 * command line's {@code report} and the Maven plugin's {@code report} goal both collect them so.
 */
public final class ThreatModels implements CheckListener {
  private final ThreatCatalogue catalogue;
  private final SortedMap<Integer, ThreatModel> models = new TreeMap<>();
  private final SortedMap<Integer, List<ToolError>> errors = new TreeMap<>();
  private volatile Profile profile;
  private volatile List<EnabledRule> rules;

  public ThreatModels(ThreatCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void started(Configuration configuration, Profile selected, List<EnabledRule> enabled) {
    profile = selected;
    rules = enabled;
  }

  @Override
  public void document(int index, Analyzer.DocumentAnalysis analysis) {
    ThreatModel model =
        analysis.document() == null
            ? null
            : ThreatModelBuilder.build(
                catalogue,
                analysis.document(),
                analysis.findings(),
                analysis.evidence(),
                rules,
                profile.label());
    synchronized (this) {
      errors.put(index, analysis.errors());
      if (model != null) {
        models.put(index, model);
      }
    }
  }

  /** The models of the documents that could be analysed, in input order. */
  public synchronized List<ThreatModel> models() {
    return List.copyOf(models.values());
  }

  /** The tool errors, in input order. */
  public synchronized List<ToolError> errors() {
    List<ToolError> all = new ArrayList<>();
    errors.values().forEach(all::addAll);
    return all;
  }
}

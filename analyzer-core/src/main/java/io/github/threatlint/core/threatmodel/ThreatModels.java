package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.facts.ApiFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final SortedMap<Integer, List<ReportAudit.AnalysedFile>> files = new TreeMap<>();
  private volatile Profile profile;
  private volatile List<EnabledRule> rules;
  private volatile String configuration;

  public ThreatModels(ThreatCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void started(Configuration configuration, Profile selected, List<EnabledRule> enabled) {
    profile = selected;
    rules = enabled;
    this.configuration = configuration.displayPath();
  }

  @Override
  public boolean wantsFacts() {
    return true;
  }

  @Override
  public boolean wantsEvidence() {
    return true;
  }

  @Override
  public void document(int index, Analyzer.DocumentAnalysis analysis) {
    ApiFacts facts = analysis.facts();
    ThreatModel model =
        facts == null
            ? null
            : ThreatModelBuilder.build(
                catalogue, facts, analysis.findings(), analysis.evidence(), rules, profile.label());
    List<ReportAudit.AnalysedFile> read = new ArrayList<>();
    if (facts != null) {
      for (ApiFacts.AnalysedFile file : facts.files()) {
        read.add(new ReportAudit.AnalysedFile(file.displayPath(), file.sha256()));
      }
    }
    synchronized (this) {
      errors.put(index, analysis.errors());
      files.put(index, read);
      if (model != null) {
        models.put(index, model);
      }
    }
  }

  /** The models of the documents that could be analysed, in input order. */
  public synchronized List<ThreatModel> models() {
    return List.copyOf(models.values());
  }

  /**
   * The audit facts of the run: the profile, the rules and the configuration it used, and every
   * file it read (each once, in input order).
   */
  public synchronized ReportAudit audit(
      Instant generated, String toolVersion, String title, String owner) {
    Map<String, ReportAudit.AnalysedFile> read = new LinkedHashMap<>();
    files.values().forEach(list -> list.forEach(f -> read.putIfAbsent(f.displayPath(), f)));
    return new ReportAudit(
        generated,
        toolVersion,
        profile.label(),
        rules.size(),
        configuration,
        List.copyOf(read.values()),
        title,
        owner);
  }

  /** The tool errors, in input order. */
  public synchronized List<ToolError> errors() {
    List<ToolError> all = new ArrayList<>();
    errors.values().forEach(all::addAll);
    return all;
  }
}

package io.github.threatlint.core.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.FindingKey;
import io.github.threatlint.core.engine.ToolError;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run; every enabled rule in {@code tool.driver.rules},
 * sorted by id, with its documentation page as {@code help.markdown}; one result per finding (with
 * an explicit level, one location relative to {@code %SRCROOT%}, the JSON pointer as logical
 * location and a fingerprint of rule, file and pointer, see {@link #fingerprint}); a finding in a
 * shared part (a component, a fragment file) with the operations that use it as related locations;
 * suppressed findings with their suppression; tool errors as notifications of a failed invocation.
 *
 * <p>sarif-java's classes leave out every value equal to the schema's default, so an explicit
 * {@code warning} level and an empty {@code results} array would vanish: mix-ins keep them.
 */
public final class SarifReporter implements Reporter {
  /** GitHub accepts at most this many results per run. */
  public static final int MAX_RESULTS = 25_000;

  /**
   * The operations a result in a shared part names as related locations; the message of the last
   * counts the rest.
   */
  public static final int MAX_RELATED = 5;

  /** The key of our own entry in {@code partialFingerprints}. */
  public static final String FINGERPRINT_KEY = "threatlint/v1";

  static final String SRCROOT = "%SRCROOT%";
  private static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .addMixIn(Result.class, ExplicitLevel.class)
          .addMixIn(Notification.class, ExplicitLevel.class)
          .addMixIn(ReportingConfiguration.class, ExplicitLevel.class)
          .addMixIn(Run.class, ExplicitResults.class);

  /** Writes {@code level} even when it is the schema's default, {@code warning}. */
  private abstract static class ExplicitLevel {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Object level;
  }

  /** Writes {@code results} even when it is empty: GitHub requires the array. */
  private abstract static class ExplicitResults {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Object results;
  }

  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    List<EnabledRule> rules = new ArrayList<>(result.rules());
    rules.sort(Comparator.comparing(EnabledRule::id));
    Map<String, Integer> ruleIndex = new HashMap<>();
    Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
    for (EnabledRule rule : rules) {
      ruleIndex.put(rule.id(), descriptors.size());
      descriptors.add(describe(rule, context));
    }

    List<Finding> findings = limit(result.findings());
    Map<FindingKey, Integer> keyCounts = FindingKey.counts(result.findings());
    // thousands of results name the same few files
    Map<String, ArtifactLocation> artifacts = new HashMap<>();
    List<Result> results = new ArrayList<>();
    for (Finding finding : findings) {
      results.add(result(finding, ruleIndex, keyCounts, artifacts));
    }

    List<Notification> notifications = new ArrayList<>();
    for (ToolError error : result.errors()) {
      notifications.add(notification(error, ruleIndex));
    }
    omissions(result)
        .forEach(
            omission ->
                notifications.add(
                    new Notification()
                        .withLevel(Notification.Level.WARNING)
                        .withMessage(new Message().withText(omission))));

    Run run =
        new Run()
            .withTool(
                new Tool()
                    .withDriver(
                        new ToolComponent()
                            .withName(ReportContext.TOOL_NAME)
                            .withSemanticVersion(context.toolVersion())
                            .withVersion(context.toolVersion())
                            .withInformationUri(URI.create(RuleDocs.PROJECT_URI))
                            .withRules(descriptors)))
            .withOriginalUriBaseIds(
                new OriginalUriBaseIds()
                    .withAdditionalProperty(
                        SRCROOT,
                        new ArtifactLocation().withUri(directoryUri(context.sourceRoot()))))
            .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
            .withInvocations(
                List.of(
                    new Invocation()
                        .withExecutionSuccessful(result.errors().isEmpty())
                        .withToolExecutionNotifications(
                            notifications.isEmpty() ? null : notifications)))
            .withResults(results);
    if (context.sarifCategory() != null) {
      run.withAutomationDetails(new RunAutomationDetails().withId(context.sarifCategory()));
    }
    SarifSchema210 sarif =
        new SarifSchema210()
            .with$schema(URI.create(SCHEMA))
            .withVersion(SarifSchema210.Version._2_1_0)
            .withRuns(List.of(run));
    MAPPER.writeValue(out, sarif);
    out.write("\n");
  }

  /**
   * The cut to GitHub's limit, when there is one: it is noted in the run and should be told on
   * stderr.
   */
  @Override
  public List<String> omissions(AnalysisResult result) {
    int total = result.findings().size();
    if (total <= MAX_RESULTS) {
      return List.of();
    }
    return List.of(
        "SARIF lists only the "
            + MAX_RESULTS
            + " most severe of "
            + total
            + " findings: GitHub code scanning "
            + "accepts no more results in one run. The other formats list all of them.");
  }

  private static ReportingDescriptor describe(EnabledRule rule, ReportContext context) {
    RuleInfo info = rule.descriptor().info();
    Set<String> tags = new LinkedHashSet<>();
    // a declared guideline rule without security mappings (x-threatlint) is no security alert
    boolean security = info.securitySeverity() > 0;
    if (security) {
      tags.add("security");
    }
    for (String category : info.owasp2023()) {
      tags.add("owasp-api-2023/" + category);
    }
    for (String category : info.owasp2019()) {
      tags.add("owasp-api-2019/" + category);
    }
    for (String area : info.sftiAreas()) {
      tags.add("sfti/" + area);
    }
    PropertyBag properties = new PropertyBag().withTags(tags);
    if (security) {
      properties.withAdditionalProperty(
          "security-severity", RuleDocs.severity(info.securitySeverity()));
    }
    return new ReportingDescriptor()
        .withId(info.id())
        .withName(camelName(info.id()))
        .withShortDescription(new MultiformatMessageString().withText(info.title()))
        .withFullDescription(new MultiformatMessageString().withText(info.description()))
        .withHelpUri(URI.create(context.docsUrl().of(rule.descriptor())))
        .withHelp(
            new MultiformatMessageString()
                .withText(RuleDocs.helpText(rule.descriptor(), context.docsUrl()))
                .withMarkdown(RuleDocs.page(rule.descriptor())))
        .withDefaultConfiguration(
            new ReportingConfiguration().withLevel(configurationLevel(rule.level())))
        .withProperties(
            properties
                .withAdditionalProperty("precision", info.precision())
                .withAdditionalProperty(
                    "problem.severity",
                    rule.level() == Level.NOTE ? "recommendation" : sarifLevel(rule.level()))
                .withAdditionalProperty("sfti-scenarios", List.of(info.sftiScenarios())));
  }

  private static Result result(
      Finding finding,
      Map<String, Integer> ruleIndex,
      Map<FindingKey, Integer> keyCounts,
      Map<String, ArtifactLocation> artifacts) {
    Integer index = ruleIndex.get(finding.ruleId());
    Result result =
        new Result()
            .withRuleId(finding.ruleId())
            .withLevel(resultLevel(finding.level()))
            .withMessage(new Message().withText(finding.message()))
            .withLocations(
                List.of(
                    new Location()
                        .withPhysicalLocation(
                            new PhysicalLocation()
                                .withArtifactLocation(
                                    artifacts.computeIfAbsent(
                                        finding.file(), SarifReporter::artifact))
                                .withRegion(region(finding.region())))
                        .withLogicalLocations(Set.of(logicalLocation(finding.pointer())))))
            .withPartialFingerprints(
                new PartialFingerprints()
                    .withAdditionalProperty(
                        FINGERPRINT_KEY,
                        fingerprint(finding, keyCounts.get(FindingKey.of(finding)) > 1)));
    if (index != null) {
      result.withRuleIndex(index);
    }
    if (!finding.usedBy().isEmpty() || !finding.related().isEmpty()) {
      Set<Location> related = usedBy(finding.usedBy(), artifacts);
      for (Finding.Related place : finding.related()) {
        related.add(
            new Location()
                .withId(related.size() + 1)
                .withPhysicalLocation(
                    new PhysicalLocation()
                        .withArtifactLocation(
                            artifacts.computeIfAbsent(place.file(), SarifReporter::artifact))
                        .withRegion(region(place.region())))
                .withLogicalLocations(Set.of(logicalLocation(place.pointer())))
                .withMessage(new Message().withText(place.label())));
      }
      result.withRelatedLocations(related);
    }
    if (finding.isSuppressed()) {
      result.withSuppressions(
          Set.of(
              new Suppression()
                  .withKind(
                      Finding.Suppression.IN_SOURCE.equals(finding.suppression().kind())
                          ? Suppression.Kind.IN_SOURCE
                          : Suppression.Kind.EXTERNAL)
                  .withStatus(Suppression.Status.ACCEPTED)
                  .withJustification(finding.suppression().reason())));
    }
    return result;
  }

  /**
   * The operations that use the shared part a finding is in, at most {@link #MAX_RELATED}; the last
   * one's message counts those left out.
   */
  private static Set<Location> usedBy(
      List<Finding.Use> uses, Map<String, ArtifactLocation> artifacts) {
    Set<Location> related = new LinkedHashSet<>();
    int shown = Math.min(uses.size(), MAX_RELATED);
    for (int i = 0; i < shown; i++) {
      Finding.Use use = uses.get(i);
      int more = i == shown - 1 ? uses.size() - shown : 0;
      related.add(
          new Location()
              .withId(i + 1)
              .withPhysicalLocation(
                  new PhysicalLocation()
                      .withArtifactLocation(
                          artifacts.computeIfAbsent(use.file(), SarifReporter::artifact))
                      .withRegion(region(use.region())))
              .withMessage(
                  new Message()
                      .withText(
                          "used by "
                              + use.operation()
                              + (more == 0
                                  ? ""
                                  : " (and "
                                      + more
                                      + " more "
                                      + (more == 1 ? "operation" : "operations")
                                      + ")"))));
    }
    return related;
  }

  private static Region region(io.github.threatlint.core.api.Region region) {
    return new Region()
        .withStartLine(region.startLine())
        .withStartColumn(region.startColumn())
        .withEndLine(region.endLine())
        .withEndColumn(region.endColumn());
  }

  /**
   * The JSON pointer of a finding: its last member name as name, the whole pointer as fully
   * qualified name.
   */
  private static LogicalLocation logicalLocation(String pointer) {
    return new LogicalLocation()
        .withName(Pointers.lastSegment(pointer))
        .withFullyQualifiedName(pointer);
  }

  private static Notification notification(ToolError error, Map<String, Integer> ruleIndex) {
    Notification notification =
        new Notification()
            .withLevel(Notification.Level.ERROR)
            .withMessage(new Message().withText(error.oneLine()));
    if (error.file() != null) {
      PhysicalLocation where = new PhysicalLocation().withArtifactLocation(artifact(error.file()));
      if (error.line() > 0) {
        Region region = new Region().withStartLine(error.line());
        if (error.column() > 0) {
          region.withStartColumn(error.column());
        }
        where.withRegion(region);
      }
      notification.withLocations(Set.of(new Location().withPhysicalLocation(where)));
    }
    if (error.ruleId() != null) {
      ReportingDescriptorReference rule = new ReportingDescriptorReference().withId(error.ruleId());
      Integer index = ruleIndex.get(error.ruleId());
      if (index != null) {
        rule.withIndex(index);
      }
      notification.withAssociatedRule(rule);
    }
    return notification;
  }

  /**
   * Cuts to GitHub's limit by severity: active findings before suppressed ones, then errors before
   * warnings before notes, keeping the report order among those kept.
   */
  static List<Finding> limit(List<Finding> findings) {
    if (findings.size() <= MAX_RESULTS) {
      return findings;
    }
    List<Finding> bySeverity = new ArrayList<>(findings);
    bySeverity.sort(
        Comparator.comparing(Finding::isSuppressed)
            .thenComparing(Finding::level, Comparator.reverseOrder()));
    List<Finding> kept = new ArrayList<>(bySeverity.subList(0, MAX_RESULTS));
    kept.sort(Finding.ORDER);
    return kept;
  }

  /**
   * Where a file is: relative to {@code %SRCROOT%} as reports name files under the working
   * directory; an absolute {@code file:} URI, without base, for a file outside it.
   */
  static ArtifactLocation artifact(String file) {
    String path = file.replace('\\', '/');
    if (path.startsWith("/")) {
      return new ArtifactLocation().withUri("file://" + toUri(path));
    }
    if (path.matches("[A-Za-z]:/.*")) {
      return new ArtifactLocation()
          .withUri("file:///" + path.substring(0, 2) + toUri(path.substring(2)));
    }
    return new ArtifactLocation().withUri(toUri(path)).withUriBaseId(SRCROOT);
  }

  /**
   * The absolute {@code file:} URI of a folder, ending with a slash as SARIF requires of a base
   * URI.
   */
  static String directoryUri(Path folder) {
    String uri = folder.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /**
   * A relative URI reference for a report path: forward slashes, each segment percent-encoded as
   * needed.
   */
  static String toUri(String file) {
    List<String> segments = new ArrayList<>();
    for (String segment : file.replace('\\', '/').split("/", -1)) {
      segments.add(encode(segment));
    }
    return String.join("/", segments);
  }

  private static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~@+=,;!$&'()*".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /**
   * Our stable fingerprint, as the baseline's key: rule, file and JSON pointer, so a finding keeps
   * its identity when lines move or the file is reformatted; the message's digest too when {@code
   * shared} (the result holds other findings of the rule on the place), so that GitHub does not
   * merge them into one alert. GitHub adds its own {@code primaryLocationLineHash}.
   */
  static String fingerprint(Finding finding, boolean shared) {
    return FindingKey.of(finding).fingerprint(finding.message(), shared);
  }

  static String sarifLevel(Level level) {
    return level == Level.OFF ? "none" : level.label();
  }

  private static Result.Level resultLevel(Level level) {
    return Result.Level.fromValue(sarifLevel(level));
  }

  private static ReportingConfiguration.Level configurationLevel(Level level) {
    return ReportingConfiguration.Level.fromValue(sarifLevel(level));
  }

  private static String camelName(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.toString();
  }
}

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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleInfo;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every enabled rule in {@code tool.driver.rules}
 * (sorted by id, {@code ruleIndex} derived from that order), one result per finding with one
 * location relative to {@code %SRCROOT%} and the JSON pointer as logical location.
 *
 * <p>sarif-java's classes leave out values equal to the schema default, so an explicit
 * {@code warning} level and an empty {@code results} array would vanish; both are written back
 * into the tree before it is printed.
 */
public final class SarifReporter implements Reporter {
  /** GitHub accepts at most this many results per run. */
  public static final int MAX_RESULTS = 25_000;
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    List<EnabledRule> rules = new ArrayList<>(result.rules());
    rules.sort(Comparator.comparing(EnabledRule::id));
    Map<String, Integer> ruleIndex = new HashMap<>();
    List<ReportingDescriptor> descriptors = new ArrayList<>();
    for (EnabledRule rule : rules) {
      ruleIndex.put(rule.id(), descriptors.size());
      descriptors.add(describe(rule));
    }

    List<Finding> findings = limit(result.findings());
    List<Result> results = new ArrayList<>();
    for (Finding finding : findings) {
      results.add(result(finding, ruleIndex));
    }

    List<Notification> notifications = new ArrayList<>();
    for (ToolError error : result.errors()) {
      notifications.add(new Notification()
          .withLevel(Notification.Level.ERROR)
          .withMessage(new Message().withText(error.oneLine()))
          .withLocations(error.file() == null ? null : Set.of(new Location().withPhysicalLocation(
              new PhysicalLocation().withArtifactLocation(artifact(error.file()))))));
    }
    if (findings.size() < result.findings().size()) {
      notifications.add(new Notification()
          .withLevel(Notification.Level.WARNING)
          .withMessage(new Message().withText("Only the " + MAX_RESULTS + " most severe of " + result.findings().size()
              + " findings are listed: GitHub accepts no more results in one run.")));
    }

    Run run = new Run()
        .withTool(new Tool().withDriver(new ToolComponent()
            .withName(ReportContext.TOOL_NAME)
            .withSemanticVersion(context.toolVersion())
            .withVersion(context.toolVersion())
            .withInformationUri(URI.create(ReportContext.INFORMATION_URI))
            .withRules(new LinkedHashSet<>(descriptors))))
        .withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty("%SRCROOT%",
            new ArtifactLocation().withUri(context.sourceRoot().toAbsolutePath().normalize().toUri().toString())))
        .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
        .withInvocations(List.of(new Invocation()
            .withExecutionSuccessful(result.errors().isEmpty())
            .withToolExecutionNotifications(notifications.isEmpty() ? null : notifications)))
        .withResults(results);
    if (context.sarifCategory() != null) {
      run.withAutomationDetails(new RunAutomationDetails().withId(context.sarifCategory()));
    }
    SarifSchema210 sarif = new SarifSchema210()
        .with$schema(URI.create(SCHEMA))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(List.of(run));

    ObjectNode tree = MAPPER.valueToTree(sarif);
    ObjectNode runNode = (ObjectNode) tree.withArray("runs").get(0);
    ArrayNode resultNodes = runNode.withArray("results");
    for (int i = 0; i < findings.size(); i++) {
      ((ObjectNode) resultNodes.get(i)).put("level", sarifLevel(findings.get(i).level()));
    }
    ArrayNode ruleNodes = (ArrayNode) runNode.path("tool").path("driver").path("rules");
    for (int i = 0; i < rules.size() && i < ruleNodes.size(); i++) {
      ((ObjectNode) ruleNodes.get(i)).with("defaultConfiguration").put("level", sarifLevel(rules.get(i).level()));
    }
    MAPPER.writeValue(new NonClosingWriter(out), tree);
    out.write("\n");
  }

  private static ReportingDescriptor describe(EnabledRule rule) {
    RuleInfo info = rule.descriptor().info();
    Set<String> tags = new LinkedHashSet<>();
    tags.add("security");
    for (String category : info.owasp2023()) {
      tags.add("owasp-api-2023/" + category);
    }
    for (String category : info.owasp2019()) {
      tags.add("owasp-api-2019/" + category);
    }
    for (String area : info.sftiAreas()) {
      tags.add("sfti/" + area);
    }
    String helpUri = ReportContext.ruleHelpUri(info.id());
    return new ReportingDescriptor()
        .withId(info.id())
        .withName(camelName(info.id()))
        .withShortDescription(new MultiformatMessageString().withText(info.title()))
        .withFullDescription(new MultiformatMessageString().withText(info.description()))
        .withHelpUri(URI.create(helpUri))
        .withHelp(new MultiformatMessageString()
            .withText(info.description() + " See " + helpUri)
            .withMarkdown(RuleHelp.markdown(rule.descriptor())))
        .withDefaultConfiguration(new ReportingConfiguration().withLevel(configurationLevel(rule.level())))
        .withProperties(new PropertyBag()
            .withTags(tags)
            .withAdditionalProperty("security-severity", String.format(java.util.Locale.ROOT, "%.1f", info.securitySeverity()))
            .withAdditionalProperty("precision", info.precision())
            .withAdditionalProperty("problem.severity", sarifLevel(rule.level()).equals("note") ? "recommendation" : sarifLevel(rule.level()))
            .withAdditionalProperty("sfti-scenarios", List.of(info.sftiScenarios())));
  }

  private static Result result(Finding finding, Map<String, Integer> ruleIndex) {
    Result result = new Result()
        .withRuleId(finding.ruleId())
        .withRuleIndex(ruleIndex.get(finding.ruleId()))
        .withMessage(new Message().withText(finding.message()))
        .withLocations(List.of(new Location()
            .withPhysicalLocation(new PhysicalLocation()
                .withArtifactLocation(artifact(finding.file()))
                .withRegion(new Region()
                    .withStartLine(finding.region().startLine())
                    .withStartColumn(finding.region().startColumn())
                    .withEndLine(finding.region().endLine())
                    .withEndColumn(finding.region().endColumn())))
            .withLogicalLocations(Set.of(new LogicalLocation()
                .withName(finding.pointer().isEmpty() ? "/" : finding.pointer())
                .withFullyQualifiedName(finding.file() + "#" + finding.pointer())
                .withKind("object")))))
        .withPartialFingerprints(new PartialFingerprints()
            .withAdditionalProperty("threatlint/v1", fingerprint(finding)));
    if (finding.isSuppressed()) {
      result.withSuppressions(Set.of(new Suppression()
          .withKind(Finding.Suppression.IN_SOURCE.equals(finding.suppression().kind())
              ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL)
          .withStatus(Suppression.Status.ACCEPTED)
          .withJustification(finding.suppression().reason())));
    }
    if (ruleIndex.get(finding.ruleId()) == null) {
      result.withRule(new ReportingDescriptorReference().withId(finding.ruleId()));
    }
    return result;
  }

  /** Cuts to GitHub's limit by severity, errors first, keeping the report order within each level. */
  private static List<Finding> limit(List<Finding> findings) {
    if (findings.size() <= MAX_RESULTS) {
      return findings;
    }
    List<Finding> kept = new ArrayList<>();
    for (Level level : List.of(Level.ERROR, Level.WARNING, Level.NOTE)) {
      for (Finding finding : findings) {
        if (finding.level() == level && kept.size() < MAX_RESULTS) {
          kept.add(finding);
        }
      }
    }
    kept.sort(Finding.ORDER);
    return kept;
  }

  static ArtifactLocation artifact(String file) {
    return new ArtifactLocation().withUri(toUri(file)).withUriBaseId("%SRCROOT%");
  }

  /** A relative URI reference for a report path: forward slashes, each segment percent-encoded as needed. */
  static String toUri(String file) {
    StringBuilder uri = new StringBuilder();
    for (String segment : file.replace('\\', '/').split("/", -1)) {
      if (uri.length() > 0) {
        uri.append('/');
      }
      uri.append(URI.create("x:/" + encode(segment)).getRawPath().substring(1));
    }
    return uri.toString();
  }

  private static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~@+=,;!$&'()*".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  static String fingerprint(Finding finding) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest((finding.ruleId() + "\n" + finding.file() + "\n" + finding.pointer())
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sarifLevel(Level level) {
    return level == Level.OFF ? "none" : level.label();
  }

  private static ReportingConfiguration.Level configurationLevel(Level level) {
    switch (level) {
      case ERROR:
        return ReportingConfiguration.Level.ERROR;
      case NOTE:
        return ReportingConfiguration.Level.NOTE;
      case OFF:
        return ReportingConfiguration.Level.NONE;
      default:
        return ReportingConfiguration.Level.WARNING;
    }
  }

  private static String camelName(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }

  /** Jackson closes what it writes to; the caller owns the writer. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

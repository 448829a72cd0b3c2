package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.docs.DocsUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a report's links go: a specification file at a line, as a path relative to the report's own
 * folder (with GitHub's {@code #L<line>} anchor, which browsers ignore for other files), and a
 * rule's documentation page.
 *
 * @param workingDirectory the folder the findings' file names are relative to
 * @param reportDirectory the folder the report is written to
 * @param docsUrl where the rules' pages are
 */
public record ReportLinks(Path workingDirectory, Path reportDirectory, DocsUrl docsUrl) {

  /**
   * Links for a report written to {@code reportFile} (null: standard output, links relative to the
   * working directory), with rule pages at {@code docsUrl}.
   */
  public static ReportLinks forReport(Path workingDirectory, Path reportFile, DocsUrl docsUrl) {
    Path absolute = workingDirectory.toAbsolutePath().normalize();
    Path folder =
        reportFile == null ? absolute : absolute.resolve(reportFile).normalize().getParent();
    return new ReportLinks(absolute, folder == null ? absolute : folder, docsUrl);
  }

  /** The link to a line of a specification file named as findings name it. */
  public String file(String displayPath, int line) {
    Path target = workingDirectory.resolve(displayPath).normalize();
    String relative;
    try {
      relative = reportDirectory.relativize(target).toString();
    } catch (IllegalArgumentException e) {
      relative = target.toString();
    }
    List<String> segments = new ArrayList<>();
    for (String segment : relative.replace('\\', '/').split("/", -1)) {
      segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", segments) + (line > 0 ? "#L" + line : "");
  }

  public String rule(String ruleId) {
    return docsUrl.of(ruleId);
  }
}

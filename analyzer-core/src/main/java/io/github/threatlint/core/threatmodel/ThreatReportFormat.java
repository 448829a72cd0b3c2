package io.github.threatlint.core.threatmodel;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The formats of the threat-model report. */
public enum ThreatReportFormat {
  HTML("html"),
  MARKDOWN("markdown");

  private final String label;

  ThreatReportFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** {@code html} or {@code markdown} (also {@code md}); null otherwise. */
  public static ThreatReportFormat parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("md")) {
      return MARKDOWN;
    }
    for (ThreatReportFormat format : values()) {
      if (format.label.equals(value)) {
        return format;
      }
    }
    return null;
  }

  /**
   * The format a file name suggests ({@code .html}, {@code .htm}, {@code .md}, {@code .markdown}),
   * or null.
   */
  public static ThreatReportFormat fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return HTML;
    }
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return MARKDOWN;
    }
    return null;
  }

  /** Writes the report of one or more APIs, with its audit trail. */
  public void write(List<ThreatModel> models, ReportLinks links, ReportAudit audit, Writer writer)
      throws IOException {
    ReportPage page = ReportPageBuilder.build(models, links, audit);
    if (this == HTML) {
      HtmlThreatReport.write(page, audit.toolVersion(), writer);
    } else {
      MarkdownThreatReport.write(page, writer);
    }
  }
}

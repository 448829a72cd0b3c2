package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.text.OutputText;
import io.github.threatlint.core.threatmodel.ReportPage.Block;
import io.github.threatlint.core.threatmodel.ReportPage.Inline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The threat-model report as one self-contained HTML file: inline CSS and SVG, no script, no font
 * or image from the network, readable in a browser and printable. The markup is also well-formed
 * XML, so tests can parse it. It writes a {@link ReportPage}; what the report says is decided
 * there.
 */
final class HtmlThreatReport {
  private static final String[] STATUS_COLORS = {
    "#b42318", "#175cd3", "#b54708", "#067647", "#667085"
  };

  /** The report's style sheet, a resource next to this class, inlined into every report. */
  private static final String CSS = styleSheet();

  private final StringBuilder out = new StringBuilder();

  private HtmlThreatReport() {}

  static void write(ReportPage page, String toolVersion, Writer writer) throws IOException {
    HtmlThreatReport report = new HtmlThreatReport();
    report.line("<!DOCTYPE html>");
    report.line("<html lang=\"en\">");
    report.line("<head>");
    report.line("<meta charset=\"utf-8\"/>");
    report.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
    report.line(
        "<meta name=\"generator\" content=\"threatlint " + OutputText.xml(toolVersion) + "\"/>");
    report.line("<title>" + OutputText.xml(page.title()) + "</title>");
    report.line("<style>");
    report.line(CSS);
    report.line("</style>");
    report.line("</head>");
    report.line("<body>");
    report.line("<main>");
    for (ReportPage.Section api : page.apis()) {
      report.section(api, 1);
    }
    report.line("<footer>" + OutputText.xml(page.footer()) + "</footer>");
    report.line("</main>");
    report.line("</body>");
    report.line("</html>");
    writer.write(report.out.toString());
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  // ------------------------------------------------------------------ blocks

  private void section(ReportPage.Section section, int depth) {
    String title = inline(section.title(), false);
    if (depth == 1) {
      line("<section class=\"api\" id=\"" + OutputText.xml(section.id()) + "\">");
      line("<h1>" + title + "</h1>");
    } else if (section.status() != null) {
      line(
          "<article class=\"scenario "
              + section.status().slug()
              + "\" id=\""
              + OutputText.xml(section.id())
              + "\">");
      line(
          "<header><h"
              + depth
              + ">"
              + title
              + "</h"
              + depth
              + ">"
              + pill(section.status())
              + "</header>");
    } else {
      String heading =
          "<h"
              + depth
              + (section.id() == null ? "" : " id=\"" + OutputText.xml(section.id()) + "\"")
              + ">"
              + title
              + "</h"
              + depth
              + ">";
      line(
          section.collapsed()
              ? "<details class=\"section\"><summary>" + heading + "</summary>"
              : heading);
    }
    blocks(section.blocks(), depth);
    if (depth == 1) {
      line("</section>");
    } else if (section.status() != null) {
      line("</article>");
    } else if (section.collapsed()) {
      line("</details>");
    }
  }

  private void blocks(List<Block> blocks, int depth) {
    for (Block block : blocks) {
      block(block, depth);
    }
  }

  private void block(Block block, int depth) {
    if (block instanceof ReportPage.Section section) {
      section(section, depth + 1);
    } else if (block instanceof ReportPage.Paragraph paragraph) {
      line(
          "<p"
              + styleAttribute(paragraph.style())
              + ">"
              + inline(paragraph.content(), false)
              + "</p>");
    } else if (block instanceof ReportPage.Items items) {
      items(items, depth);
    } else if (block instanceof ReportPage.Table table) {
      table(table);
    } else if (block instanceof ReportPage.Group group) {
      line("<div" + styleAttribute(group.style()) + ">");
      blocks(group.blocks(), depth);
      line("</div>");
    } else if (block instanceof ReportPage.Contents contents) {
      line("<nav class=\"toc\">" + inline(List.copyOf(contents.links()), false) + "</nav>");
    } else if (block instanceof ReportPage.StatusBar bar) {
      statusBar(bar);
    } else if (block instanceof ReportPage.StatusLegend) {
      statusLegend();
    } else if (block instanceof ReportPage.OwaspChart chart) {
      owasp(chart);
    } else if (block instanceof ReportPage.ArchitectureFigure figure) {
      line("<figure class=\"architecture\">");
      for (ArchitectureSvg.Layout layout : ArchitectureSvg.Layout.values()) {
        line(ArchitectureSvg.draw(figure.picture(), figure.anchor(), layout));
      }
      line("</figure>");
    }
  }

  private void items(ReportPage.Items items, int depth) {
    if (items.heading() != null) {
      line("<h" + (depth + 1) + ">" + OutputText.xml(items.heading()) + "</h" + (depth + 1) + ">");
    }
    if (items.items().isEmpty() && items.empty() != null) {
      line("<p>" + OutputText.xml(items.empty()) + "</p>");
      return;
    }
    list(items, "");
  }

  /** A list; {@code after} follows its closing tag on the same line (a nested list's item end). */
  private void list(ReportPage.Items items, String after) {
    String tag = items.style() == ReportPage.ListStyle.NUMBERED ? "ol" : "ul";
    line("<" + tag + styleAttribute(listStyle(items.style())) + ">");
    for (ReportPage.Item item : items.items()) {
      String open = "<li" + styleAttribute(item.style()) + ">" + inline(item.content(), true);
      if (item.children() == null) {
        line(open + "</li>");
      } else {
        line(open);
        list(item.children(), "</li>");
      }
    }
    line("</" + tag + ">" + after);
  }

  private static String listStyle(ReportPage.ListStyle style) {
    switch (style) {
      case NUMBERED:
        return "tight";
      case LOCATIONS:
        return "locations";
      case CHECKLIST:
        return "verify";
      default:
        return null;
    }
  }

  private void table(ReportPage.Table table) {
    line("<table" + styleAttribute(table.style()) + ">");
    if (table.columns().stream().anyMatch(c -> c.width() != null)) {
      StringBuilder columns = new StringBuilder("<colgroup>");
      for (ReportPage.Column column : table.columns()) {
        columns.append("<col").append(styleAttribute(column.width())).append("/>");
      }
      line(columns.append("</colgroup>").toString());
    }
    StringBuilder head = new StringBuilder("<thead><tr>");
    for (ReportPage.Column column : table.columns()) {
      head.append("<th")
          .append(styleAttribute(column.number() ? "num" : null))
          .append(">")
          .append(OutputText.xml(column.header()))
          .append("</th>");
    }
    line(head.append("</tr></thead>").toString());
    line("<tbody>");
    for (List<List<Inline>> row : table.rows()) {
      StringBuilder cells = new StringBuilder("<tr>");
      for (int i = 0; i < row.size(); i++) {
        ReportPage.Column column = table.columns().get(i);
        cells
            .append("<td")
            .append(styleAttribute(column.number() ? "num" : column.mono() ? "mono" : null))
            .append(">")
            .append(inline(row.get(i), true))
            .append("</td>");
      }
      line(cells.append("</tr>").toString());
    }
    line("</tbody>");
    line("</table>");
  }

  private static String styleAttribute(String style) {
    return style == null ? "" : " class=\"" + OutputText.xml(style) + "\"";
  }

  // ------------------------------------------------------------------ inline text

  /** Inline text as HTML; {@code inItem}: inside a list item or table cell, not a paragraph. */
  private static String inline(List<? extends Inline> content, boolean inItem) {
    StringBuilder html = new StringBuilder();
    for (Inline piece : content) {
      html.append(inline(piece, inItem));
    }
    return html.toString();
  }

  private static String inline(Inline piece, boolean inItem) {
    if (piece instanceof Inline.Text text) {
      return OutputText.xml(text.text());
    } else if (piece instanceof Inline.Code code) {
      return "<code>" + OutputText.xml(code.text()) + "</code>";
    } else if (piece instanceof Inline.Strong strong) {
      return "<strong>" + inline(strong.content(), inItem) + "</strong>";
    } else if (piece instanceof Inline.Styled styled) {
      return "<span class=\""
          + OutputText.xml(styled.style())
          + "\">"
          + inline(styled.content(), inItem)
          + "</span>";
    } else if (piece instanceof Inline.Link link) {
      return "<a"
          + styleAttribute(link.style())
          + " href=\""
          + OutputText.xml(link.href())
          + "\">"
          + inline(link.content(), inItem)
          + "</a>";
    } else if (piece instanceof Inline.Abbr abbr) {
      return "<abbr title=\""
          + OutputText.xml(abbr.title())
          + "\">"
          + OutputText.xml(abbr.text())
          + "</abbr>";
    } else if (piece instanceof Inline.Status status) {
      return pill(status.status());
    } else if (piece instanceof Inline.Break) {
      return inItem ? "<br/>" : "<br/>\n";
    } else if (piece instanceof Inline.Detail detail) {
      return "<br/><span class=\"meta\">" + inline(detail.content(), inItem) + "</span>";
    }
    throw new IllegalStateException("unknown inline text " + piece);
  }

  private static String pill(ScenarioAssessment.Status status) {
    return "<span class=\"pill "
        + status.slug()
        + "\">"
        + OutputText.xml(status.label())
        + "</span>";
  }

  // ------------------------------------------------------------------ figures

  private static String color(ScenarioAssessment.Status status) {
    return STATUS_COLORS[status.ordinal()];
  }

  /** A stacked bar of the scenarios by status, with a legend. */
  private void statusBar(ReportPage.StatusBar bar) {
    int width = 1000;
    int total = bar.total();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width)
        .append(" 30\" width=\"100%\" height=\"30\" ")
        .append("preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Scenarios by status\">");
    double x = 0;
    for (ReportPage.StatusCount shown : bar.counts()) {
      long count = shown.count();
      if (count == 0) {
        continue;
      }
      double w = width * (double) count / total;
      svg.append("<rect x=\"")
          .append(fmt(x))
          .append("\" y=\"0\" width=\"")
          .append(fmt(w))
          .append("\" height=\"30\" fill=\"")
          .append(color(shown.status()))
          .append("\"><title>")
          .append(OutputText.xml(shown.status().label() + ": " + count))
          .append("</title></rect>");
      x += w;
    }
    svg.append("</svg>");
    line(svg.toString());
    StringBuilder legend = new StringBuilder("<p class=\"legend\">");
    for (ReportPage.StatusCount shown : bar.counts()) {
      legend
          .append("<span><span class=\"swatch\" style=\"background:")
          .append(color(shown.status()))
          .append("\"></span>")
          .append(OutputText.xml(shown.status().label()))
          .append(": ")
          .append(shown.count())
          .append("</span>");
    }
    line(legend.append("</p>").toString());
  }

  private void statusLegend() {
    StringBuilder legend = new StringBuilder("<p class=\"legend\">");
    for (ScenarioAssessment.Status status : ScenarioAssessment.Status.values()) {
      legend
          .append("<span>")
          .append(pill(status))
          .append(" ")
          .append(OutputText.xml(status.meaning()))
          .append("</span>");
    }
    line(legend.append("</p>").toString());
  }

  /** Findings and rules per OWASP category as horizontal bars. */
  private void owasp(ReportPage.OwaspChart chart) {
    int rowHeight = 28;
    int labelWidth = 390;
    int barWidth = 480;
    int width = labelWidth + barWidth + 110;
    int height = rowHeight * chart.categories().size() + 26;
    int max =
        Math.max(1, chart.categories().stream().mapToInt(OwaspCategory::findings).max().orElse(0));
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append(
            "\" width=\"100%\" role=\"img\" aria-label=\"Findings per OWASP API Security Top 10 2023 category\">\n");
    svg.append("<text x=\"")
        .append(labelWidth + barWidth + 100)
        .append("\" y=\"14\" font-size=\"12\" fill=\"#475467\" text-anchor=\"end\">rules</text>\n");
    int y = 22;
    for (OwaspCategory category : chart.categories()) {
      double w =
          category.findings() == 0 ? 0 : Math.max(3, barWidth * (double) category.findings() / max);
      svg.append("<g><title>")
          .append(
              OutputText.xml(
                  category.label()
                      + " "
                      + category.name()
                      + ": "
                      + category.findings()
                      + " findings, "
                      + category.rules()
                      + " rules"))
          .append("</title>");
      svg.append("<text x=\"0\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\" fill=\"#101828\"><tspan font-weight=\"600\">")
          .append(category.id())
          .append("</tspan> ")
          .append(OutputText.xml(category.name()))
          .append("</text>");
      svg.append("<rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(barWidth)
          .append("\" height=\"18\" fill=\"#f2f4f7\"/>");
      if (w > 0) {
        svg.append("<rect x=\"")
            .append(labelWidth)
            .append("\" y=\"")
            .append(y + 4)
            .append("\" width=\"")
            .append(fmt(w))
            .append("\" height=\"18\" fill=\"#b42318\"/>");
      }
      svg.append("<text x=\"")
          .append(fmt(labelWidth + w + 6))
          .append("\" y=\"")
          .append(y + 18)
          .append("\" font-size=\"13\" font-weight=\"600\" fill=\"#101828\">")
          .append(category.findings())
          .append("</text>");
      svg.append("<text x=\"")
          .append(labelWidth + barWidth + 100)
          .append("\" y=\"")
          .append(y + 18)
          .append("\" font-size=\"13\" fill=\"#475467\" text-anchor=\"end\">")
          .append(category.rules())
          .append("</text>");
      svg.append("</g>\n");
      y += rowHeight;
    }
    svg.append("</svg>");
    line(svg.toString());
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String styleSheet() {
    try (InputStream in = HtmlThreatReport.class.getResourceAsStream("threat-report.css")) {
      if (in == null) {
        throw new IllegalStateException("threat-report.css is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

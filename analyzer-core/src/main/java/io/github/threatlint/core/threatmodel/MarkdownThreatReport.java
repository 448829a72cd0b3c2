package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.text.OutputText;
import io.github.threatlint.core.threatmodel.ReportPage.Block;
import io.github.threatlint.core.threatmodel.ReportPage.Inline;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The threat-model report as GitHub-flavoured Markdown: tables, links to the specification's lines
 * and to rule documentation, a bar chart drawn with block characters. It writes a {@link
 * ReportPage}; what the report says is decided there.
 */
final class MarkdownThreatReport {
  private static final int BAR_WIDTH = 20;

  private final StringBuilder out = new StringBuilder();

  /** What the next paragraph starts with: a scenario's status. */
  private String opening = "";

  private MarkdownThreatReport() {}

  static void write(ReportPage page, Writer writer) throws IOException {
    MarkdownThreatReport report = new MarkdownThreatReport();
    for (ReportPage.Section api : page.apis()) {
      if (api != page.apis().get(0)) {
        report.out.append("\n---\n\n");
      }
      report.section(api, 1);
    }
    writer.write(report.out.toString());
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  // ------------------------------------------------------------------ blocks

  private void section(ReportPage.Section section, int depth) {
    if (depth > 1 && section.id() != null) {
      line("<a id=\"" + section.id() + "\"></a>");
      line("");
    }
    line("#".repeat(depth) + " " + inline(section.title(), false));
    line("");
    // Markdown has no place beside a heading for the status: it opens the first paragraph
    opening = section.status() == null ? "" : "**" + status(section.status()) + "** · ";
    blocks(section.blocks(), depth);
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
      paragraph(paragraph);
    } else if (block instanceof ReportPage.Items items) {
      items(items);
    } else if (block instanceof ReportPage.Table table) {
      table(table);
    } else if (block instanceof ReportPage.Group group) {
      blocks(group.blocks(), depth);
    } else if (block instanceof ReportPage.StatusLegend) {
      line(
          "Status: "
              + Arrays.stream(ScenarioAssessment.Status.values())
                  .map(s -> status(s) + " (" + s.meaning() + ")")
                  .collect(Collectors.joining(" · "))
              + ".");
      line("");
    } else if (block instanceof ReportPage.OwaspChart chart) {
      owasp(chart);
    } else if (block instanceof ReportPage.ArchitectureFigure figure) {
      architecture(figure);
    }
    // Contents: GitHub shows a document's outline itself. StatusBar: the headline and the
    // overview table give the same counts.
  }

  private void paragraph(ReportPage.Paragraph paragraph) {
    String text = opening + inline(paragraph.content(), false);
    opening = "";
    if ("note".equals(paragraph.style())) {
      line("> " + text);
    } else if ("checked".equals(paragraph.style())) {
      line("<sub>" + text + "</sub>");
    } else {
      line(text);
    }
    line("");
  }

  private void items(ReportPage.Items items) {
    if (items.items().isEmpty() && items.empty() != null) {
      line(
          (items.heading() == null ? "" : "**" + OutputText.markdown(items.heading()) + ":** ")
              + OutputText.markdown(items.empty()));
      line("");
      return;
    }
    if (items.heading() != null) {
      line("**" + OutputText.markdown(items.heading()) + "**");
      line("");
    }
    list(items, "");
    line("");
  }

  private void list(ReportPage.Items items, String indent) {
    int rank = 1;
    for (ReportPage.Item item : items.items()) {
      String marker =
          switch (items.style()) {
            case NUMBERED -> rank++ + ". ";
            case CHECKLIST -> "- [ ] ";
            default -> "- ";
          };
      line(indent + marker + inline(item.content(), true));
      if (item.children() != null) {
        list(item.children(), indent + "  ");
      }
    }
  }

  private void table(ReportPage.Table table) {
    line(
        "| "
            + table.columns().stream()
                .map(c -> OutputText.markdown(c.header()))
                .collect(Collectors.joining(" | "))
            + " |");
    line(
        "|"
            + table.columns().stream()
                .map(c -> c.number() ? "---:|" : "---|")
                .collect(Collectors.joining()));
    for (List<List<Inline>> row : table.rows()) {
      line(
          "| "
              + row.stream().map(cell -> inline(cell, true)).collect(Collectors.joining(" | "))
              + " |");
    }
    line("");
  }

  // ------------------------------------------------------------------ inline text

  /** Inline text as Markdown; {@code inItem}: inside a list item or table cell. */
  private static String inline(List<? extends Inline> content, boolean inItem) {
    StringBuilder markdown = new StringBuilder();
    for (Inline piece : content) {
      markdown.append(inline(piece, inItem));
    }
    return markdown.toString();
  }

  private static String inline(Inline piece, boolean inItem) {
    if (piece instanceof Inline.Text text) {
      return OutputText.markdown(text.text());
    } else if (piece instanceof Inline.Code code) {
      return "`" + code(code.text()) + "`";
    } else if (piece instanceof Inline.Strong strong) {
      return "**" + inline(strong.content(), inItem) + "**";
    } else if (piece instanceof Inline.Styled styled) {
      return inline(styled.content(), inItem);
    } else if (piece instanceof Inline.Link link) {
      return "[" + inline(link.content(), inItem) + "](" + link.href() + ")";
    } else if (piece instanceof Inline.Abbr abbr) {
      return OutputText.markdown(abbr.text());
    } else if (piece instanceof Inline.Status status) {
      return status(status.status());
    } else if (piece instanceof Inline.Break) {
      return inItem ? ", " : "  \n";
    } else if (piece instanceof Inline.Detail) {
      return "";
    }
    throw new IllegalStateException("unknown inline text " + piece);
  }

  private static String status(ScenarioAssessment.Status status) {
    switch (status) {
      case FINDINGS:
        return "🔴 " + status.label();
      case NOTES:
        return "🔵 " + status.label();
      case NO_EVIDENCE:
        return "🟠 " + status.label();
      case MITIGATED:
        return "🟢 " + status.label();
      default:
        return "⚪ " + status.label();
    }
  }

  // ------------------------------------------------------------------ figures

  /** The picture as a Mermaid chart, and its findings as links (Mermaid on GitHub follows none). */
  private void architecture(ReportPage.ArchitectureFigure figure) {
    Architecture picture = figure.picture();
    line("```mermaid");
    ArchitectureMermaid.chart(picture).forEach(this::line);
    line("```");
    line("");
    List<String> marked = new ArrayList<>();
    for (List<Architecture.Box> boxes :
        List.of(picture.outside(), picture.edge(), picture.environments(), picture.groups())) {
      for (Architecture.Box box : boxes) {
        if (!box.marks().isEmpty()) {
          marked.add("- " + OutputText.markdown(box.title()) + ": " + marks(box.marks(), figure));
        }
      }
    }
    for (Architecture.Flow flow : picture.flows()) {
      if (!flow.marks().isEmpty()) {
        marked.add("- " + OutputText.markdown(flow.label()) + ": " + marks(flow.marks(), figure));
      }
    }
    if (!marked.isEmpty()) {
      line("**Findings in the picture**");
      line("");
      marked.forEach(this::line);
      line("");
    }
  }

  private static String marks(List<Architecture.Mark> marks, ReportPage.ArchitectureFigure figure) {
    return marks.stream()
        .map(
            m ->
                "["
                    + OutputText.markdown(m.text())
                    + "](#"
                    + figure.anchor()
                    + "rule-"
                    + m.ruleId()
                    + ")")
        .collect(Collectors.joining(", "));
  }

  private void owasp(ReportPage.OwaspChart chart) {
    int max = chart.categories().stream().mapToInt(OwaspCategory::findings).max().orElse(0);
    line("| category | findings | | rules run |");
    line("|---|---:|---|---:|");
    for (OwaspCategory category : chart.categories()) {
      int width = max == 0 ? 0 : (int) Math.ceil(BAR_WIDTH * (double) category.findings() / max);
      line(
          "| "
              + category.label()
              + " "
              + OutputText.markdown(category.name())
              + " | "
              + category.findings()
              + " | "
              + (width == 0 ? "" : "`" + "█".repeat(width) + "`")
              + " | "
              + category.rules()
              + " |");
    }
    line("");
  }

  /**
   * Text inside a code span: backticks cannot be escaped there, so they become quotes; pipes break
   * tables.
   */
  private static String code(String text) {
    return OutputText.line(text).replace('`', '\'').replace("|", "\\|");
  }
}

package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.text.OutputText;
import io.github.threatlint.core.threatmodel.Architecture.Box;
import io.github.threatlint.core.threatmodel.Architecture.Flow;
import io.github.threatlint.core.threatmodel.Architecture.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The architecture picture as a Mermaid {@code flowchart}, which GitHub and most Markdown viewers
 * draw: the same boxes, boundaries and flows as the HTML picture, parts with findings outlined in
 * red. Mermaid on GitHub does not follow links, so the findings are listed under the chart.
 */
final class ArchitectureMermaid {
  private ArchitectureMermaid() {}

  /** The chart's lines, without the fence. */
  static List<String> chart(Architecture picture) {
    List<String> lines = new ArrayList<>();
    lines.add("flowchart TB");
    lines.add("  subgraph outside[\"" + label("Trust boundary: " + picture.outsideZone()) + "\"]");
    picture.outside().forEach(box -> lines.add("    " + node(box)));
    lines.add("  end");
    picture.edge().forEach(box -> lines.add("  " + node(box)));
    lines.add(
        "  subgraph "
            + Architecture.RESOURCES
            + "[\""
            + label("Trust boundary: API provider")
            + "\"]");
    picture.environments().forEach(box -> lines.add("    " + node(box)));
    picture.groups().forEach(box -> lines.add("    " + node(box)));
    if (picture.moreGroups() > 0) {
      lines.add(
          "    more[\""
              + label(
                  "and "
                      + ReportText.plural(picture.moreGroups(), "more group")
                      + " ("
                      + ReportText.plural(picture.moreOperations(), "operation")
                      + ")")
              + "\"]");
    }
    lines.add("  end");
    List<Integer> markedFlows = new ArrayList<>();
    int index = 0;
    for (Flow flow : picture.flows()) {
      String label = flow.label();
      if (!flow.marks().isEmpty()) {
        label += " ⚠ " + flow.marks().stream().map(Mark::text).collect(Collectors.joining(", "));
        markedFlows.add(index);
      }
      lines.add(
          "  "
              + flow.from()
              + (flow.back()
                  ? " -. \"" + label(label) + "\" .-> "
                  : " -->|\"" + label(label) + "\"| ")
              + flow.to());
      index++;
    }
    List<String> marked = new ArrayList<>();
    for (List<Box> boxes :
        List.of(picture.outside(), picture.edge(), picture.environments(), picture.groups())) {
      boxes.stream().filter(b -> !b.marks().isEmpty()).forEach(b -> marked.add(b.id()));
    }
    lines.add("  classDef finding stroke:#b42318,stroke-width:3px");
    if (!marked.isEmpty()) {
      lines.add("  class " + String.join(",", marked) + " finding");
    }
    for (int flow : markedFlows) {
      lines.add("  linkStyle " + flow + " stroke:#b42318,stroke-width:3px");
    }
    return lines;
  }

  private static String node(Box box) {
    List<String> text = new ArrayList<>();
    text.add(box.title());
    text.addAll(box.lines());
    for (Mark mark : box.marks()) {
      text.add("⚠ " + mark.text());
    }
    return box.id()
        + "[\""
        + text.stream().map(ArchitectureMermaid::label).collect(Collectors.joining("<br/>"))
        + "\"]";
  }

  /**
   * Text inside a quoted Mermaid label: quotes, angle brackets, '#' and '&' become Mermaid's entity
   * codes, backticks (which would end the Markdown fence or start a Markdown string) too.
   */
  static String label(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : OutputText.line(text).toCharArray()) {
      switch (c) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '#' -> out.append("#35;");
        case '&' -> out.append("#amp;");
        case '`' -> out.append("#96;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

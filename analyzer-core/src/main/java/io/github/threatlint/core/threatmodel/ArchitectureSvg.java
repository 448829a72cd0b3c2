package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.text.OutputText;
import io.github.threatlint.core.threatmodel.Architecture.Box;
import io.github.threatlint.core.threatmodel.Architecture.Flow;
import io.github.threatlint.core.threatmodel.Architecture.Mark;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The architecture picture as inline SVG, laid out top to bottom so that it stays legible when a
 * phone scales it down: the callers in their trust boundary, then the authorization servers and the
 * gateway, then the API provider's boundary with its resource servers and groups of operations.
 * Text is cut to its box (the full text is the element's tooltip); each finding mark links to the
 * rule's findings.
 */
final class ArchitectureSvg {
  /**
   * How the picture is laid out: its width and how many boxes stand side by side in each row
   * (callers, authorization servers and gateway, resource servers, groups of operations).
   */
  enum Layout {
    /** For a page of a desktop browser or a printed page. */
    WIDE(720, 2, 3, 3, 2),
    /** For a phone: narrower, so that the text stays legible when the picture is scaled down. */
    NARROW(400, 2, 2, 1, 1);

    final int width;
    final int outside;
    final int edge;
    final int environments;
    final int groups;

    Layout(int width, int outside, int edge, int environments, int groups) {
      this.width = width;
      this.outside = outside;
      this.edge = edge;
      this.environments = environments;
      this.groups = groups;
    }

    String slug() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final int MARGIN = 12;

  /** Room on the right for the arrow of webhooks and callbacks back to the client. */
  private static final int RETURN_LANE = 28;

  private static final int GAP = 16;
  private static final int ZONE_PADDING = 14;
  private static final int TITLE_SIZE = 14;
  private static final int TEXT_SIZE = 12;
  private static final int LINE_HEIGHT = 16;

  /**
   * A generous average glyph width (as a share of the font size) for cutting text to a box; the
   * browser test checks that no text overflows.
   */
  private static final double GLYPH = 0.62;

  /** How many lines a box's title or fact may take. */
  private static final int WRAPPED_LINES = 2;

  /** How many finding marks a box shows before "+ N more". */
  private static final int MARKS_SHOWN = 2;

  private static final String RED = "#b42318";

  private final Architecture picture;
  private final String anchor;
  private final Layout layout;
  private final StringBuilder svg = new StringBuilder();
  private final Map<String, double[]> placed = new LinkedHashMap<>();

  /** The baseline of each flow's label. */
  private final Map<Flow, Double> labels = new IdentityHashMap<>();

  private ArchitectureSvg(Architecture picture, String anchor, Layout layout) {
    this.picture = picture;
    this.anchor = anchor;
    this.layout = layout;
  }

  /** The picture; {@code anchor} prefixes the ids of the report's finding sections. */
  static String draw(Architecture picture, String anchor, Layout layout) {
    return new ArchitectureSvg(picture, anchor, layout).draw();
  }

  private String draw() {
    int inner = layout.width - 2 * MARGIN - RETURN_LANE;
    double x = MARGIN + ZONE_PADDING;
    double width = inner - 2 * ZONE_PADDING;
    StringBuilder zones = new StringBuilder();
    StringBuilder boxes = new StringBuilder();

    double y = MARGIN;
    double outsideTop = y;
    y =
        row(boxes, picture.outside(), x, width, y + ZONE_PADDING + LINE_HEIGHT, layout.outside)
            + ZONE_PADDING;
    zone(zones, picture.outsideZone(), MARGIN, outsideTop, inner, y - outsideTop);

    y = band(y, flow -> !flow.back() && inRow(flow.from(), picture.outside()));
    y = row(boxes, picture.edge(), x, width, y, layout.edge);

    y = band(y, flow -> flow.back() || inRow(flow.from(), picture.edge()));
    double insideTop = y;
    y =
        row(
            boxes,
            picture.environments(),
            x,
            width,
            y + ZONE_PADDING + LINE_HEIGHT,
            layout.environments);
    y = row(boxes, picture.groups(), x, width, y + GAP, layout.groups);
    if (picture.moreGroups() > 0) {
      y += LINE_HEIGHT + 4;
      String more =
          "and "
              + ReportText.plural(picture.moreGroups(), "more group")
              + " ("
              + ReportText.plural(picture.moreOperations(), "operation")
              + ")";
      text(boxes, more, x, y, TEXT_SIZE, "#475467", "", width);
    }
    y += ZONE_PADDING;
    zone(zones, "API provider", MARGIN, insideTop, inner, y - insideTop);
    placed.put(Architecture.RESOURCES, new double[] {MARGIN, insideTop, inner, y - insideTop});
    double height = y + MARGIN;

    StringBuilder arrows = new StringBuilder();
    for (Flow flow : picture.flows()) {
      flow(arrows, flow);
    }
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
        .append(layout.slug())
        .append("\" viewBox=\"0 0 ")
        .append(layout.width)
        .append(' ')
        .append(fmt(height))
        .append("\" width=\"100%\" role=\"group\" aria-label=\"Architecture of the API\">\n");
    svg.append(zones).append(arrows).append(boxes).append("</svg>");
    return svg.toString();
  }

  private static boolean inRow(String id, List<Box> row) {
    return row.stream().anyMatch(b -> b.id().equals(id));
  }

  /**
   * The space between two rows, with a line for the label of each flow that crosses it (and one for
   * each of its marks); returns the y of the next row.
   */
  private double band(double y, Predicate<Flow> crossing) {
    y += GAP;
    for (Flow flow : picture.flows()) {
      if (crossing.test(flow)) {
        y += LINE_HEIGHT;
        labels.put(flow, y);
        y += Math.min(flow.marks().size(), MARKS_SHOWN) * LINE_HEIGHT;
      }
    }
    return y + LINE_HEIGHT + GAP;
  }

  /** Boxes in rows of at most {@code columns}, left to right; returns the y below the last row. */
  private double row(
      StringBuilder out, List<Box> boxes, double x, double width, double y, int columns) {
    for (int start = 0; start < boxes.size(); start += columns) {
      List<Box> line = boxes.subList(start, Math.min(boxes.size(), start + columns));
      int count = line.size() == 1 && boxes.size() == 1 ? 1 : Math.min(columns, boxes.size());
      double boxWidth = (width - GAP * (count - 1)) / count;
      double rowHeight = 0;
      for (Box box : line) {
        rowHeight = Math.max(rowHeight, height(box, boxWidth));
      }
      for (int i = 0; i < line.size(); i++) {
        box(out, line.get(i), x + i * (boxWidth + GAP), y, boxWidth, rowHeight);
      }
      y += rowHeight + GAP;
    }
    return y - GAP;
  }

  private static double height(Box box, double width) {
    int marks =
        Math.min(box.marks().size(), MARKS_SHOWN) + (box.marks().size() > MARKS_SHOWN ? 1 : 0);
    int lines = wrap(box.title(), width - 16, TITLE_SIZE).size() + marks;
    for (String line : box.lines()) {
      lines += wrap(line, width - 16, TEXT_SIZE).size();
    }
    return 12 + lines * LINE_HEIGHT;
  }

  /**
   * The text in lines that fit {@code width} at a font size, broken between words, at most {@code
   * WRAPPED_LINES} (the last one then ends the text; {@link #text} cuts it).
   */
  static List<String> wrap(String text, double width, int size) {
    int fits = (int) Math.floor(width / (size * GLYPH));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (line.length() > 0 && line.length() + 1 + words[i].length() > fits) {
        if (lines.size() == WRAPPED_LINES - 1) {
          line.append(' ').append(String.join(" ", List.of(words).subList(i, words.length)));
          break;
        }
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(words[i]);
    }
    lines.add(line.toString());
    return lines;
  }

  private void box(StringBuilder out, Box box, double x, double y, double width, double height) {
    placed.put(box.id(), new double[] {x, y, width, height});
    boolean marked = !box.marks().isEmpty();
    out.append("<g class=\"box\" data-box=\"").append(OutputText.xml(box.id())).append("\">");
    out.append("<title>")
        .append(
            OutputText.xml(
                box.title() + (box.lines().isEmpty() ? "" : ": " + String.join("; ", box.lines()))))
        .append("</title>");
    rect(
        out,
        x,
        y,
        width,
        height,
        "rx=\"6\" fill=\"#ffffff\" stroke=\""
            + (marked ? RED : "#98a2b3")
            + "\" stroke-width=\""
            + (marked ? 2 : 1)
            + "\"");
    double baseline = y + 6 + TITLE_SIZE - LINE_HEIGHT;
    for (String title : wrap(box.title(), width - 16, TITLE_SIZE)) {
      baseline += LINE_HEIGHT;
      text(out, title, x + 8, baseline, TITLE_SIZE, "#101828", " font-weight=\"600\"", width - 16);
    }
    for (String fact : box.lines()) {
      for (String line : wrap(fact, width - 16, TEXT_SIZE)) {
        baseline += LINE_HEIGHT;
        text(out, line, x + 8, baseline, TEXT_SIZE, "#344054", "", width - 16);
      }
    }
    for (Mark mark : box.marks().subList(0, Math.min(box.marks().size(), MARKS_SHOWN))) {
      baseline += LINE_HEIGHT;
      markLink(out, mark, x + 8, baseline, width - 16);
    }
    if (box.marks().size() > MARKS_SHOWN) {
      baseline += LINE_HEIGHT;
      out.append("<a class=\"mark\" href=\"#").append(OutputText.xml(anchor)).append("findings\">");
      text(
          out,
          "+ " + ReportText.plural(box.marks().size() - MARKS_SHOWN, "more rule"),
          x + 8,
          baseline,
          TEXT_SIZE,
          RED,
          "",
          width - 16);
      out.append("</a>");
    }
    out.append("</g>\n");
  }

  private void markLink(StringBuilder out, Mark mark, double x, double y, double width) {
    out.append("<a class=\"mark\" href=\"#")
        .append(OutputText.xml(anchor + "rule-" + mark.ruleId()))
        .append("\">");
    text(out, "⚠ " + mark.text(), x, y, TEXT_SIZE, RED, " text-decoration=\"underline\"", width);
    out.append("</a>");
  }

  private void zone(
      StringBuilder out, String label, double x, double y, double width, double height) {
    out.append("<g class=\"zone\">");
    rect(
        out,
        x,
        y,
        width,
        height,
        "rx=\"10\" fill=\"#f9fafb\" fill-opacity=\"0.6\" stroke=\"#667085\" stroke-dasharray=\"6 4\"");
    text(
        out,
        "Trust boundary: " + label,
        x + ZONE_PADDING,
        y + ZONE_PADDING + 4,
        TEXT_SIZE,
        "#475467",
        " font-style=\"italic\"",
        width - 2 * ZONE_PADDING);
    out.append("</g>\n");
  }

  private void flow(StringBuilder out, Flow flow) {
    double[] from = placed.get(flow.from());
    double[] to = placed.get(flow.to());
    if (from == null || to == null) {
      return;
    }
    boolean marked = !flow.marks().isEmpty();
    String color = marked ? RED : "#475467";
    List<double[]> points = new ArrayList<>();
    if (flow.back()) {
      // from the provider's right edge, up the return lane, into the client's right side
      double laneX = MARGIN + (layout.width - 2 * MARGIN - RETURN_LANE) + RETURN_LANE / 2.0;
      points.add(new double[] {from[0] + from[2], from[1] + 30});
      points.add(new double[] {laneX, from[1] + 30});
      points.add(new double[] {laneX, to[1] + to[3] / 2});
      points.add(new double[] {to[0] + to[2], to[1] + to[3] / 2});
    } else {
      double startX = from[0] + from[2] / 2;
      // into a box's top middle; into the provider's boundary straight down
      double endX = flow.to().equals(Architecture.RESOURCES) ? startX : to[0] + to[2] / 2;
      points.add(new double[] {startX, from[1] + from[3]});
      points.add(new double[] {endX, to[1]});
    }
    out.append("<g class=\"flow\"><polyline fill=\"none\" stroke=\"")
        .append(color)
        .append("\" stroke-width=\"")
        .append(marked ? 2 : 1.5)
        .append("\"")
        .append(flow.back() ? " stroke-dasharray=\"5 3\"" : "")
        .append(" points=\"");
    for (double[] point : points) {
      out.append(fmt(point[0])).append(',').append(fmt(point[1])).append(' ');
    }
    out.setLength(out.length() - 1);
    out.append("\"/>");
    arrowhead(out, points.get(points.size() - 2), points.get(points.size() - 1), color);
    // the label on its own line of the band the flow crosses: right of the line, or left of the
    // return lane for a flow back
    Double baseline = labels.get(flow);
    if (baseline != null) {
      label(out, flow, points, baseline, color);
    }
    out.append("</g>\n");
  }

  private void label(
      StringBuilder out, Flow flow, List<double[]> points, double baseline, String color) {
    double[] a = points.get(flow.back() ? 1 : 0);
    double[] b = points.get(flow.back() ? 2 : 1);
    double lineX =
        b[1] == a[1] ? a[0] : a[0] + (b[0] - a[0]) * (baseline - 4 - a[1]) / (b[1] - a[1]);
    int marks = Math.min(flow.marks().size(), MARKS_SHOWN);
    // left of the line where it runs in the right half (and for a flow back), else right of it
    boolean left = flow.back() || lineX > (layout.width - RETURN_LANE) / 2.0;
    double room =
        left ? lineX - 8 - MARGIN - ZONE_PADDING : layout.width - MARGIN - RETURN_LANE - lineX - 8;
    double textWidth = Math.min(room, (flow.label().length() + 1) * TEXT_SIZE * GLYPH);
    for (Mark mark : flow.marks().subList(0, marks)) {
      textWidth =
          Math.max(textWidth, Math.min(room, (mark.text().length() + 3) * TEXT_SIZE * GLYPH));
    }
    double labelX = left ? lineX - 8 - textWidth : lineX + 8;
    rect(
        out,
        labelX - 3,
        baseline - TEXT_SIZE - 1,
        textWidth + 6,
        (1 + marks) * LINE_HEIGHT,
        "fill=\"#ffffff\" fill-opacity=\"0.9\"");
    text(out, flow.label(), labelX, baseline, TEXT_SIZE, color, "", textWidth);
    double markLine = baseline;
    for (Mark mark : flow.marks().subList(0, marks)) {
      markLine += LINE_HEIGHT;
      markLink(out, mark, labelX, markLine, textWidth);
    }
  }

  private static void rect(
      StringBuilder out, double x, double y, double width, double height, String attributes) {
    out.append("<rect x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" width=\"")
        .append(fmt(width))
        .append("\" height=\"")
        .append(fmt(height))
        .append("\" ")
        .append(attributes)
        .append("/>");
  }

  /**
   * A filled triangle at {@code to}, pointing along the segment from {@code from} (drawn, not an
   * SVG marker: the report refers to nothing by {@code url(...)}).
   */
  private static void arrowhead(StringBuilder out, double[] from, double[] to, String color) {
    double dx = to[0] - from[0];
    double dy = to[1] - from[1];
    double length = Math.max(1e-9, Math.hypot(dx, dy));
    double ux = dx / length;
    double uy = dy / length;
    double size = 8;
    double baseX = to[0] - ux * size;
    double baseY = to[1] - uy * size;
    out.append("<path d=\"M")
        .append(fmt(to[0]))
        .append(',')
        .append(fmt(to[1]))
        .append(" L")
        .append(fmt(baseX - uy * size / 2))
        .append(',')
        .append(fmt(baseY + ux * size / 2))
        .append(" L")
        .append(fmt(baseX + uy * size / 2))
        .append(',')
        .append(fmt(baseY - ux * size / 2))
        .append(" Z\" fill=\"")
        .append(color)
        .append("\"/>");
  }

  /** Text cut to {@code width} (with "…"), the full text as its tooltip when cut. */
  private static void text(
      StringBuilder out,
      String text,
      double x,
      double y,
      int size,
      String color,
      String attributes,
      double width) {
    int fits = (int) Math.floor(width / (size * GLYPH));
    boolean cut = text.length() > fits;
    String shown = cut ? text.substring(0, Math.max(1, fits - 1)).stripTrailing() + "…" : text;
    out.append("<text x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" font-size=\"")
        .append(size)
        .append("\" fill=\"")
        .append(color)
        .append('"')
        .append(attributes)
        .append(" data-width=\"")
        .append(fmt(width))
        .append("\">");
    if (cut) {
      out.append("<title>").append(OutputText.xml(text)).append("</title>");
    }
    out.append(OutputText.xml(shown)).append("</text>");
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}

package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * The threat-model report as both formats write it: one section per API, made of paragraphs, lists,
 * tables and figures of inline text. {@link ReportPageBuilder} decides what the report says; {@link
 * HtmlThreatReport} and {@link MarkdownThreatReport} only decide how it looks, so the two formats
 * say the same things.
 *
 * @param title the page's title (HTML's {@code <title>})
 * @param apis one section per analysed API
 * @param footer where the names come from, at the end of the page (HTML only: Markdown is usually
 *     read next to the tool that wrote it)
 */
record ReportPage(String title, List<Section> apis, String footer) {

  /** Something a section holds. */
  sealed interface Block
      permits Section,
          Paragraph,
          Items,
          Table,
          Group,
          Contents,
          StatusBar,
          StatusLegend,
          OwaspChart,
          ArchitectureFigure {}

  /**
   * A headed part of the report; its heading level is its depth. A section with a {@code status} is
   * a scenario, shown with its status next to its name.
   *
   * @param id the anchor links point to, or null
   * @param status the scenario's status, or null
   */
  record Section(
      String id,
      List<Inline> title,
      ScenarioAssessment.Status status,
      List<Block> blocks,
      boolean collapsed)
      implements Block {
    Section(String id, List<Inline> title, ScenarioAssessment.Status status, List<Block> blocks) {
      this(id, title, status, blocks, false);
    }

    /** The same section, shown folded until the reader opens it (HTML; Markdown shows it all). */
    Section folded() {
      return new Section(id, title, status, blocks, true);
    }
  }

  /**
   * A paragraph; {@code style} names its role ({@code meta}, {@code headline}, {@code note}, {@code
   * facts}, {@code checked}) or is null for plain text.
   */
  record Paragraph(String style, List<Inline> content) implements Block {}

  /**
   * A list under an optional heading; {@code empty} is said instead of an empty list (null: the
   * list is never empty).
   */
  record Items(String heading, ListStyle style, List<Item> items, String empty) implements Block {}

  /**
   * One entry of a list; {@code style} names its role ({@code evidence}, {@code evidence partial})
   * or is null; {@code children} is a nested list or null.
   */
  record Item(String style, List<Inline> content, Items children) {}

  enum ListStyle {
    BULLETS,
    NUMBERED,
    /** Places in the specification under an item. */
    LOCATIONS,
    /** Things for the reader to tick off. */
    CHECKLIST
  }

  /** A table; each row has one cell per column, each cell is inline text. */
  record Table(String style, List<Column> columns, List<List<List<Inline>>> rows)
      implements Block {}

  /**
   * A column of a table: its header, whether it holds numbers (right-aligned) or code-like text,
   * and its width class (null: the browser decides).
   */
  record Column(String header, boolean number, boolean mono, String width) {
    static Column text(String header) {
      return new Column(header, false, false, null);
    }
  }

  /** Blocks laid out together ({@code style}: summary, columns; null: one column of them). */
  record Group(String style, List<Block> blocks) implements Block {}

  /** The links to the main sections of an API, at its top. */
  record Contents(List<Inline.Link> links) implements Block {}

  /** The scenarios' statuses as a stacked bar, with the count of each. */
  record StatusBar(List<StatusCount> counts, int total) implements Block {}

  record StatusCount(ScenarioAssessment.Status status, long count) {}

  /** What each status means. */
  record StatusLegend() implements Block {}

  /** Findings and rules per OWASP category, as bars. */
  record OwaspChart(List<OwaspCategory> categories) implements Block {}

  /**
   * The spec's architecture picture; {@code anchor} prefixes the ids of the finding sections its
   * marks link to.
   */
  record ArchitectureFigure(Architecture picture, String anchor) implements Block {}

  /** Text inside a block. */
  sealed interface Inline {
    record Text(String text) implements Inline {}

    record Code(String text) implements Inline {}

    record Strong(List<Inline> content) implements Inline {}

    /**
     * Text in a role ({@code meta} for secondary text, {@code level-error} and the like for a
     * level, {@code rel relevant} for an agent's relevance): HTML styles it, Markdown writes it
     * plain.
     */
    record Styled(String style, List<Inline> content) implements Inline {}

    /** A link; {@code style} is {@code mono} for places in the specification, or null. */
    record Link(String href, List<Inline> content, String style) implements Inline {}

    /** A short form with its long form ("H" for High). */
    record Abbr(String text, String title) implements Inline {}

    /** A scenario status as a coloured label. */
    record Status(ScenarioAssessment.Status status) implements Inline {}

    /**
     * A line break: in a paragraph, a hard break; in a list item or table cell, HTML breaks the
     * line and Markdown, which keeps such entries on one line, writes a comma.
     */
    record Break() implements Inline {}

    /**
     * A description under the name in a table cell or list entry: HTML shows it on its own line,
     * Markdown leaves it out (a Markdown table row stays one short line).
     */
    record Detail(List<Inline> content) implements Inline {}

    static Text text(String text) {
      return new Text(text);
    }

    static Styled meta(String text) {
      return new Styled("meta", List.of(new Text(text)));
    }

    static Link link(String href, String text) {
      return new Link(href, List.of(new Text(text)), null);
    }
  }
}

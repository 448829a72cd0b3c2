package io.github.threatlint.rules.support;

import io.github.threatlint.core.vocabulary.Words;
import java.util.List;

/** The names of paging parameters: how many items a page holds, and where the page starts. */
public final class PageParameters {
  /** Page-size parameters (query or header), compared ignoring case and separators. */
  public static final List<String> SIZE =
      List.of(
          "limit",
          "pageSize",
          "size",
          "per_page",
          "top",
          "first",
          "maxResults",
          "maxItems",
          "pageLimit",
          "itemsPerPage",
          "page[size]",
          "page[limit]",
          "pagelen",
          "maxRecords",
          "numberOfItems");

  /**
   * Where a page starts: a page number or an offset. A value past the end returns an empty page, so
   * a minimum bounds it; a maximum would only cap how far a client may page. NextGenPSD2 names its
   * page number {@code pageIndex}.
   */
  public static final List<String> POSITION =
      List.of(
          "page",
          "pageNumber",
          "pageIndex",
          "page[number]",
          "page[offset]",
          "offset",
          "skip",
          "start",
          "startIndex");

  private PageParameters() {}

  public static boolean isSize(String name) {
    return Words.isAny(name, SIZE);
  }

  public static boolean isPosition(String name) {
    return Words.isAny(name, POSITION);
  }
}

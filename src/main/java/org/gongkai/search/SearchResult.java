package org.gongkai.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A page of hits with their highlights, the total, and counts per facet value. {@code
 * facetsApproximate}: the counts were estimated from a sample of many matches. {@code
 * closeMatches}: no document had every word, and these have most of them. {@code totalEstimated}:
 * there are more matches than are counted one by one, and the total is estimated.
 */
public record SearchResult(
    long total,
    long tookMs,
    List<Hit> items,
    Map<String, List<FacetValue>> facets,
    String nextCursor,
    int page,
    int size,
    boolean facetsApproximate,
    boolean closeMatches,
    boolean totalEstimated) {

  public record Hit(
      long id,
      String title,
      String titleHighlight,
      String snippet,
      String indexNumber,
      String docNumber,
      String agency,
      String agencyName,
      long column,
      String columnName,
      LocalDate publishedOn,
      String url) {}

  public record FacetValue(String key, String label, long count) {}

  /** The same result, answered in {@code ms}. */
  public SearchResult tookNow(long ms) {
    return new SearchResult(
        total,
        ms,
        items,
        facets,
        nextCursor,
        page,
        size,
        facetsApproximate,
        closeMatches,
        totalEstimated);
  }

  public int totalPages() {
    return size <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
  }
}

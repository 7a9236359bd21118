package org.gongkai.search;

import java.time.LocalDate;

/**
 * A search as the public asks it. {@code text} uses the public syntax: words, "quoted phrases",
 * -exclusions. Filters are null when not set. {@code cursor} continues after the last hit of the
 * previous page (search-after), for deep paging without counting from the start.
 */
public record SearchQuery(
    String text,
    String agency,
    Long column,
    String topic,
    String validity,
    LocalDate from,
    LocalDate to,
    Sort sort,
    int page,
    int size,
    String cursor,
    boolean facets) {

  public enum Sort {
    RELEVANCE,
    DATE
  }

  public static SearchQuery of(String text) {
    return new SearchQuery(
        text, null, null, null, null, null, null, Sort.RELEVANCE, 1, 10, null, true);
  }
}

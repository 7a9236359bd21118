package org.gongkai.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search as the public asks it. {@code text} uses the public syntax: words, "quoted phrases",
 * -exclusions. Filters are null when not set. {@code cursor} continues after the last hit of the
 * previous page (search-after), for deep paging without counting from the start. {@code agencies}:
 * the codes of the agencies a site shows, when the search is scoped to one site; null searches
 * every agency of the platform.
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
    boolean facets,
    Set<String> agencies) {

  public SearchQuery {
    agencies = agencies == null ? null : Set.copyOf(agencies);
  }

  /** A search over the whole platform. */
  public SearchQuery(
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
    this(text, agency, column, topic, validity, from, to, sort, page, size, cursor, facets, null);
  }

  /** The same search within the given agencies (codes); null: the whole platform. */
  public SearchQuery within(Set<String> agencyCodes) {
    return new SearchQuery(
        text,
        agency,
        column,
        topic,
        validity,
        from,
        to,
        sort,
        page,
        size,
        cursor,
        facets,
        agencyCodes);
  }

  public enum Sort {
    RELEVANCE,
    DATE
  }

  public static SearchQuery of(String text) {
    return new SearchQuery(
        text, null, null, null, null, null, null, Sort.RELEVANCE, 1, 10, null, true);
  }
}

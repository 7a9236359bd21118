package org.gongkai.analytics;

import java.time.LocalDate;
import java.util.Map;

/**
 * Counts of past days added as if their pages had been served here: the demo's year of visits, and
 * the figures a site brings from the statistics of its former host. Nothing about a visitor is
 * given or kept, only how many there were.
 */
public interface VisitHistory {

  /**
   * Adds a day's counts to a site's: {@code pageViews} by page path (an agency's catalog page may
   * carry {@code ?column=ID}; the views count for the column as live views do), {@code visitors}
   * distinct visitors that day, and searches that found nothing by query. Days already counted are
   * added to, not replaced.
   */
  void addDay(
      long siteId,
      LocalDate day,
      Map<String, Long> pageViews,
      long visitors,
      Map<String, Long> searchesWithoutResult);
}

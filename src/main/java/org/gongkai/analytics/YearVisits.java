package org.gongkai.analytics;

/** What the yearly website report reads of a site's counted visits. */
public interface YearVisits {

  /**
   * The site's page views added up over the year and its unique visitors of the year, estimated
   * from the days' sketches merged (a visitor of several days counts once).
   */
  Totals ofYear(long siteId, int year);

  record Totals(long views, long visitors) {}
}

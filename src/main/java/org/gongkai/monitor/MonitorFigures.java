package org.gongkai.monitor;

import java.time.LocalDate;

/** What the yearly website and supervision reports ask of the monitor's runs over a site. */
public interface MonitorFigures {

  /**
   * The site's runs between the dates, both inclusive: the days it was checked; the problems found
   * (each rule and target once, however many days it was found); of those the ones its last checked
   * day in the period no longer found (fixed); and whether any agency's run of it scored under the
   * pass mark or was vetoed (unqualified).
   */
  SiteChecks siteChecks(long siteId, LocalDate first, LocalDate last);

  record SiteChecks(int days, int problemsFound, int problemsFixed, boolean unqualified) {}
}

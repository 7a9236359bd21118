package org.gongkai.websitereport;

import java.util.Map;
import org.gongkai.account.Staff;

/** Entering a site's yearly report figures from other modules (the demo, integrations). */
public interface WebsiteReportDesk {

  /**
   * Enters figures of the site's report of the year, each with its source: checked, all or nothing,
   * and audited as through the console and the API.
   */
  void enter(long siteId, int year, Map<String, Figure> figures, Staff actor);

  /** A figure as staff enter it: the value and where it comes from. */
  record Figure(String value, String source) {}
}

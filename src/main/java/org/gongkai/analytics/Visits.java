package org.gongkai.analytics;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Counting on the public site's request path: in memory, a few hundred nanoseconds, written to the
 * database in the background.
 */
public interface Visits {

  /**
   * A public page answered to a request of a site (from the page cache or rendered): counted as a
   * view unless the answer was no page (not 200 or 304), the request came from a known bot or the
   * platform's own monitor, or the path is not a page (feeds, sitemaps, the API).
   */
  void pageServed(long siteId, HttpServletRequest request, int status);

  /** A search of the public site that found nothing; long or number-laden queries are dropped. */
  void searchFoundNothing(long siteId, String query);
}

package org.gongkai.websitereport;

import java.time.LocalDate;
import java.util.Optional;

/** What a site's home page shows of its yearly website reports. */
public interface PublishedWebsiteReports {

  /**
   * The site's newest published 《政府网站工作年度报表》 (last year's, until next year's is published): its
   * year, the catalog document it was published as, the day it was published, and the day of its
   * latest correction (null when it was never corrected).
   */
  record Notice(int year, long documentId, LocalDate publishedOn, LocalDate correctedOn) {}

  Optional<Notice> newest(long siteId);
}

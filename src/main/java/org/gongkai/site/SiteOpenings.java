package org.gongkai.site;

import java.time.Instant;
import java.util.List;

/** When the installation's sites were opened, for the yearly supervision report. */
public interface SiteOpenings {

  /** The ids of the sites created at or after {@code from} and before {@code until}. */
  List<Long> openedBetween(Instant from, Instant until);
}

package org.gongkai.monitor;

import java.time.LocalDate;
import java.util.List;

/**
 * What a site owes by a date and has not done (its yearly reports, for one), offered to the monitor
 * by the modules that know it: each overdue obligation is a finding of the site's daily check (rule
 * {@code LATE_WEBSITE_REPORT}).
 */
public interface SiteObligations {

  /** The site's obligations overdue on {@code today}. */
  List<Overdue> overdue(long siteId, LocalDate today);

  /** What is overdue (shown as the finding's target), where staff do it, and its due day. */
  record Overdue(String target, String link, LocalDate due) {}
}

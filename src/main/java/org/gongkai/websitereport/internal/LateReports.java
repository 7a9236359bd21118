package org.gongkai.websitereport.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.monitor.SiteObligations;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * Last year's reports still unpublished after 31 January, for the monitor: a site's own report, and
 * on the first site the network's supervision report.
 */
@Component
class LateReports implements SiteObligations {

  private final ReportStore store;
  private final Sites sites;
  private final ReportTable table;

  LateReports(ReportStore store, Sites sites, ReportTable table) {
    this.store = store;
    this.sites = sites;
    this.table = table;
  }

  @Override
  public List<Overdue> overdue(long siteId, LocalDate today) {
    int year = today.getYear() - 1;
    LocalDate due = WebsiteReports.due(year);
    List<Overdue> overdue = new ArrayList<>();
    if (!today.isAfter(due)) {
      return overdue;
    }
    String list = WebsiteReportWork.LIST + "?year=" + year;
    if (!store.everPublished(siteId, year)) {
      overdue.add(
          new Overdue(
              table.text("website-report.title") + table.text("website-report.year", year),
              list + "&site=" + siteId,
              due));
    }
    if (sites.fallback().id() == siteId && !store.everPublished(WebsiteReports.NETWORK, year)) {
      overdue.add(
          new Overdue(
              table.text("website-report.supervision.title")
                  + table.text("website-report.year", year),
              list,
              due));
    }
    return overdue;
  }
}

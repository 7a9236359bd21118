package org.gongkai.websitereport.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.websitereport.WebsiteReportDesk;
import org.springframework.stereotype.Service;

@Service
class WebsiteReportDeskService implements WebsiteReportDesk {

  private final WebsiteReports reports;

  WebsiteReportDeskService(WebsiteReports reports) {
    this.reports = reports;
  }

  @Override
  public void enter(long siteId, int year, Map<String, Figure> figures, Staff actor) {
    Map<String, ReportViews.Entered> entered = new LinkedHashMap<>();
    figures.forEach((key, f) -> entered.put(key, new ReportViews.Entered(f.value(), f.source())));
    reports.enter(siteId, year, entered, actor);
  }
}

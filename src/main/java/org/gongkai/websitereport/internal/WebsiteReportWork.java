package org.gongkai.websitereport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.WorkQueue;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.site.Site;
import org.springframework.stereotype.Component;

/**
 * Last year's reports not yet published, for those who publish them: each site's report for its
 * agencies' administrators, and the network's supervision report for platform administrators. Due
 * on 31 January; the working days left turn negative once that day has passed.
 */
@Component
class WebsiteReportWork implements WorkQueue {

  static final String KIND = "todo.website-reports";
  static final String LIST = "/console/website-reports";

  private final ReportAccess access;
  private final ReportStore store;
  private final WorkingCalendar calendar;
  private final Clock clock;

  WebsiteReportWork(ReportAccess access, ReportStore store, WorkingCalendar calendar, Clock clock) {
    this.access = access;
    this.store = store;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Section section() {
    return Section.REPORTS;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    LocalDate today = LocalDate.now(clock);
    int year = today.getYear() - 1;
    LocalDate due = WebsiteReports.due(year);
    int left = daysLeft(today, due);
    List<Item> items = new ArrayList<>();
    long total = 0;
    if (staff.isPlatformAdmin() && !store.everPublished(WebsiteReports.NETWORK, year)) {
      total++;
      items.add(new Item(String.valueOf(year), LIST + "?year=" + year, due, left));
    }
    for (Site site : access.changeableSites(staff)) {
      if (!store.everPublished(site.id(), year)) {
        total++;
        items.add(
            new Item(
                site.name() + " " + year,
                LIST + "?year=" + year + "&site=" + site.id(),
                due,
                left));
      }
    }
    return List.of(
        new Work(KIND, total, items.subList(0, (int) Math.min(limit, items.size())), LIST));
  }

  /** Working days from today to the due day; negative, counted the other way, once it passed. */
  private int daysLeft(LocalDate today, LocalDate due) {
    var days = calendar.current();
    return today.isAfter(due)
        ? -days.workingDaysBetween(due, today)
        : days.workingDaysBetween(today, due);
  }
}

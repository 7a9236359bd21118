package org.gongkai.analytics.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * Who may read a site's visits: platform administrators, and staff of an agency the site is named
 * for. The period asked for, checked: at most {@value #MAX_DAYS} days.
 */
@Component
class AnalyticsAccess {

  static final int MAX_DAYS = 731;

  record Period(LocalDate from, LocalDate to) {}

  private final Sites sites;
  private final StaffAccess access;

  AnalyticsAccess(Sites sites, StaffAccess access) {
    this.sites = sites;
    this.access = access;
  }

  Site site(Long siteId) {
    if (siteId == null) {
      throw Refusal.invalidField("site", "error.required", "site");
    }
    Site site = sites.find(siteId).orElseThrow(() -> Refusal.notFound("error.not-found"));
    if (!mayRead(access.current(), site)) {
      throw Refusal.forbidden("analytics.forbidden");
    }
    return site;
  }

  /** The sites whose visits the member of staff may read, in the platform's order. */
  List<Site> readable() {
    Staff me = access.current();
    return sites.all().stream().filter(site -> mayRead(me, site)).toList();
  }

  private boolean mayRead(Staff me, Site site) {
    return me.isPlatformAdmin()
        || site.agencyIds().stream().anyMatch(agency -> access.mayWorkOn(me, agency));
  }

  /** The days asked for; by default the 30 days up to {@code today}. */
  static Period period(String from, String to, LocalDate today) {
    LocalDate end = date("to", to, today);
    LocalDate start = date("from", from, end.minusDays(29));
    if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
      throw Refusal.invalidField("from", "analytics.period.invalid", MAX_DAYS);
    }
    return new Period(start, end);
  }

  private static LocalDate date(String field, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Refusal.invalidField(field, "error.invalid-value", field);
    }
  }
}

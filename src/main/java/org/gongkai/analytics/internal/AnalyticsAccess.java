package org.gongkai.analytics.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    Staff me = access.current();
    if (!me.isPlatformAdmin()
        && site.agencyIds().stream().noneMatch(agency -> access.mayWorkOn(me, agency))) {
      throw Refusal.forbidden("analytics.forbidden");
    }
    return site;
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

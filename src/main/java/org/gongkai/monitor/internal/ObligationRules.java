package org.gongkai.monitor.internal;

import java.time.LocalDate;
import org.gongkai.agency.Agency;
import org.gongkai.monitor.SiteObligations;
import org.gongkai.site.Site;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The site's overdue obligations that other modules report (the yearly website reports), found once
 * per site: in the run of the site's first agency (of a site showing every agency, the one at the
 * top of the tree).
 */
@Component
class ObligationRules {

  private final ObjectProvider<SiteObligations> obligations;

  ObligationRules(ObjectProvider<SiteObligations> obligations) {
    this.obligations = obligations;
  }

  void check(Site site, Agency agency, LocalDate today, Found found) {
    if (site == null || !firstAgency(site, agency)) {
      return;
    }
    obligations
        .orderedStream()
        .flatMap(o -> o.overdue(site.id(), today).stream())
        .forEach(
            o -> found.add(Rule.LATE_WEBSITE_REPORT, o.target(), o.link(), o.target(), o.due()));
  }

  private static boolean firstAgency(Site site, Agency agency) {
    return site.agencyIds().isEmpty()
        ? agency.parentId() == null
        : site.agencyIds().get(0) == agency.id();
  }
}

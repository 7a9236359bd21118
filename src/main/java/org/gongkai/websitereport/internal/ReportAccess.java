package org.gongkai.websitereport.internal;

import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the website reports: a site's report is read by staff of the agencies it is
 * named for and changed by their administrators; platform administrators do both for every site and
 * alone for the network's supervision report.
 */
@Component
class ReportAccess {

  private final Sites sites;
  private final StaffAccess access;

  ReportAccess(Sites sites, StaffAccess access) {
    this.sites = sites;
    this.access = access;
  }

  Staff current() {
    return access.current();
  }

  Site readable(Long siteId, Staff me) {
    Site site = site(siteId);
    if (!me.isPlatformAdmin()
        && site.agencyIds().stream().noneMatch(agency -> access.mayWorkOn(me, agency))) {
      throw Refusal.forbidden("website-report.forbidden");
    }
    return site;
  }

  /** The sites whose reports the person may read. */
  List<Site> readableSites(Staff me) {
    return sites.all().stream()
        .filter(
            site ->
                me.isPlatformAdmin()
                    || site.agencyIds().stream().anyMatch(agency -> access.mayWorkOn(me, agency)))
        .toList();
  }

  /** The sites whose reports the person may enter and publish. */
  List<Site> changeableSites(Staff me) {
    return sites.all().stream().filter(site -> mayChange(site, me)).toList();
  }

  /**
   * Whether the person may enter, publish and correct the report of the site (none: the network's).
   */
  boolean mayChange(Long siteId, Staff me) {
    return siteId == null ? me.isPlatformAdmin() : mayChange(site(siteId), me);
  }

  private boolean mayChange(Site site, Staff me) {
    if (me.isPlatformAdmin()) {
      return true;
    }
    for (long agency : site.agencyIds()) {
      try {
        access.requireAdministrator(me, agency);
        return true;
      } catch (Refusal notThisOne) {
        // the next agency of the site may be the person's
      }
    }
    return false;
  }

  Site changeable(Long siteId, Staff me) {
    Site site = site(siteId);
    if (!mayChange(site, me)) {
      throw Refusal.forbidden("website-report.forbidden");
    }
    return site;
  }

  void supervision(Staff me) {
    if (!me.isPlatformAdmin()) {
      throw Refusal.forbidden("website-report.supervision.forbidden");
    }
  }

  private Site site(Long siteId) {
    if (siteId == null) {
      throw Refusal.invalidField("site", "error.required", "site");
    }
    return sites.find(siteId).orElseThrow(() -> Refusal.notFound("error.not-found"));
  }
}

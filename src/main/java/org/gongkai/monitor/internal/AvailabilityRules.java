package org.gongkai.monitor.internal;

import java.time.LocalDate;
import java.util.Locale;
import org.gongkai.agency.Agency;
import org.gongkai.site.Site;
import org.springframework.stereotype.Component;

/**
 * The rules on the site being there for its visitors (index items 2 and 5): the run's check of the
 * site's home page and the pages it links ({@link SitePages}), and the hourly probes' failures over
 * the week ({@link SiteProbes}) of the agency's catalog page and its mailbox form.
 */
@Component
class AvailabilityRules {

  /** The index's threshold: a site that fails 5% of its timed visits over a week is unreachable. */
  static final double UNREACHABLE_SHARE = 0.05;

  private final SiteProbes probes;

  AvailabilityRules(SiteProbes probes) {
    this.probes = probes;
  }

  /** The site's own pages as the run found them; nothing without a site. */
  void checkPages(Site site, SitePages.Check pages, Found found) {
    if (site == null) {
      return;
    }
    String origin = "https://" + site.canonicalHost();
    if (pages.homeFails()) {
      found.add(Rule.HOME_PAGE_FAILS, site.name(), origin + "/", site.name(), pages.homeStatus());
    }
    for (SitePages.Broken b : pages.broken()) {
      found.add(
          Rule.SITE_PAGE_BROKEN, site.name(), origin + b.path(), site.name(), b.path(), b.status());
    }
  }

  void checkProbes(Agency agency, LocalDate today, Found found) {
    probes
        .failureShare(agency.id(), SiteProbes.Page.CATALOG, today)
        .filter(share -> share >= UNREACHABLE_SHARE)
        .ifPresent(
            share ->
                found.add(
                    Rule.SITE_UNREACHABLE,
                    agency.name(),
                    "/agencies/" + agency.code(),
                    percent(share),
                    SiteProbes.WINDOW_DAYS));
    probes
        .failureShare(agency.id(), SiteProbes.Page.MAILBOX, today)
        .filter(share -> share >= UNREACHABLE_SHARE)
        .ifPresent(
            share ->
                found.add(
                    Rule.NO_CONSULTATION_CHANNEL,
                    agency.name(),
                    "/mailbox?agency=" + agency.code(),
                    percent(share),
                    SiteProbes.WINDOW_DAYS));
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}

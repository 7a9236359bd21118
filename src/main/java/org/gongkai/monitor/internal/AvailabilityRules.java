package org.gongkai.monitor.internal;

import java.time.LocalDate;
import java.util.Locale;
import org.gongkai.agency.Agency;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * The rules on the site being there for its visitors (index items 2 and 5): the run's check of the
 * site's home page and the pages it links ({@link SitePages}), and the hourly probes' failures over
 * the week ({@link SiteProbes}) of the site's home page, and of the agency's catalog page and
 * mailbox form on that site.
 */
@Component
class AvailabilityRules {

  /** The index's threshold: a site that fails 5% of its timed visits over a week is unreachable. */
  static final double UNREACHABLE_SHARE = 0.05;

  private final SiteProbes probes;
  private final Sites sites;

  AvailabilityRules(SiteProbes probes, Sites sites) {
    this.probes = probes;
    this.sites = sites;
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

  /**
   * The hourly probes of the site over the week ({@code site} null: the agency's own site): its
   * home page and the agency's catalog page failing too often make it unreachable, the agency's
   * mailbox form failing too often leaves no consultation channel.
   */
  void checkProbes(Agency agency, Site site, LocalDate today, Found found) {
    Site on = site == null ? sites.home(agency.id()) : site;
    String origin = "https://" + on.canonicalHost();
    probes
        .failureShare(on.id(), null, SiteProbes.Page.HOME, today)
        .filter(share -> share >= UNREACHABLE_SHARE)
        .ifPresent(
            share ->
                found.add(
                    Rule.SITE_UNREACHABLE,
                    on.name(),
                    origin + "/",
                    percent(share),
                    SiteProbes.WINDOW_DAYS));
    probes
        .failureShare(on.id(), agency.id(), SiteProbes.Page.CATALOG, today)
        .filter(share -> share >= UNREACHABLE_SHARE)
        .ifPresent(
            share ->
                found.add(
                    Rule.SITE_UNREACHABLE,
                    agency.name(),
                    origin + "/agencies/" + agency.code(),
                    percent(share),
                    SiteProbes.WINDOW_DAYS));
    probes
        .failureShare(on.id(), agency.id(), SiteProbes.Page.MAILBOX, today)
        .filter(share -> share >= UNREACHABLE_SHARE)
        .ifPresent(
            share ->
                found.add(
                    Rule.NO_CONSULTATION_CHANNEL,
                    agency.name(),
                    origin + "/mailbox?agency=" + agency.code(),
                    percent(share),
                    SiteProbes.WINDOW_DAYS));
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}

package org.gongkai.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.site.Offer;
import org.gongkai.site.Offers;
import org.gongkai.site.Site;
import org.gongkai.site.SiteForm;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.SiteTheme;
import org.gongkai.site.SiteType;
import org.gongkai.site.Sites;

/** The demo's websites, kept apart from the documents and desk work that fill them. */
final class DemoSites {

  private final Sites sites;
  private final SiteLayouts layouts;
  private final AgencyDirectory agencies;
  private final Offers offers;
  private final Catalog catalog;

  DemoSites(
      Sites sites, SiteLayouts layouts, AgencyDirectory agencies, Offers offers, Catalog catalog) {
    this.sites = sites;
    this.layouts = layouts;
    this.agencies = agencies;
    this.offers = offers;
    this.catalog = catalog;
  }

  /**
   * The city's websites on the one platform, each on a host name under {@code localhost} that
   * browsers resolve to this machine: the city portal (the first site, which also answers
   * localhost), the city's disclosure platform and two departments' own sites.
   */
  void sites(Agency city, Agency commerce, Agency education, Staff admin) {
    Site portal = sites.fallback();
    List<String> portalHosts = new ArrayList<>(portal.hosts());
    portalHosts.add(DemoTexts.PORTAL_HOST);
    Site portalSite =
        sites.update(
            portal.id(),
            new SiteForm(
                portal.name(),
                portalHosts,
                portal.agencyIds(),
                portal.idCode(),
                SiteType.PORTAL,
                DemoTexts.ICP_FILING,
                DemoTexts.SECURITY_FILING,
                city.name(),
                DemoTexts.OPERATOR,
                city.guide().phone(),
                List.of("zh-CN", "en")),
            admin);
    Site platform =
        site(
            DemoTexts.PLATFORM_NAME,
            DemoTexts.PLATFORM_HOST,
            city,
            SiteType.PORTAL,
            "3399000002",
            admin);
    Site commerceSite =
        site(
            commerce.name(),
            DemoTexts.COMMERCE_HOST,
            commerce,
            SiteType.DEPARTMENT,
            "3399000003",
            admin);
    Site educationSite =
        site(
            education.name(),
            DemoTexts.EDUCATION_HOST,
            education,
            SiteType.DEPARTMENT,
            "3399000004",
            admin);
    DemoLayouts demo = new DemoLayouts(agencies);
    arrange(portalSite, demo.portal(city), admin);
    arrange(platform, demo.platform(city), admin);
    arrange(commerceSite, demo.department(commerce, SiteTheme.JADE), admin);
    arrange(educationSite, demo.department(education, SiteTheme.INK), admin);
    offersUpward(city, commerce, admin);
  }

  /**
   * The city's 部门动态 column on the portal, with the commerce bureau's two latest news items offered
   * to it and accepted, and a third waiting for the portal's editors.
   */
  private void offersUpward(Agency city, Agency commerce, Staff admin) {
    Column news = agencies.column(city.id(), ColumnType.NEWS).orElseThrow();
    Column bureauNews = agencies.column(commerce.id(), ColumnType.NEWS).orElseThrow();
    List<DocumentSummary> latest =
        catalog
            .published(
                new CatalogQuery(
                    Set.of(commerce.id()), Set.of(bureauNews.id()), null, null, null, 1, 3))
            .items();
    long portal = sites.fallback().id();
    for (int i = 0; i < latest.size(); i++) {
      Offer offer =
          offers.offer(latest.get(i).id(), portal, news.id(), DemoTexts.OFFER_NOTE, admin);
      if (i < 2) {
        offers.accept(offer.id(), admin);
      }
    }
  }

  /** Each site with a layout of its own, published as its administrator would. */
  private void arrange(Site site, SiteLayout layout, Staff admin) {
    layouts.saveDraft(site, layout, admin, "site.layout.demo");
    layouts.publish(site, admin);
  }

  private Site site(
      String name, String host, Agency agency, SiteType type, String idCode, Staff admin) {
    return sites.create(
        new SiteForm(
            name,
            List.of(host),
            List.of(agency.id()),
            idCode,
            type,
            DemoTexts.ICP_FILING,
            DemoTexts.SECURITY_FILING,
            agency.name(),
            DemoTexts.OPERATOR,
            agency.guide().phone(),
            List.of("zh-CN")),
        admin);
  }
}

package org.gongkai.catalog.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gongkai.shared.site.SiteProperties;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * The sites a document appears on, for the console: every site that shows its agency, the agency's
 * own site (where its canonical address is) first, each with the document's address there.
 */
@Component
class DocumentSites {

  private final Sites sites;
  private final String firstSiteAddress;

  DocumentSites(Sites sites, SiteProperties settings) {
    this.sites = sites;
    this.firstSiteAddress = settings.address();
  }

  /** A site showing the document, and its address there; {@code canonical} on its own site. */
  record OnSite(long siteId, String name, String host, String href, boolean canonical) {}

  List<OnSite> of(long documentId, long agencyId, HttpServletRequest request) {
    long home = sites.home(agencyId).id();
    return sites.all().stream()
        .filter(s -> sites.shows(s, agencyId))
        .sorted((a, b) -> Boolean.compare(b.id() == home, a.id() == home))
        .map(
            s ->
                new OnSite(
                    s.id(),
                    s.name(),
                    s.canonicalHost(),
                    address(s, request) + "/documents/" + documentId,
                    s.id() == home))
        .toList();
  }

  /**
   * The site's address as staff reach it from here: the first site's configured address when set;
   * else its canonical host, on this console's scheme and port when the console is on a port of its
   * own (a platform tried out locally), else over https.
   */
  private String address(Site site, HttpServletRequest request) {
    if (site.fallback() && !firstSiteAddress.isBlank()) {
      return firstSiteAddress;
    }
    int port = request.getServerPort();
    boolean defaultPort = port == 80 || port == 443;
    return defaultPort
        ? "https://" + site.canonicalHost()
        : request.getScheme() + "://" + site.canonicalHost() + ":" + port;
  }
}

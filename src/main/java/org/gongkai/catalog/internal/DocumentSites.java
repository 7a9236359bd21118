package org.gongkai.catalog.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gongkai.site.SiteAddresses;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * The sites a document appears on, for the console: every site that shows its agency, the agency's
 * own site (where its canonical address is) first, each with the document's address there.
 */
@Component
class DocumentSites {

  private final Sites sites;
  private final SiteAddresses addresses;

  DocumentSites(Sites sites, SiteAddresses addresses) {
    this.sites = sites;
    this.addresses = addresses;
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
                    addresses.of(s, request) + "/documents/" + documentId,
                    s.id() == home))
        .toList();
  }
}

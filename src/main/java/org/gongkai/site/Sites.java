package org.gongkai.site;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;

/** The websites of the installation; platform administrators create and change them. */
public interface Sites {

  List<Site> all();

  Optional<Site> find(long id);

  /** The site that answers a host no site names: the installation's first site. */
  Site fallback();

  /**
   * The site that answers a request for {@code host} (a host name without port, in any case): the
   * site naming it, else the first site, unless {@code gongkai.sites.unknown-host} says NOT_FOUND.
   * Read from a snapshot that follows the public site's version, so it costs no query.
   */
  Optional<Site> serving(String host);

  /**
   * Whether the site shows the agency's catalog: the agency is in one of its agencies' subtrees.
   */
  boolean shows(Site site, long agencyId);

  /**
   * The agencies whose catalogs the site shows, subtrees included; empty when it shows every
   * agency.
   */
  Optional<Set<Long>> agencyScope(Site site);

  /**
   * The agency's own site, where its documents' canonical addresses are: of the sites showing it,
   * the one naming its nearest ancestor (the agency itself first), a department's site before a
   * portal, the first site when no other shows it.
   */
  Site home(long agencyId);

  Site create(SiteForm form, Staff actor);

  Site update(long id, SiteForm form, Staff actor);

  /**
   * Closes a site: its record and settings are kept, its public pages answer 410 from now on.
   * Refused for the first site (it answers every host no other site names) and for a site closed
   * already. The web archive calls it once the site's pages are archived.
   */
  Site close(long id, Staff actor);
}

package org.gongkai.search.internal;

import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.search.SearchScope;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * The agencies a search asked on a host looks in: those of the site the host names, subtrees
 * included, unless the search asks for the whole platform or the site shows every agency (null).
 */
@Component
class SiteAgencies {

  private final Sites sites;
  private final AgencyDirectory agencies;

  SiteAgencies(Sites sites, AgencyDirectory agencies) {
    this.sites = sites;
    this.agencies = agencies;
  }

  Set<String> codes(String host, SearchScope scope) {
    if (scope == SearchScope.PLATFORM) {
      return null;
    }
    return sites
        .serving(host)
        .flatMap(sites::agencyScope)
        .map(
            ids ->
                ids.stream()
                    .map(agencies::find)
                    .flatMap(java.util.Optional::stream)
                    .map(Agency::code)
                    .collect(Collectors.toSet()))
        .orElse(null);
  }
}

package org.gongkai.decision.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * The agencies whose decisions a public request sees: those of the site its host names, subtrees
 * included, as documents are scoped; null when the site shows every agency.
 */
@Component
class SiteScope {

  private final Sites sites;

  SiteScope(Sites sites) {
    this.sites = sites;
  }

  Site site(HttpServletRequest request) {
    return sites
        .serving(request.getServerName())
        .orElseThrow(() -> Refusal.notFound("error.not-found"));
  }

  Set<Long> agencies(HttpServletRequest request) {
    return sites.agencyScope(site(request)).orElse(null);
  }
}

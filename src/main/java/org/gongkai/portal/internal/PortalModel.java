package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.PublicPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows around its content: the site's identity and the agency list. */
@ControllerAdvice(annotations = PublicPage.class)
class PortalModel {

  private final ServingSite site;
  private final AgencyDirectory agencies;

  PortalModel(ServingSite site, AgencyDirectory agencies) {
    this.site = site;
    this.agencies = agencies;
  }

  /** The site serving the request, chosen by its host name; a 404 for a host no site answers. */
  @ModelAttribute("site")
  ServingSite.SiteView site(HttpServletRequest request) {
    return site.require(request);
  }

  /** The agencies the serving site shows. */
  @ModelAttribute("allAgencies")
  List<Agency> allAgencies(HttpServletRequest request) {
    Optional<Set<Long>> scope = site.scope(request);
    return scope
        .map(ids -> agencies.all().stream().filter(a -> ids.contains(a.id())).toList())
        .orElseGet(agencies::all);
  }

  /**
   * The highest of them, for the header's navigation: those whose parent the site does not show.
   */
  @ModelAttribute("topAgencies")
  List<Agency> topAgencies(HttpServletRequest request) {
    Optional<Set<Long>> scope = site.scope(request);
    return allAgencies(request).stream()
        .filter(
            a ->
                a.parentId() == null || scope.map(ids -> !ids.contains(a.parentId())).orElse(false))
        .toList();
  }
}

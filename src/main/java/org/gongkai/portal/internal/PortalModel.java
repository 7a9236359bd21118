package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.Sites;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page shows around its content: the site's identity, its published layout (the
 * theme, the menu, the footer, the logo) and the agency list.
 */
@ControllerAdvice(annotations = PublicPage.class)
class PortalModel {

  private static final String LAYOUT = PortalModel.class.getName() + ".layout";

  private final ServingSite site;
  private final AgencyDirectory agencies;
  private final Sites sites;
  private final SiteLayouts layouts;
  private final HomeBlocks blocks;

  PortalModel(
      ServingSite site,
      AgencyDirectory agencies,
      Sites sites,
      SiteLayouts layouts,
      HomeBlocks blocks) {
    this.site = site;
    this.agencies = agencies;
    this.sites = sites;
    this.layouts = layouts;
    this.blocks = blocks;
  }

  /** The site serving the request, chosen by its host name; a 404 for a host no site answers. */
  @ModelAttribute("site")
  ServingSite.SiteView site(HttpServletRequest request) {
    return site.require(request);
  }

  /** The serving site's published layout, read once per request. */
  @ModelAttribute("layout")
  SiteLayout layout(HttpServletRequest request) {
    Object kept = request.getAttribute(LAYOUT);
    if (kept instanceof SiteLayout layout) {
      return layout;
    }
    SiteLayout layout = layouts.live(site.require(request).site());
    request.setAttribute(LAYOUT, layout);
    return layout;
  }

  /** Where the serving site's published logo is, versioned by its hash; null without one. */
  @ModelAttribute("logoHref")
  String logoHref(HttpServletRequest request) {
    SiteLayout layout = layout(request);
    return layout.logo() == null ? null : "/site-logo?v=" + layout.logo();
  }

  /** The menu of the serving site's layout. */
  @ModelAttribute("navLinks")
  List<HomeBlocks.NavLink> navLinks(HttpServletRequest request) {
    return blocks.navigation(site.require(request).site(), layout(request));
  }

  /** The agencies the serving site shows. */
  @ModelAttribute("allAgencies")
  List<Agency> allAgencies(HttpServletRequest request) {
    return shown(site.require(request).site());
  }

  /**
   * The page's frame for another site than the one serving the request, with a layout that is not
   * (yet) published: what a preview shows.
   */
  void frame(Model model, ServingSite.SiteView view, SiteLayout layout) {
    model.addAttribute("site", view);
    model.addAttribute("layout", layout);
    model.addAttribute("navLinks", blocks.navigation(view.site(), layout));
    model.addAttribute("allAgencies", shown(view.site()));
  }

  List<Agency> shown(Site serving) {
    Optional<Set<Long>> scope = sites.agencyScope(serving);
    return scope
        .map(ids -> agencies.all().stream().filter(a -> ids.contains(a.id())).toList())
        .orElseGet(agencies::all);
  }
}

package org.gongkai.portal.internal;

import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A site's home page as its draft layout would show it, for the site's administrators only: in the
 * console, never cached, before anything is published.
 */
@Controller
class SitePreviewController {

  private final Sites sites;
  private final SiteLayouts layouts;
  private final StaffAccess access;
  private final PortalModel frame;
  private final HomeBlocks blocks;
  private final ServingSite serving;
  private final PortalController portal;

  SitePreviewController(
      Sites sites,
      SiteLayouts layouts,
      StaffAccess access,
      PortalModel frame,
      HomeBlocks blocks,
      ServingSite serving,
      PortalController portal) {
    this.sites = sites;
    this.layouts = layouts;
    this.access = access;
    this.frame = frame;
    this.blocks = blocks;
    this.serving = serving;
    this.portal = portal;
  }

  @GetMapping("/console/sites/{id}/preview")
  String preview(@PathVariable long id, Model model) {
    Staff me = access.current();
    Site site = sites.find(id).orElseThrow(() -> Refusal.notFound("site.not-found"));
    SiteLayout draft = layouts.draft(site, me);
    frame.frame(model, serving.preview(site), draft);
    model.addAttribute(
        "logoHref",
        draft.logo() == null ? null : "/console/sites/" + id + "/logo?v=" + draft.logo());
    model.addAttribute("previewOf", site.id());
    List<org.gongkai.agency.Agency> shown = frame.shown(site);
    model.addAttribute("blocks", blocks.blocks(site, draft, shown));
    model.addAttribute("agencyNames", portal.agencyNames());
    return "portal/home";
  }
}

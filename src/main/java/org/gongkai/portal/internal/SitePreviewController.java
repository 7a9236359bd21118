package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.Validity;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A site's pages as its draft layout would show them, for the site's administrators only: in the
 * console, never cached, before anything is published. The home page, an agency's or a column's
 * page and a document's page are each rendered by the public page's own code, as the previewed site
 * serves them (its agencies, the documents it accepted), in the draft's frame. The links inside a
 * preview lead to the published pages.
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
  private final AgencyDirectory agencies;
  private final Catalog catalog;

  SitePreviewController(
      Sites sites,
      SiteLayouts layouts,
      StaffAccess access,
      PortalModel frame,
      HomeBlocks blocks,
      ServingSite serving,
      PortalController portal,
      AgencyDirectory agencies,
      Catalog catalog) {
    this.sites = sites;
    this.layouts = layouts;
    this.access = access;
    this.frame = frame;
    this.blocks = blocks;
    this.serving = serving;
    this.portal = portal;
    this.agencies = agencies;
    this.catalog = catalog;
  }

  @GetMapping("/console/sites/{id}/preview")
  String preview(@PathVariable long id, Model model, HttpServletRequest request) {
    Site site = previewed(id, request);
    SiteLayout draft = framed(site, model);
    List<Agency> shown = frame.shown(site);
    model.addAttribute("blocks", blocks.blocks(site, draft, shown));
    model.addAttribute("agencyNames", portal.agencyNames());
    return "portal/home";
  }

  /** An agency's page, or with {@code column} a column's, as the site serves it. */
  @GetMapping("/console/sites/{id}/preview/agencies/{code}")
  String agency(
      @PathVariable long id,
      @PathVariable String code,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Validity validity,
      @RequestParam(required = false) Integer page,
      Model model,
      HttpServletRequest request) {
    Site site = previewed(id, request);
    String view = portal.agency(code, column, year, validity, page, model, request);
    framed(site, model);
    return view;
  }

  /** The first column of the site's first agency: a column page to look at. */
  @GetMapping("/console/sites/{id}/preview/column")
  String someColumn(@PathVariable long id, Model model, HttpServletRequest request) {
    Site site = previewed(id, request);
    for (Agency agency : frame.shown(site)) {
      for (Column column : agencies.visibleColumns(agency.id())) {
        return agency(id, agency.code(), column.id(), null, null, null, model, request);
      }
    }
    throw Refusal.notFound("site.preview.nothing");
  }

  /** A document's page as the site serves it. */
  @GetMapping("/console/sites/{id}/preview/documents/{documentId}")
  String document(
      @PathVariable long id,
      @PathVariable long documentId,
      Model model,
      HttpServletRequest request) {
    Site site = previewed(id, request);
    String view = portal.document(documentId, model, request);
    framed(site, model);
    return view;
  }

  /** The newest document the site shows: a document page to look at. */
  @GetMapping("/console/sites/{id}/preview/document")
  String newestDocument(@PathVariable long id, Model model, HttpServletRequest request) {
    Site site = previewed(id, request);
    List<DocumentSummary> newest =
        catalog
            .published(
                new CatalogQuery(sites.agencyScope(site).orElse(null), null, null, null, null, 1, 1)
                    .withAlso(serving.accepted(request)))
            .items();
    if (newest.isEmpty()) {
      throw Refusal.notFound("site.preview.nothing");
    }
    return document(id, newest.get(0).id(), model, request);
  }

  /**
   * The site, for one of its administrators; the request is served as that site's from here on,
   * whichever host the console is on.
   */
  private Site previewed(long id, HttpServletRequest request) {
    Staff me = access.current();
    Site site = sites.find(id).orElseThrow(() -> Refusal.notFound("site.not-found"));
    layouts.requireEditor(me, site);
    serving.serveAs(request, site);
    return site;
  }

  /** The draft's frame around the page: its theme, menu, footer and logo, and the banner. */
  private SiteLayout framed(Site site, Model model) {
    SiteLayout draft = layouts.draft(site, access.current());
    frame.frame(model, serving.preview(site), draft);
    model.addAttribute(
        "logoHref",
        draft.logo() == null ? null : "/console/sites/" + site.id() + "/logo?v=" + draft.logo());
    model.addAttribute("previewOf", site.id());
    return draft;
  }
}

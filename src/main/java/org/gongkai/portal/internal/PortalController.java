package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.PublicDocument;
import org.gongkai.catalog.Validity;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.RelatedLinks;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.websitereport.PublishedWebsiteReports;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;

@Controller
@PublicPage
class PortalController {

  private final Catalog catalog;
  private final AgencyDirectory agencies;

  private final List<RelatedLinks> relatedLinks;
  private final ServingSite site;
  private final HomeBlocks blocks;
  private final PublishedWebsiteReports websiteReports;

  PortalController(
      Catalog catalog,
      AgencyDirectory agencies,
      List<RelatedLinks> relatedLinks,
      ServingSite site,
      HomeBlocks blocks,
      PublishedWebsiteReports websiteReports) {
    this.websiteReports = websiteReports;
    this.blocks = blocks;
    this.site = site;
    this.relatedLinks = relatedLinks;
    this.catalog = catalog;
    this.agencies = agencies;
  }

  /**
   * The home page of the site serving the request: the blocks of its published layout in their
   * order, or the default one's (the newest documents of its agencies, the agency list and the top
   * columns of its first agency).
   */
  @GetMapping("/")
  @SuppressWarnings("unchecked")
  String home(Model model, HttpServletRequest request) {
    SiteLayout layout = (SiteLayout) model.getAttribute("layout");
    List<Agency> shown = (List<Agency>) model.getAttribute("allAgencies");
    Site serving = site.require(request).site();
    model.addAttribute("blocks", blocks.blocks(serving, layout, shown));
    // 国办函〔2018〕12号: last year's website report stays on the home page, in a box of its own,
    // until the next year's is published.
    model.addAttribute("websiteReport", websiteReports.newest(serving.id()).orElse(null));
    model.addAttribute("agencyNames", agencyNames());
    return "portal/home";
  }

  @GetMapping("/agencies/{code}")
  String agency(
      @PathVariable String code,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Validity validity,
      @RequestParam(required = false) Integer page,
      Model model,
      HttpServletRequest request) {
    Agency agency =
        agencies.findByCode(code).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    site.requireShown(request, agency.id());
    List<Column> columns = agencies.visibleColumns(agency.id());
    Column selected = null;
    Set<Long> columnIds = visibleIds(columns);
    if (column != null) {
      selected =
          columns.stream()
              .filter(c -> c.id() == column)
              .findFirst()
              .orElseThrow(() -> Refusal.notFound("column.not-found"));
      columnIds = columnAndChildren(selected);
    }
    PageResult<DocumentSummary> result =
        catalog.published(
            new CatalogQuery(
                    Set.of(agency.id()),
                    columnIds,
                    year,
                    validity,
                    null,
                    PageResult.page(page, 20),
                    20)
                .withAlso(site.accepted(request, columnIds)));
    model.addAttribute("agency", agency);
    model.addAttribute("path", crumbs(request, agency.id()));
    model.addAttribute(
        "children",
        agencies.all().stream()
            .filter(a -> a.parentId() != null && a.parentId() == agency.id())
            .toList());
    model.addAttribute("columnTree", ColumnTree.of(columns));
    model.addAttribute("selected", selected);
    model.addAttribute("years", catalog.publicationYears(agency.id()));
    model.addAttribute("year", year);
    model.addAttribute("validity", validity);
    model.addAttribute("validities", Validity.values());
    model.addAttribute("result", result);
    return "portal/agency";
  }

  @GetMapping("/agencies/{code}/guide")
  String guide(@PathVariable String code, Model model, HttpServletRequest request) {
    Agency agency =
        agencies.findByCode(code).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    site.requireShown(request, agency.id());
    model.addAttribute("agency", agency);
    model.addAttribute("path", crumbs(request, agency.id()));
    return "portal/guide";
  }

  @GetMapping("/documents/{id}")
  String document(@PathVariable long id, Model model, HttpServletRequest request) {
    PublicDocument doc = catalog.publicDocument(id);
    site.requireShown(request, doc.agencyId(), id);
    Agency agency = agencies.get(doc.agencyId());
    // One address for search engines, on the agency's own site, whichever site shows it.
    model.addAttribute(
        "canonical", site.homeAddress(request, doc.agencyId()) + "/documents/" + doc.id());
    model.addAttribute("doc", doc);
    model.addAttribute("e", doc.edition());
    model.addAttribute("agency", agency);
    // The breadcrumbs lead through the serving site's own pages: a document this site shows only
    // because its editors accepted it sits in the column they accepted it into.
    Column column =
        (site.shows(request, agency.id())
                ? Optional.<Long>empty()
                : site.acceptedColumn(request, doc.id()))
            .flatMap(agencies::column)
            .orElseGet(() -> agencies.column(doc.edition().columnId()).orElse(null));
    long crumbAgency = column == null ? agency.id() : column.agencyId();
    model.addAttribute("path", crumbs(request, crumbAgency));
    model.addAttribute("crumbAgency", agencies.get(crumbAgency));
    model.addAttribute("column", column);
    model.addAttribute(
        "related", relatedLinks.stream().flatMap(r -> r.forDocument(id).stream()).toList());
    return "portal/document";
  }

  /**
   * An attachment of a published document. It is cacheable only as long as a public page (the
   * filter's {@code gongkai.http.public-max-age}), then revalidated against an ETag that names the
   * live edition: once the document is withdrawn or replaced, a cache asking again gets the 410 or
   * the new file, never a 304 for the old one.
   */
  @GetMapping("/documents/{id}/attachments/{attachmentId}")
  void attachment(
      @PathVariable long id,
      @PathVariable long attachmentId,
      ServletWebRequest request,
      HttpServletResponse response)
      throws IOException {
    PublicDocument doc = catalog.publicDocument(id);
    site.requireShown(request.getRequest(), doc.agencyId(), id);
    Catalog.AttachmentDownload download =
        catalog
            .publicAttachment(id, attachmentId)
            .orElseThrow(() -> Refusal.notFound("attachment.not-found"));
    String etag =
        "\"a"
            + attachmentId
            + "-e"
            + doc.edition().id()
            + "-"
            + (download.attachment().sha256() == null
                ? download.attachment().sizeBytes()
                : download.attachment().sha256().substring(0, 16))
            + "\"";
    if (request.checkNotModified(etag)) {
      return;
    }
    response.setContentType(download.attachment().mediaType());
    response.setContentLengthLong(download.attachment().sizeBytes());
    response.setHeader(
        "Content-Disposition",
        ContentDisposition.attachment()
            .filename(download.attachment().fileName(), StandardCharsets.UTF_8)
            .build()
            .toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    try (InputStream in = download.content().open()) {
      in.transferTo(response.getOutputStream());
    }
  }

  /** The agency's path from its root, as far as the serving site shows it. */
  private List<Agency> crumbs(HttpServletRequest request, long agencyId) {
    return agencies.path(agencyId).stream().filter(a -> site.shows(request, a.id())).toList();
  }

  private Set<Long> columnAndChildren(Column column) {
    return ColumnSubtree.of(column, agencies.visibleColumns(column.agencyId()));
  }

  private static Set<Long> visibleIds(List<Column> columns) {
    Set<Long> ids = new LinkedHashSet<>();
    for (Column c : columns) {
      ids.add(c.id());
    }
    return ids;
  }

  Map<Long, String> agencyNames() {
    Map<Long, String> names = new LinkedHashMap<>();
    agencies.all().forEach(a -> names.put(a.id(), a.name()));
    return names;
  }

  /** Columns as a tree for nested display. */
  record ColumnTree(Column column, List<ColumnTree> children) {
    static List<ColumnTree> of(List<Column> columns) {
      return childrenOf(null, columns, 0);
    }

    private static List<ColumnTree> childrenOf(Long parentId, List<Column> columns, int depth) {
      List<ColumnTree> result = new ArrayList<>();
      if (depth > 10) {
        return result;
      }
      for (Column c : columns) {
        if (Objects.equals(c.parentId(), parentId)) {
          result.add(new ColumnTree(c, childrenOf(c.id(), columns, depth + 1)));
        }
      }
      return result;
    }
  }
}

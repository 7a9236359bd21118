package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.gongkai.search.Search;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.search.SearchScope;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.RelatedLinks;
import org.gongkai.site.SiteLayout;
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
  private final Search search;

  private final List<RelatedLinks> relatedLinks;
  private final ServingSite site;
  private final HomeBlocks blocks;

  PortalController(
      Catalog catalog,
      AgencyDirectory agencies,
      Search search,
      List<RelatedLinks> relatedLinks,
      ServingSite site,
      HomeBlocks blocks) {
    this.blocks = blocks;
    this.site = site;
    this.relatedLinks = relatedLinks;
    this.catalog = catalog;
    this.agencies = agencies;
    this.search = search;
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
    model.addAttribute("blocks", blocks.blocks(site.require(request).site(), layout, shown));
    model.addAttribute("agencyNames", agencyNames());
    return "portal/home";
  }

  @GetMapping("/search")
  String search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) String validity,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) SearchScope scope,
      Model model,
      HttpServletRequest request) {
    String query = q == null ? "" : q.strip();
    // A site that shows some agencies searches them, unless asked for the whole platform.
    Set<Long> siteAgencies = site.scope(request).orElse(null);
    boolean platform = siteAgencies == null || scope == SearchScope.PLATFORM;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", query);
    params.put("agency", agency);
    params.put("column", column == null ? null : column.toString());
    params.put("validity", validity);
    params.put("year", year == null ? null : year.toString());
    params.put("sort", sort);
    params.put("scope", scope == SearchScope.PLATFORM ? scope.name() : null);
    model.addAttribute("scoped", siteAgencies != null);
    model.addAttribute("platform", scope == SearchScope.PLATFORM);
    model.addAttribute("q", query);
    model.addAttribute("links", new SearchLinks(params));
    model.addAttribute("sort", "date".equals(sort) ? "date" : "relevance");
    boolean anyFilter = agency != null || column != null || validity != null || year != null;
    if (query.isEmpty() && !anyFilter) {
      model.addAttribute("result", null);
      return "portal/search";
    }
    LocalDate from = year == null ? null : LocalDate.of(year, 1, 1);
    LocalDate to = year == null ? null : LocalDate.of(year, 12, 31);
    SearchResult result =
        search.search(
            new SearchQuery(
                query,
                agency,
                column,
                null,
                validity,
                from,
                to,
                "date".equals(sort) ? SearchQuery.Sort.DATE : SearchQuery.Sort.RELEVANCE,
                PageResult.page(page, 10),
                10,
                null,
                true,
                platform ? null : codes(siteAgencies)));
    model.addAttribute("result", result);
    model.addAttribute("elsewhere", elsewhere(result, request));
    if (result.total() == 0 && !query.isEmpty()) {
      model.addAttribute(
          "suggestions", search.suggest(query.length() > 2 ? query.substring(0, 2) : query));
    }
    return "portal/search";
  }

  private Set<String> codes(Set<Long> agencyIds) {
    Set<String> codes = new LinkedHashSet<>();
    for (Long id : agencyIds) {
      agencies.find(id).ifPresent(a -> codes.add(a.code()));
    }
    return codes;
  }

  /**
   * The addresses of hits this site does not show (a search of the whole platform), by document: on
   * the document's own site.
   */
  private Map<Long, String> elsewhere(SearchResult result, HttpServletRequest request) {
    Map<Long, String> links = new LinkedHashMap<>();
    for (SearchResult.Hit h : result.items()) {
      agencies
          .findByCode(h.agency())
          .filter(a -> !site.shows(request, a.id()))
          .ifPresent(
              a -> links.put(h.id(), site.homeAddress(request, a.id()) + "/documents/" + h.id()));
    }
    return links;
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

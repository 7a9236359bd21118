package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.analytics.Visits;
import org.gongkai.search.Search;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.search.SearchScope;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.PublicPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public search page: the site's own agencies unless the whole platform is asked for, with the
 * hits the site does not show linked on their own sites.
 */
@Controller
@PublicPage
class PortalSearchController {

  private final AgencyDirectory agencies;
  private final Search search;
  private final ServingSite site;
  private final Visits visits;

  PortalSearchController(AgencyDirectory agencies, Search search, ServingSite site, Visits visits) {
    this.visits = visits;
    this.agencies = agencies;
    this.search = search;
    this.site = site;
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
    long siteId = site.require(request).site().id();
    // Search pages are answered past the page cache, and counted here.
    visits.pageServed(siteId, request, 200);
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
      visits.searchFoundNothing(siteId, query);
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
}

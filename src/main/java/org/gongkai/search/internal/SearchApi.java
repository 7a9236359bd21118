package org.gongkai.search.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongkai.search.Search;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.search.SearchScope;
import org.gongkai.shared.web.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the published catalog, for the public and other platforms. */
@RestController
@RequestMapping("/api/v1/search")
class SearchApi {

  private final Search search;
  private final SiteAgencies siteAgencies;

  SearchApi(Search search, SiteAgencies siteAgencies) {
    this.search = search;
    this.siteAgencies = siteAgencies;
  }

  record Item(
      long id,
      String title,
      String titleHighlight,
      String snippet,
      String indexNumber,
      String docNumber,
      String agency,
      String agencyName,
      String column,
      LocalDate publishedOn,
      String url) {}

  /**
   * {@code totalEstimated}: above 10,000 matches the total is an estimate; {@code
   * facetsApproximate}: so are the counts; {@code scope}: SITE when the search looked only in the
   * agencies of the site the request's host names, PLATFORM when in every agency.
   */
  record Response(
      SearchScope scope,
      long total,
      boolean totalEstimated,
      long tookMs,
      int page,
      int size,
      String nextCursor,
      List<Item> items,
      Map<String, List<SearchResult.FacetValue>> facets,
      boolean facetsApproximate) {}

  @GetMapping
  Response search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String validity,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) SearchScope scope,
      HttpServletRequest request) {
    // On a site's host the search looks in the site's agencies unless scope=PLATFORM.
    java.util.Set<String> within = siteAgencies.codes(request.getServerName(), scope);
    SearchQuery.Sort order =
        "date".equalsIgnoreCase(sort) ? SearchQuery.Sort.DATE : SearchQuery.Sort.RELEVANCE;
    int perPage = PageResult.clampSize(size, 10, 100);
    SearchResult r =
        search.search(
            new SearchQuery(
                q,
                agency,
                column,
                topic,
                validity,
                from,
                to,
                order,
                PageResult.page(page, perPage),
                perPage,
                cursor,
                true,
                within));
    return new Response(
        within == null ? SearchScope.PLATFORM : SearchScope.SITE,
        r.total(),
        r.totalEstimated(),
        r.tookMs(),
        r.page(),
        r.size(),
        r.nextCursor(),
        r.items().stream()
            .map(
                h ->
                    new Item(
                        h.id(),
                        h.title(),
                        h.titleHighlight(),
                        h.snippet(),
                        h.indexNumber(),
                        h.docNumber(),
                        h.agency(),
                        h.agencyName(),
                        h.columnName(),
                        h.publishedOn(),
                        h.url()))
            .toList(),
        r.facets(),
        r.facetsApproximate());
  }

  @GetMapping("/suggest")
  List<String> suggest(@RequestParam(required = false) String q) {
    return search.suggest(q);
  }
}

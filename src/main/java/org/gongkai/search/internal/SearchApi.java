package org.gongkai.search.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongkai.search.Search;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
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

  SearchApi(Search search) {
    this.search = search;
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
   * facetsApproximate}: so are the counts.
   */
  record Response(
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
      @RequestParam(required = false) String cursor) {
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
                true));
    return new Response(
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

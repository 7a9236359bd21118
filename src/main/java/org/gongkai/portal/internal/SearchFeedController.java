package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.search.Search;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.search.SearchScope;
import org.gongkai.shared.web.AtomFeed;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An Atom feed for any public search, with the filters of the search page ({@code
 * /search/feed?q=…&agency=…}): its newest {@value #SIZE} matches by publication date, without
 * facets or highlights, so one costs about what a first results page does. The search page links it
 * as "subscribe to this search". The answer is public for downstream caches ({@code max-age} as
 * every public page) with an ETag of its content, so a reader asking again gets a 304. It is not
 * kept in the rendered-page cache: the index follows a publication a moment after the site's
 * version moves, and a feed kept in between would miss it until it expired.
 */
@Controller
class SearchFeedController {

  static final int SIZE = 20;

  private final Search search;
  private final AgencyDirectory agencies;
  private final ServingSite site;
  private final MessageSource messages;
  private final Clock clock;

  SearchFeedController(
      Search search,
      AgencyDirectory agencies,
      ServingSite site,
      MessageSource messages,
      Clock clock) {
    this.search = search;
    this.agencies = agencies;
    this.site = site;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/search/feed")
  ResponseEntity<String> feed(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) String validity,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) SearchScope scope,
      HttpServletRequest request) {
    String query = q == null ? "" : q.strip();
    if (query.isEmpty() && agency == null && column == null && validity == null && year == null) {
      throw Refusal.invalidField("q", "search.feed.empty");
    }
    if (year != null && (year < 1949 || year > 9999)) {
      throw Refusal.invalidField("year", "search.feed.year");
    }
    Set<Long> siteAgencies = site.scope(request).orElse(null);
    boolean platform = siteAgencies == null || scope == SearchScope.PLATFORM;
    SearchResult result =
        search.search(
            new SearchQuery(
                query,
                agency,
                column,
                null,
                validity,
                year == null ? null : LocalDate.of(year, 1, 1),
                year == null ? null : LocalDate.of(year, 12, 31),
                SearchQuery.Sort.DATE,
                1,
                SIZE,
                null,
                false,
                platform ? null : codes(siteAgencies)));
    ServingSite.SiteView serving = site.require(request);
    String base = serving.address();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", query);
    params.put("agency", agency);
    params.put("column", column == null ? null : column.toString());
    params.put("validity", validity);
    params.put("year", year == null ? null : year.toString());
    params.put("scope", scope == SearchScope.PLATFORM ? scope.name() : null);
    SearchLinks links = new SearchLinks(params);
    String page = base + links.with("sort", "date");
    String title =
        query.isEmpty()
            ? messages.getMessage(
                "search.feed.title.filtered", null, LocaleContextHolder.getLocale())
            : messages.getMessage(
                "search.feed.title", new Object[] {query}, LocaleContextHolder.getLocale());
    List<AtomFeed.Entry> entries =
        result.items().stream()
            .map(
                h ->
                    new AtomFeed.Entry(
                        h.title(),
                        "urn:gongkai:document:" + h.indexNumber(),
                        address(h, base, request),
                        h.publishedOn() == null
                            ? java.time.Instant.EPOCH
                            : h.publishedOn().atStartOfDay(clock.getZone()).toInstant(),
                        (h.docNumber() == null ? "" : h.docNumber() + " ")
                            + h.indexNumber()
                            + " "
                            + h.agencyName()))
            .toList();
    String self =
        base
            + request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String xml =
        AtomFeed.write(
            title + " - " + serving.getName(), page, page, self, serving.getName(), entries);
    String etag = "\"s" + DigestUtils.md5DigestAsHex(xml.getBytes(StandardCharsets.UTF_8)) + "\"";
    if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok().contentType(AtomFeed.ATOM).eTag(etag).body(xml);
  }

  /** A hit's page: on this site when it shows the agency, else on the agency's own site. */
  private String address(SearchResult.Hit hit, String base, HttpServletRequest request) {
    return agencies
            .findByCode(hit.agency())
            .filter(a -> !site.shows(request, a.id()))
            .map(a -> site.homeAddress(request, a.id()))
            .orElse(base)
        + "/documents/"
        + hit.id();
  }

  private Set<String> codes(Set<Long> agencyIds) {
    Set<String> codes = new LinkedHashSet<>();
    for (Long id : agencyIds) {
      agencies.find(id).ifPresent(a -> codes.add(a.code()));
    }
    return codes;
  }
}

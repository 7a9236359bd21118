package org.gongkai.decision.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.web.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public register as JSON, for the site the host names: published decisions within their public
 * period, natural persons masked. {@code from} and {@code to} bound the decision date.
 */
@RestController
class DecisionPublicApi {

  private final DecisionQueries queries;
  private final SiteScope sites;

  DecisionPublicApi(DecisionQueries queries, SiteScope sites) {
    this.queries = queries;
    this.sites = sites;
  }

  @GetMapping("/api/v1/decisions")
  PageResult<DecisionViews.PublicDecision> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) DecisionKind kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      HttpServletRequest request) {
    return queries.publicList(sites.agencies(request), q, kind, from, to, page, size);
  }

  record Shown(DecisionViews.PublicDecision decision, List<DecisionQueries.HistoryEntry> history) {}

  @GetMapping("/api/v1/decisions/{id}")
  Shown get(@PathVariable long id, HttpServletRequest request) {
    return new Shown(queries.publicGet(id, sites.agencies(request)), queries.history(id));
  }
}

package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.DocumentFinder;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.springframework.stereotype.Component;

/**
 * The console's document list searches with the public search, within the staff member's agencies.
 */
@Component
class SearchDocumentFinder implements DocumentFinder {

  private final SearchService search;
  private final AgencyDirectory agencies;

  SearchDocumentFinder(SearchService search, AgencyDirectory agencies) {
    this.search = search;
    this.agencies = agencies;
  }

  @Override
  public List<Long> find(String query, Set<Long> agencyIds, int limit) {
    EngineIndex index = search.index();
    if (index == null || search.status().phase() == IndexStatus.Phase.BUILDING_FRESH) {
      return List.of();
    }
    Set<String> codes = new HashSet<>();
    agencyIds.forEach(id -> agencies.find(id).ifPresent(a -> codes.add(a.code())));
    String only = codes.size() == 1 ? codes.iterator().next() : null;
    SearchResult result =
        index.search(
            new SearchQuery(
                query,
                only,
                null,
                null,
                null,
                null,
                null,
                SearchQuery.Sort.RELEVANCE,
                1,
                limit,
                null,
                false));
    List<Long> ids = new ArrayList<>();
    result.items().stream().filter(h -> codes.contains(h.agency())).forEach(h -> ids.add(h.id()));
    return ids.size() > limit ? ids.subList(0, limit) : ids;
  }
}

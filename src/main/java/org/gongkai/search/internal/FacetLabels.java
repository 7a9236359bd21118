package org.gongkai.search.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.search.SearchResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Facet values are codes in the index; people read agency and column names and validity words. */
@Component
class FacetLabels {

  private final AgencyDirectory agencies;
  private final MessageSource messages;

  FacetLabels(AgencyDirectory agencies, MessageSource messages) {
    this.agencies = agencies;
    this.messages = messages;
  }

  SearchResult relabel(SearchResult result) {
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    result.facets().forEach((dim, values) -> facets.put(dim, values.stream()
        .map(v -> new SearchResult.FacetValue(v.key(), label(dim, v.key()), v.count())).toList()));
    return new SearchResult(result.total(), result.tookMs(), result.items(), facets, result.nextCursor(),
        result.page(), result.size(), result.facetsApproximate(), result.closeMatches(),
        result.totalEstimated());
  }

  private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long namesLoadedAt;

  private String label(String dim, String key) {
    // Names change rarely; a minute's delay after a rename is fine for a facet label.
    long now = System.currentTimeMillis();
    if (now - namesLoadedAt > 60_000) {
      names.clear();
      namesLoadedAt = now;
    }
    if (dim.equals(DocumentMapper.YEAR)) {
      return key;
    }
    return names.computeIfAbsent(dim + ":" + key + ":" + LocaleContextHolder.getLocale(), k -> lookUp(dim, key));
  }

  private String lookUp(String dim, String key) {
    return switch (dim) {
      case DocumentMapper.AGENCY -> agencies.findByCode(key).map(a -> a.name()).orElse(key);
      case DocumentMapper.COLUMN -> agencies.column(Long.parseLong(key)).map(Column::name).orElse(key);
      case DocumentMapper.VALIDITY -> messages.getMessage("validity." + key, null, key, LocaleContextHolder.getLocale());
      default -> key;
    };
  }
}

package org.gongkai.search.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
    result
        .facets()
        .forEach(
            (dim, values) ->
                facets.put(
                    dim,
                    values.stream()
                        .map(
                            v ->
                                new SearchResult.FacetValue(
                                    v.key(), label(dim, v.key()), v.count()))
                        .toList()));
    return new SearchResult(
        result.total(),
        result.tookMs(),
        result.items(),
        facets,
        result.nextCursor(),
        result.page(),
        result.size(),
        result.facetsApproximate(),
        result.closeMatches(),
        result.totalEstimated());
  }

  /**
   * Names change rarely: a label may lag a rename by a minute. Each expires on its own, so that no
   * one search pays for looking up every name again at once.
   */
  private static final long LABEL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private record Label(String text, long loadedAt) {}

  private final Map<String, Label> names = new ConcurrentHashMap<>();

  private String label(String dim, String key) {
    if (dim.equals(DocumentMapper.YEAR)) {
      return key;
    }
    String name = dim + ":" + key + ":" + LocaleContextHolder.getLocale();
    long now = System.nanoTime();
    Label kept = names.get(name);
    if (kept == null || now - kept.loadedAt() > LABEL_NANOS) {
      kept = new Label(lookUp(dim, key), now);
      names.put(name, kept);
    }
    return kept.text();
  }

  private String lookUp(String dim, String key) {
    return switch (dim) {
      case DocumentMapper.AGENCY -> agencies.findByCode(key).map(a -> a.name()).orElse(key);
      case DocumentMapper.COLUMN ->
          agencies.column(Long.parseLong(key)).map(Column::name).orElse(key);
      case DocumentMapper.VALIDITY ->
          messages.getMessage("validity." + key, null, key, LocaleContextHolder.getLocale());
      default -> key;
    };
  }
}

package org.gongkai.search.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.search.SearchResult;
import org.gongkai.shared.site.PublicSiteVersion;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Facet values are codes in the index; people read agency and column names and validity words. */
@Component
class FacetLabels {

  private final AgencyDirectory agencies;
  private final MessageSource messages;
  private final PublicSiteVersion site;

  FacetLabels(AgencyDirectory agencies, MessageSource messages, PublicSiteVersion site) {
    this.agencies = agencies;
    this.messages = messages;
    this.site = site;
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
   * A label is kept until the public site's version moves, as a rename ({@code AgencyChanged},
   * {@code ColumnChanged}) makes it move on every node.
   */
  private record Label(String text, long version) {}

  private final Map<String, Label> names = new ConcurrentHashMap<>();

  private String label(String dim, String key) {
    if (dim.equals(DocumentMapper.YEAR)) {
      return key;
    }
    String name = dim + ":" + key + ":" + LocaleContextHolder.getLocale();
    long version = site.current();
    Label kept = names.get(name);
    if (kept == null || kept.version() != version) {
      kept = new Label(lookUp(dim, key), version);
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

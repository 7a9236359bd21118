package org.gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.gongkai.search.SearchResult;

/** The total and the counts per facet value of what a search's second pass collected. */
final class FacetCounts {

  private FacetCounts() {}

  /** Counts per facet value; over a sample of the matches, scaled up by {@code scale}, when they are many. */
  static Map<String, List<SearchResult.FacetValue>> count(WarmSearchers warm, IndexReader reader,
      FacetsCollector collector, double scale) throws IOException {
    Map<String, List<SearchResult.FacetValue>> result = new LinkedHashMap<>();
    if (reader.maxDoc() == 0) {
      LuceneSearchIndex.FACET_DIMENSIONS.forEach(d -> result.put(d, List.of()));
      return result;
    }
    Facets counts = new SortedSetDocValuesFacetCounts(warm.facets(reader), collector);
    for (String dim : LuceneSearchIndex.FACET_DIMENSIONS) {
      List<SearchResult.FacetValue> values = new ArrayList<>();
      FacetResult top;
      try {
        top = counts.getTopChildren(dim.equals(DocumentMapper.YEAR) ? 30 : 20, dim);
      } catch (IllegalArgumentException noSuchDimension) {
        top = null;
      }
      if (top != null) {
        for (LabelAndValue lv : top.labelValues) {
          values.add(new SearchResult.FacetValue(lv.label, lv.label, Math.round(lv.value.longValue() * scale)));
        }
      }
      if (dim.equals(DocumentMapper.YEAR)) {
        values.sort((a, b) -> b.key().compareTo(a.key()));
      }
      result.put(dim, values);
    }
    return result;
  }
}

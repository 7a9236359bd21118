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
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;
import org.gongkai.search.SearchResult;

/** The total and the counts per facet value of what a search's second pass collected. */
final class FacetCounts {

  /**
   * Counts already estimated from a sample are taken from every k-th match of it, about this many:
   * the values a page shows keep their order, at a third of the cost of reading four values of
   * every one of the 12,500 or so matches an estimate rests on.
   */
  static final int ESTIMATED_FROM = 4_000;

  private FacetCounts() {}

  /**
   * Counts per facet value of an estimate's sample, from about {@link #ESTIMATED_FROM} of its
   * matches.
   */
  static Map<String, List<SearchResult.FacetValue>> estimate(
      WarmSearchers warm, IndexReader reader, FacetsCollector sample, double scale)
      throws IOException {
    long seen = 0;
    for (FacetsCollector.MatchingDocs docs : sample.getMatchingDocs()) {
      seen += docs.totalHits;
    }
    int every = (int) Math.max(1, seen / ESTIMATED_FROM);
    if (every == 1) {
      return count(warm, reader, sample, scale);
    }
    List<FacetsCollector.MatchingDocs> kept = new ArrayList<>();
    long keptTotal = 0;
    long position = 0;
    for (FacetsCollector.MatchingDocs docs : sample.getMatchingDocs()) {
      FixedBitSet bits = new FixedBitSet(docs.context.reader().maxDoc());
      int count = 0;
      DocIdSetIterator it = docs.bits.iterator();
      if (it != null) {
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (position++ % every == 0) {
            bits.set(doc);
            count++;
          }
        }
      }
      keptTotal += count;
      kept.add(
          new FacetsCollector.MatchingDocs(
              docs.context,
              count == 0 ? DocIdSet.EMPTY : new BitDocIdSet(bits, count),
              count,
              null));
    }
    FacetsCollector thinned =
        new FacetsCollector() {
          @Override
          public List<MatchingDocs> getMatchingDocs() {
            return kept;
          }
        };
    return count(warm, reader, thinned, keptTotal == 0 ? scale : scale * seen / keptTotal);
  }

  /**
   * Counts per facet value; over a sample of the matches, scaled up by {@code scale}, when they are
   * many.
   */
  static Map<String, List<SearchResult.FacetValue>> count(
      WarmSearchers warm, IndexReader reader, FacetsCollector collector, double scale)
      throws IOException {
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
          values.add(
              new SearchResult.FacetValue(
                  lv.label, lv.label, Math.round(lv.value.longValue() * scale)));
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

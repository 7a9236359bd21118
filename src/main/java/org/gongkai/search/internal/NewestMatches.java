package org.gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Early termination for very common queries on an index stored newest first. When a query matches
 * so much of the index that its total is estimated anyway, its best candidates are looked for among
 * its newest matches only — the index's front, found by binary search on the date it is sorted by,
 * so that the rest is never read. Recency is one of the ranking signals, and the newest few
 * thousand matches of a word found in tens of thousands of documents hold more good candidates than
 * a page shows; every query with fewer matches is searched whole, as before.
 */
final class NewestMatches {

  /** Candidates are looked for among about this many of the newest matches. */
  static final int POOL = 3_000;

  private NewestMatches() {}

  /**
   * An upper bound of the matches, from the postings' sizes: cheap, read before any document is.
   */
  static long upperBound(IndexSearcher searcher, Query query) throws IOException {
    return upperBound(searcher, MatchCounting.countingWeight(searcher, query));
  }

  /** The same, from the weight that counts the query. */
  static long upperBound(IndexSearcher searcher, Weight weight) throws IOException {
    long cost = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier != null) {
        cost += supplier.cost();
      }
    }
    return cost;
  }

  /**
   * {@code query} restricted to about its newest {@link #POOL} matches, judged from where the count
   * found them; the query itself when it has no more than that.
   */
  static Query among(IndexReader reader, Query query, MatchCounting.Counted counted)
      throws IOException {
    Long from = dayOfNewest(reader, counted);
    if (from == null) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(QueryFactory.publishedBetween(from, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * A run of documents of one segment, its newest and oldest day, and the matches expected in it.
   */
  private record Stretch(long newest, long oldest, double matches) {}

  /**
   * The publication day from which about {@link #POOL} matches run, newest first. A slice the count
   * visited holds what it found there; one it skipped, as many as the last visited slice before it
   * (the first visited one for those before any). Segments are each sorted newest first but hold
   * their own stretches of days, so the slices are taken in order of their newest day. Matching by
   * where the matches are, not by a share of the whole index, keeps a query filtered to an older
   * year from being cut to the newest days, where it has none.
   */
  static Long dayOfNewest(IndexReader reader, MatchCounting.Counted counted) throws IOException {
    int[] found = counted.sliceMatches();
    double estimate = -1;
    for (int f : found) {
      if (f >= 0) {
        estimate = f;
        break;
      }
    }
    if (estimate < 0) {
      return null;
    }
    List<LeafReaderContext> leaves = reader.leaves();
    NumericDocValues[] days = new NumericDocValues[leaves.size()];
    List<Stretch> stretches = new ArrayList<>();
    int sliceDocs = counted.sliceDocs();
    for (int s = 0; s < found.length; s++) {
      estimate = found[s] >= 0 ? found[s] : estimate;
      int from = s * sliceDocs;
      int to = Math.min(reader.maxDoc(), from + sliceDocs);
      for (LeafReaderContext leaf : leaves) {
        int lo = MatchCounting.startIn(leaf, from);
        int hi = MatchCounting.endIn(leaf, to);
        if (lo >= hi || estimate == 0) {
          continue;
        }
        if (days[leaf.ord] == null) {
          days[leaf.ord] = DocValues.getNumeric(leaf.reader(), DocumentMapper.PUBLISHED_SORT);
        }
        NumericDocValues values = days[leaf.ord];
        if (values.docID() <= lo && values.advanceExact(lo)) {
          long newest = values.longValue();
          if (values.advanceExact(hi - 1)) {
            stretches.add(
                new Stretch(newest, values.longValue(), estimate * (hi - lo) / (to - from)));
          }
        }
      }
    }
    stretches.sort(Comparator.comparingLong(Stretch::newest).reversed());
    double matches = 0;
    long oldest = Long.MAX_VALUE;
    for (Stretch stretch : stretches) {
      matches += stretch.matches();
      oldest = Math.min(oldest, stretch.oldest());
      if (matches >= POOL) {
        return oldest;
      }
    }
    return null;
  }
}

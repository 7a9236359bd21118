package org.gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Early termination for very common queries on an index stored newest first. When a query matches
 * so much of the index that its total is estimated anyway, its best candidates are looked for among
 * its newest matches only — the index's front, found by binary search on the date it is sorted by,
 * so that the rest is never read. Recency is one of the ranking signals, and the newest few thousand
 * matches of a word found in tens of thousands of documents hold more good candidates than a page
 * shows; every query with fewer matches is searched whole, as before.
 */
final class NewestMatches {

  /** Candidates are looked for among about this many of the newest matches. */
  static final int POOL = 3_000;
  private static final int SAMPLES_PER_SEGMENT = 256;

  private NewestMatches() {}

  /** An upper bound of the matches, from the postings' sizes: cheap, read before any document is. */
  static long upperBound(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long cost = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier != null) {
        cost += supplier.cost();
      }
    }
    return cost;
  }

  /** {@code query} restricted to the newest {@code share} of the index. */
  static Query among(Days days, Query query, double share) {
    if (share >= 1) {
      return query;
    }
    Long from = days.from(share);
    if (from == null) {
      return query;
    }
    Query newest = new IndexSortSortedNumericDocValuesRangeQuery(DocumentMapper.PUBLISHED_SORT, from, Long.MAX_VALUE,
        NumericDocValuesField.newSlowRangeQuery(DocumentMapper.PUBLISHED_SORT, from, Long.MAX_VALUE));
    return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(newest, BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * Publication days sampled evenly in every segment (each sorted newest first, but holding its
   * own stretch of years), newest first, each standing for its part of its segment: read once per
   * searcher, when it is prepared, not in every search.
   */
  static final class Days {
    private final long[] days;
    private final long[] docsUpTo;
    private final long maxDoc;

    private Days(long[] days, long[] docsUpTo, long maxDoc) {
      this.days = days;
      this.docsUpTo = docsUpTo;
      this.maxDoc = maxDoc;
    }

    static Days of(IndexReader reader) throws IOException {
      List<long[]> samples = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        int docs = leaf.reader().maxDoc();
        int n = Math.min(docs, SAMPLES_PER_SEGMENT);
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), DocumentMapper.PUBLISHED_SORT);
        for (int i = 0; i < n; i++) {
          int doc = (int) ((long) i * docs / n);
          if (doc >= values.docID() && values.advanceExact(doc)) {
            samples.add(new long[] {values.longValue(), docs / n});
          }
        }
      }
      samples.sort(Comparator.comparingLong((long[] x) -> x[0]).reversed());
      long[] days = new long[samples.size()];
      long[] upTo = new long[samples.size()];
      long seen = 0;
      for (int i = 0; i < days.length; i++) {
        days[i] = samples.get(i)[0];
        seen += samples.get(i)[1];
        upTo[i] = seen;
      }
      return new Days(days, upTo, reader.maxDoc());
    }

    /** The publication day from which the newest {@code share} of the index runs; null for all of it. */
    Long from(double share) {
      if (days.length == 0) {
        return null;
      }
      long wanted = (long) Math.ceil(share * maxDoc);
      int at = java.util.Arrays.binarySearch(docsUpTo, wanted);
      int i = at >= 0 ? at : -at - 1;
      return i < days.length ? days[i] : null;
    }
  }
}

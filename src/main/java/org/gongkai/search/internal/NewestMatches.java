package org.gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
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
  static Query among(IndexSearcher searcher, Query query, double share) throws IOException {
    if (share >= 1) {
      return query;
    }
    Long from = dayOfNewest(searcher, share);
    if (from == null) {
      return query;
    }
    Query newest = new IndexSortSortedNumericDocValuesRangeQuery(DocumentMapper.PUBLISHED_SORT, from, Long.MAX_VALUE,
        NumericDocValuesField.newSlowRangeQuery(DocumentMapper.PUBLISHED_SORT, from, Long.MAX_VALUE));
    return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(newest, BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * The publication day from which the newest {@code share} of the index runs: read from days
   * sampled evenly in every segment (each sorted newest first, but holding its own stretch of
   * years), each standing for its part of its segment.
   */
  private static Long dayOfNewest(IndexSearcher searcher, double share) throws IOException {
    List<long[]> samples = new ArrayList<>();
    long maxDoc = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int docs = leaf.reader().maxDoc();
      maxDoc += docs;
      int n = Math.min(docs, SAMPLES_PER_SEGMENT);
      NumericDocValues days = DocValues.getNumeric(leaf.reader(), DocumentMapper.PUBLISHED_SORT);
      for (int i = 0; i < n; i++) {
        int doc = (int) ((long) i * docs / n);
        if (doc >= days.docID() && days.advanceExact(doc)) {
          samples.add(new long[] {days.longValue(), docs / n});
        }
      }
    }
    samples.sort(Comparator.comparingLong((long[] x) -> x[0]).reversed());
    long wanted = (long) Math.ceil(share * maxDoc);
    long seen = 0;
    for (long[] sample : samples) {
      seen += sample[1];
      if (seen >= wanted) {
        return sample[0];
      }
    }
    return null;
  }
}

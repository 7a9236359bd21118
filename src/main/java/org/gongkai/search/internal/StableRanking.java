package org.gongkai.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Equal scores ordered by the newer document first. Lucene breaks ties by internal document number,
 * which changes when segments merge: between two pages of the same query the index may merge, and a
 * tie that flipped would show one document twice and hide another.
 */
final class StableRanking {

  private StableRanking() {}

  static TopDocs order(IndexSearcher searcher, TopDocs top) throws IOException {
    ScoreDoc[] docs = top.scoreDocs;
    if (docs.length < 2) {
      return top;
    }
    long[] ids = new long[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int i = 0; i < docs.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
      NumericDocValues values = leaf.reader().getNumericDocValues(DocumentMapper.ID_SORT);
      int local = docs[i].doc - leaf.docBase;
      ids[i] = values != null && values.advanceExact(local) ? values.longValue() : Long.MIN_VALUE;
    }
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -docs[i].score)
            .thenComparing(i -> ids[i], Comparator.reverseOrder()));
    ScoreDoc[] sorted = new ScoreDoc[docs.length];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = docs[order[i]];
    }
    return new TopDocs(top.totalHits, sorted);
  }
}

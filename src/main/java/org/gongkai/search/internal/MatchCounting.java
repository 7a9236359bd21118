package org.gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * The total and the matches that facets are counted over. Up to {@link #EXACT_UP_TO} matches both
 * are exact. Above, visiting every match would cost more than finding the best ones, so the index
 * is visited in slices spread evenly over it — and so over the years, the index being stored in
 * date order — as many as it takes to see about that many matches; the total and the counts are
 * then scaled up from the part visited, and labelled as estimates.
 */
final class MatchCounting {

  /** Totals up to this are exact; above, estimated. */
  static final int EXACT_UP_TO = 10_000;

  /** Estimates rest on at least this many slices, so that every stretch of years is represented. */
  private static final int MIN_SLICES = 64;

  private static final int MAX_SLICES = 1_024;
  private static final int MIN_SLICE_DOCS = 256;

  /**
   * What was counted: the total (estimated or exact), the matches seen, how much to scale their
   * counts, and where they were: the matches found in each slice of {@code sliceDocs} documents in
   * index order, -1 for a slice not visited.
   */
  record Counted(
      long total,
      boolean estimated,
      FacetsCollector matches,
      double scale,
      int sliceDocs,
      int[] sliceMatches) {}

  private MatchCounting() {}

  static Counted count(IndexSearcher searcher, Query query) throws IOException {
    return count(searcher, countingWeight(searcher, query));
  }

  /**
   * The weight that counts {@code query}'s matches; made once, it serves the bound and the count of
   * one search, whose terms are then looked up in the index once instead of twice.
   */
  static Weight countingWeight(IndexSearcher searcher, Query query) throws IOException {
    return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  static Counted count(IndexSearcher searcher, Weight weight) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int maxDoc = searcher.getIndexReader().maxDoc();
    Seen seen = new Seen(leaves);
    if (maxDoc == 0) {
      return new Counted(0, false, seen.asCollector(), 1, MIN_SLICE_DOCS, new int[0]);
    }
    int sliceDocs = Math.max(MIN_SLICE_DOCS, (maxDoc + MAX_SLICES - 1) / MAX_SLICES);
    int slices = (maxDoc + sliceDocs - 1) / sliceDocs;
    int[] found = new int[slices];
    Arrays.fill(found, -1);
    // First a pilot: slices spread evenly over the index. From what it finds, the share of the
    // rest to visit so that about EXACT_UP_TO matches are seen in all; everything when that share
    // is most of it. Each pass goes through the index in order, one scorer per segment.
    boolean[] chosen = new boolean[slices];
    int pilot = Math.min(slices, MIN_SLICES);
    for (int i = 0; i < pilot; i++) {
      chosen[(int) ((long) i * slices / pilot)] = true;
    }
    long covered = visit(weight, leaves, maxDoc, sliceDocs, chosen, seen, found);
    if (seen.total >= EXACT_UP_TO && covered < maxDoc) {
      double scale = (double) maxDoc / covered;
      return new Counted(
          Math.round(seen.total * scale), true, seen.asCollector(), scale, sliceDocs, found);
    }
    double perSlice = (double) seen.total / pilot;
    long wanted = perSlice == 0 ? slices : (long) Math.ceil(EXACT_UP_TO * 1.25 / perSlice) - pilot;
    boolean[] next = new boolean[slices];
    int rest = slices - pilot;
    if (wanted >= rest * 3L / 4) {
      for (int i = 0; i < slices; i++) {
        next[i] = !chosen[i];
      }
    } else {
      for (long i = 0; i < wanted; i++) {
        int slice = (int) ((i * slices) / wanted + slices / (2 * wanted));
        while (slice < slices && (chosen[slice] || next[slice])) {
          slice++;
        }
        if (slice < slices) {
          next[slice] = true;
        }
      }
    }
    covered += visit(weight, leaves, maxDoc, sliceDocs, next, seen, found);
    if (covered >= maxDoc) {
      return new Counted(seen.total, false, seen.asCollector(), 1, sliceDocs, found);
    }
    double scale = (double) maxDoc / covered;
    return new Counted(
        Math.round(seen.total * scale), true, seen.asCollector(), scale, sliceDocs, found);
  }

  /**
   * Visits the chosen slices in index order, one scorer per segment; returns the documents they
   * hold.
   */
  private static long visit(
      Weight weight,
      List<LeafReaderContext> leaves,
      int maxDoc,
      int sliceDocs,
      boolean[] chosen,
      Seen seen,
      int[] found)
      throws IOException {
    BulkScorer[] scorers = new BulkScorer[leaves.size()];
    boolean[] opened = new boolean[leaves.size()];
    long covered = 0;
    for (int s = 0; s < chosen.length; s++) {
      if (!chosen[s]) {
        continue;
      }
      int from = s * sliceDocs;
      int to = Math.min(maxDoc, from + sliceDocs);
      long before = seen.total;
      for (LeafReaderContext leaf : leaves) {
        int lo = startIn(leaf, from);
        int hi = endIn(leaf, to);
        if (lo >= hi) {
          continue;
        }
        if (!opened[leaf.ord]) {
          opened[leaf.ord] = true;
          scorers[leaf.ord] = weight.bulkScorer(leaf);
        }
        if (scorers[leaf.ord] != null) {
          scorers[leaf.ord].score(seen.leaf(leaf), leaf.reader().getLiveDocs(), lo, hi);
        }
      }
      covered += to - from;
      found[s] = (int) (seen.total - before);
    }
    return covered;
  }

  /**
   * Where the index-wide document {@code from} falls in {@code leaf}, as the leaf's own number (0
   * when before it).
   */
  static int startIn(LeafReaderContext leaf, int from) {
    return Math.max(from, leaf.docBase) - leaf.docBase;
  }

  /** Where the index-wide end {@code to} (exclusive) falls in {@code leaf}; at most its size. */
  static int endIn(LeafReaderContext leaf, int to) {
    return Math.min(to, leaf.docBase + leaf.reader().maxDoc()) - leaf.docBase;
  }

  /** The matches seen so far, one bit set per segment. */
  private static final class Seen {
    private final List<LeafReaderContext> leaves;
    private final FixedBitSet[] bits;
    private final int[] counts;
    private long total;

    Seen(List<LeafReaderContext> leaves) {
      this.leaves = leaves;
      this.bits = new FixedBitSet[leaves.size()];
      this.counts = new int[leaves.size()];
    }

    LeafCollector leaf(LeafReaderContext leaf) {
      if (bits[leaf.ord] == null) {
        bits[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
      }
      FixedBitSet set = bits[leaf.ord];
      int ord = leaf.ord;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          set.set(doc);
          counts[ord]++;
          total++;
        }
      };
    }

    FacetsCollector asCollector() {
      List<FacetsCollector.MatchingDocs> matching = new ArrayList<>();
      // Every segment has its entry, matches or not: facet counting maps segment ordinals to the
      // index's only when it is given more than one segment.
      for (LeafReaderContext leaf : leaves) {
        DocIdSet docs =
            bits[leaf.ord] == null
                ? DocIdSet.EMPTY
                : new BitDocIdSet(bits[leaf.ord], counts[leaf.ord]);
        matching.add(new FacetsCollector.MatchingDocs(leaf, docs, counts[leaf.ord], null));
      }
      return new FacetsCollector() {
        @Override
        public List<MatchingDocs> getMatchingDocs() {
          return matching;
        }
      };
    }
  }
}

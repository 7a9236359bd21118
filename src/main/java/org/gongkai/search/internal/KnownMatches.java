package org.gongkai.search.internal;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The matches a counting pass has already found, as a filter: the pass that ranks them then visits
 * those documents only, instead of going through every posting of the query's words again. Valid
 * for the reader they were counted on, and never cached.
 */
final class KnownMatches extends Query {

  private final FacetsCollector.MatchingDocs[] bySegment;

  KnownMatches(FacetsCollector matches, int segments) {
    this.bySegment = new FacetsCollector.MatchingDocs[segments];
    for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
      bySegment[docs.context.ord] = docs;
    }
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        FacetsCollector.MatchingDocs docs =
            context.ord < bySegment.length ? bySegment[context.ord] : null;
        if (docs == null || docs.totalHits == 0) {
          return null;
        }
        DocIdSetIterator iterator = docs.bits.iterator();
        return iterator == null
            ? null
            : new ConstantScoreScorer(this, score(), scoreMode, iterator);
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "KnownMatches";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}

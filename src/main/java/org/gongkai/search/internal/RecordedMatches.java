package org.gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * Collects the best hits as {@code inner} does and writes down every document it is shown. Until
 * the hits' total passes the collector's threshold nothing is skipped, so when the total comes back
 * exact these are all the matches, and the facets are counted over them without a second pass over
 * the index. Above the threshold the search skips documents that cannot compete and what was
 * written down is not used.
 */
final class RecordedMatches<C extends Collector, T>
    implements CollectorManager<RecordedMatches.Recorder<C>, RecordedMatches.Recorded<T>> {

  /** The inner collector's result, and the matches it was shown, as facet counting takes them. */
  record Recorded<T>(T result, FacetsCollector matches) {}

  private final CollectorManager<C, T> inner;
  private final List<LeafReaderContext> leaves;

  RecordedMatches(CollectorManager<C, T> inner, List<LeafReaderContext> leaves) {
    this.inner = inner;
    this.leaves = leaves;
  }

  @Override
  public Recorder<C> newCollector() throws IOException {
    return new Recorder<>(inner.newCollector(), leaves.size());
  }

  @Override
  public Recorded<T> reduce(Collection<Recorder<C>> recorders) throws IOException {
    List<C> collectors = new ArrayList<>();
    DocIdSetBuilder[] docs = new DocIdSetBuilder[leaves.size()];
    int[] counts = new int[leaves.size()];
    for (Recorder<C> r : recorders) {
      collectors.add(r.inner);
      for (int i = 0; i < docs.length; i++) {
        if (r.docs[i] != null) {
          docs[i] = r.docs[i];
          counts[i] = r.counts[i];
        }
      }
    }
    List<FacetsCollector.MatchingDocs> matching = new ArrayList<>();
    // every segment has its entry: facet counting maps ordinals only when given more than one
    for (LeafReaderContext leaf : leaves) {
      DocIdSet set = docs[leaf.ord] == null ? DocIdSet.EMPTY : docs[leaf.ord].build();
      matching.add(new FacetsCollector.MatchingDocs(leaf, set, counts[leaf.ord], null));
    }
    return new Recorded<>(
        inner.reduce(collectors),
        new FacetsCollector() {
          @Override
          public List<MatchingDocs> getMatchingDocs() {
            return matching;
          }
        });
  }

  /** One slice's collector: the inner one, and the documents it was shown per segment. */
  static final class Recorder<C extends Collector> implements Collector {
    private final C inner;
    private final DocIdSetBuilder[] docs;
    private final int[] counts;

    Recorder(C inner, int leaves) {
      this.inner = inner;
      this.docs = new DocIdSetBuilder[leaves];
      this.counts = new int[leaves];
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector leaf = inner.getLeafCollector(context);
      DocIdSetBuilder builder = new DocIdSetBuilder(context.reader().maxDoc());
      docs[context.ord] = builder;
      int ord = context.ord;
      return new FilterLeafCollector(leaf) {
        @Override
        public void collect(int doc) throws IOException {
          builder.grow(1).add(doc);
          counts[ord]++;
          super.collect(doc);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return inner.scoreMode();
    }
  }
}

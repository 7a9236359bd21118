package org.gongkai.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Prepares each new searcher before it answers anyone: the facet ordinals of the whole index are
 * built here, on the thread that refreshed after a change, not in the first visitor's search.
 */
final class WarmSearchers extends SearcherFactory {

  /** A reader with its facet state. */
  record Facets(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private final Executor segments;
  private final int threads;
  private volatile Facets latest;

  /**
   * {@code segments}: the {@code threads} threads to search segments on side by side, or null for
   * the caller's thread.
   */
  WarmSearchers(Executor segments, int threads) {
    this.segments = segments;
    this.threads = Math.max(1, threads);
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
    IndexSearcher searcher =
        segments == null
            ? new IndexSearcher(reader)
            : new SlicedSearcher(reader, segments, threads);
    if (reader.maxDoc() > 0) {
      latest =
          new Facets(
              reader, new DefaultSortedSetDocValuesReaderState(reader, DocumentMapper.FACETS));
    }
    return searcher;
  }

  /**
   * Lucene groups segments into slices of 250,000 documents at least, so an index of a few hundred
   * thousand documents would be searched on one thread; here there is one slice per thread.
   */
  private static final class SlicedSearcher extends IndexSearcher {
    private final int threads;

    SlicedSearcher(IndexReader reader, Executor executor, int threads) {
      super(reader, executor);
      this.threads = threads;
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
      // the constructor asks before this object's fields are set
      int parts = Math.max(2, threads);
      long docs = 0;
      for (var leaf : leaves) {
        docs += leaf.reader().maxDoc();
      }
      int perSlice = (int) Math.max(1, (docs + parts - 1) / parts);
      return slices(leaves, perSlice, Integer.MAX_VALUE);
    }
  }

  /**
   * The facet state of this reader: the one prepared with it, or a new one for an older reader
   * still in use.
   */
  SortedSetDocValuesReaderState facets(IndexReader reader) throws IOException {
    Facets held = latest;
    if (held != null && held.reader() == reader) {
      return held.state();
    }
    return new DefaultSortedSetDocValuesReaderState(reader, DocumentMapper.FACETS);
  }
}

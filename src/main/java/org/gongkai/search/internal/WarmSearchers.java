package org.gongkai.search.internal;

import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Prepares each new searcher before it answers anyone: the facet ordinals of the whole index are
 * built here, on the thread that refreshed after a change, not in the first visitor's search.
 */
final class WarmSearchers extends SearcherFactory {

  /** A reader with its facet state. */
  record Facets(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private volatile Facets latest;

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
    IndexSearcher searcher = super.newSearcher(reader, previous);
    if (reader.maxDoc() > 0) {
      latest = new Facets(reader, new DefaultSortedSetDocValuesReaderState(reader, DocumentMapper.FACETS));
    }
    return searcher;
  }

  /** The facet state of this reader: the one prepared with it, or a new one for an older reader still in use. */
  SortedSetDocValuesReaderState facets(IndexReader reader) throws IOException {
    Facets held = latest;
    if (held != null && held.reader() == reader) {
      return held.state();
    }
    return new DefaultSortedSetDocValuesReaderState(reader, DocumentMapper.FACETS);
  }
}

package org.gongkai.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One index folder with its writer and near-real-time searcher. The folder records the schema it
 * was written with; one of another schema (other fields, analysis or order) is rebuilt, not read.
 */
final class LuceneEngine implements Closeable {

  static final String SCHEMA_KEY = "gongkai.schema";

  /**
   * Raised whenever documents are indexed differently: 2 (agency names out of matching, newest
   * first, 繁简 folded).
   */
  static final String SCHEMA = "2";

  static final Sort INDEX_ORDER =
      new Sort(
          new SortField(DocumentMapper.PUBLISHED_SORT, SortField.Type.LONG, true),
          new SortField(DocumentMapper.ID_SORT, SortField.Type.LONG, true));

  final Path folder;
  final Directory directory;
  final IndexWriter writer;
  final SearcherManager searchers;
  final WarmSearchers warm;

  private LuceneEngine(
      Path folder,
      Directory directory,
      IndexWriter writer,
      SearcherManager searchers,
      WarmSearchers warm) {
    this.warm = warm;
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  static LuceneEngine open(Path folder, boolean create, Executor segments, int threads)
      throws IOException {
    Directory directory = FSDirectory.open(folder);
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
    config.setOpenMode(
        create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
    merges.setMaxMergesAndThreads(2, 1);
    config.setMergeScheduler(merges);
    // Newest first on disk: a search by date stops after the first page's worth of matches.
    config.setIndexSort(INDEX_ORDER);
    try {
      if (!create
          && !SCHEMA.equals(
              SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY))) {
        throw new IOException("search index of an older schema: rebuild");
      }
      IndexWriter writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
      if (create) {
        writer.commit();
      }
      WarmSearchers warm = new WarmSearchers(segments, threads);
      return new LuceneEngine(folder, directory, writer, new SearcherManager(writer, warm), warm);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** What {@code work} reads with a searcher of the index as it is now. */
  <T> T read(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.read(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  interface SearcherWork<T> {
    T read(IndexSearcher searcher) throws IOException;
  }

  void commitAndRefresh() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      try {
        writer.close();
      } finally {
        directory.close();
      }
    }
  }
}

package org.gongkai.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** One index folder with its writer and near-real-time searcher. */
final class LuceneEngine implements Closeable {

  final Path folder;
  final Directory directory;
  final IndexWriter writer;
  final SearcherManager searchers;

  private LuceneEngine(Path folder, Directory directory, IndexWriter writer, SearcherManager searchers) {
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  static LuceneEngine open(Path folder, boolean create) throws IOException {
    Directory directory = FSDirectory.open(folder);
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
    config.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
    merges.setMaxMergesAndThreads(2, 1);
    config.setMergeScheduler(merges);
    try {
      IndexWriter writer = new IndexWriter(directory, config);
      if (create) {
        writer.commit();
      }
      return new LuceneEngine(folder, directory, writer, new SearcherManager(writer, null));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
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

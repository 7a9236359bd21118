package org.gongkai.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;

/**
 * The embedded search index: Lucene in a folder under the data folder. A full rebuild writes a new
 * folder while the old one answers, then switches over; the {@code CURRENT} file names the folder
 * in use.
 */
final class LuceneSearchIndex implements EngineIndex {

  static final List<String> FACET_DIMENSIONS =
      List.of(
          DocumentMapper.AGENCY,
          DocumentMapper.COLUMN,
          DocumentMapper.YEAR,
          DocumentMapper.VALIDITY);

  /** While many documents are put, what was written so far is shown this often. */
  static final int REFRESH_EVERY = 10_000;

  private final IndexFolders folders;
  private final QueryFactory queries = new QueryFactory(Analyzers.smart());
  private final QueryExecution execution = new QueryExecution(queries);
  private final Object writeLock = new Object();
  private final ExecutorService segments;
  private final int threads;
  private final FirstPages firstPages;
  private final FirstPageWarming warming;
  private volatile LuceneEngine engine;
  private volatile Synonyms synonyms = Synonyms.NONE;

  /** Opens the index in use, or throws when it is missing or unreadable (the caller rebuilds). */
  LuceneSearchIndex(Path root, SearchTuning tuning) throws IOException {
    this.folders = new IndexFolders(root);
    Path current = folders.current();
    if (current == null || !DirectoryReader.indexExists(FSDirectory.open(current))) {
      throw new IndexMissingException();
    }
    this.segments = tuning.segmentExecutor();
    this.threads = tuning.segmentThreads();
    this.firstPages = new FirstPages(tuning.firstPageCache());
    this.warming = warming(tuning);
    try {
      this.engine = LuceneEngine.open(current, false, segments, threads);
    } catch (IOException | RuntimeException e) {
      if (segments != null) {
        segments.shutdown();
      }
      throw e;
    }
  }

  private LuceneSearchIndex(SearchTuning tuning, IndexFolders folders) {
    this.folders = folders;
    this.segments = tuning.segmentExecutor();
    this.threads = tuning.segmentThreads();
    this.firstPages = new FirstPages(tuning.firstPageCache());
    this.warming = warming(tuning);
  }

  /** A new, empty index, replacing whatever was there. */
  static LuceneSearchIndex createEmpty(Path root, SearchTuning tuning) throws IOException {
    IndexFolders folders = new IndexFolders(root);
    Path folder = folders.fresh();
    LuceneSearchIndex index = new LuceneSearchIndex(tuning, folders);
    try {
      index.engine = LuceneEngine.open(folder, true, index.segments, index.threads);
    } catch (IOException | RuntimeException e) {
      if (index.segments != null) {
        index.segments.shutdown();
      }
      throw e;
    }
    folders.pointTo(folder);
    folders.deleteAllBut(folder);
    return index;
  }

  private FirstPageWarming warming(SearchTuning tuning) {
    return new FirstPageWarming(
        firstPages::hottest, this::search, tuning.warmUpQueries(), SearchTuning.WARM_UP_BUDGET);
  }

  FirstPageWarming warming() {
    return warming;
  }

  static final class IndexMissingException extends IOException {
    IndexMissingException() {
      super("no search index");
    }
  }

  @Override
  public void put(IndexedDocument document) {
    synchronized (writeLock) {
      try {
        engine.writer.updateDocument(
            new Term(DocumentMapper.ID, Long.toString(document.id())),
            DocumentMapper.toLucene(document));
        engine.commitAndRefresh();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    warming.afterChange();
  }

  @Override
  public void putWithoutCommit(IndexedDocument document) throws IOException {
    synchronized (writeLock) {
      engine.writer.updateDocument(
          new Term(DocumentMapper.ID, Long.toString(document.id())),
          DocumentMapper.toLucene(document));
    }
  }

  @Override
  public void commit() throws IOException {
    synchronized (writeLock) {
      engine.commitAndRefresh();
    }
    warming.afterChange();
  }

  @Override
  public void remove(long documentId) {
    synchronized (writeLock) {
      try {
        engine.writer.deleteDocuments(new Term(DocumentMapper.ID, Long.toString(documentId)));
        engine.commitAndRefresh();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    warming.afterChange();
  }

  @Override
  public void removeAll(Collection<Long> documentIds) throws IOException {
    synchronized (writeLock) {
      engine.writer.deleteDocuments(
          documentIds.stream()
              .map(id -> new Term(DocumentMapper.ID, Long.toString(id)))
              .toArray(Term[]::new));
      engine.commitAndRefresh();
    }
    warming.afterChange();
  }

  /**
   * Through the rebuild's pipeline, into the index in use: it answers meanwhile, and shows what was
   * written so far every {@link #REFRESH_EVERY} documents; one commit at the end.
   */
  @Override
  public void putAll(Iterable<IndexedDocument> documents, Runnable onEach) throws IOException {
    LuceneEngine current = engine;
    AtomicLong written = new AtomicLong();
    ParallelWriting.write(
        documents,
        d -> {
          current.writer.updateDocument(
              new Term(DocumentMapper.ID, Long.toString(d.id())), DocumentMapper.toLucene(d));
          onEach.run();
          if (written.incrementAndGet() % REFRESH_EVERY == 0) {
            current.searchers.maybeRefresh();
          }
        });
    synchronized (writeLock) {
      if (current == engine) {
        current.commitAndRefresh();
      }
    }
    warming.afterChange();
  }

  @Override
  public void replaceAll(Iterable<IndexedDocument> documents, Runnable onEach) {
    Path folder = folders.fresh();
    try {
      LuceneEngine fresh = LuceneEngine.open(folder, true, segments, threads);
      try {
        ParallelWriting.write(
            documents,
            d -> {
              fresh.writer.addDocument(DocumentMapper.toLucene(d));
              onEach.run();
            });
        // Every search looks each of its terms up in every segment: one segment per thread that
        // searches them (one by default) keeps that cost, and what it allocates, at its least.
        fresh.writer.forceMerge(Math.max(1, threads));
        fresh.commitAndRefresh();
      } catch (IOException | RuntimeException e) {
        fresh.close();
        throw e;
      }
      LuceneEngine old;
      synchronized (writeLock) {
        old = engine;
        engine = fresh;
        folders.pointTo(folder);
      }
      old.close();
      warming.afterChange();
      folders.deleteAllBut(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SearchResult search(SearchQuery q) {
    long started = System.nanoTime();
    Synonyms currentSynonyms = synonyms;
    LuceneEngine current = engine;
    return current.read(
        searcher ->
            firstPages.get(
                current.folder.getFileName().toString(),
                ((DirectoryReader) searcher.getIndexReader()).getVersion(),
                q,
                currentSynonyms,
                () -> execution.run(searcher, current.warm, q, currentSynonyms, started)));
  }

  @Override
  public List<String> suggestTitles(String prefix, int limit) {
    PublicQuery parsed = PublicQuery.parse(prefix);
    if (parsed.clauses().isEmpty()) {
      return List.of();
    }
    return engine.read(searcher -> IndexContents.suggestTitles(searcher, queries, parsed, limit));
  }

  @Override
  public Map<Long, Long> indexedEditions() {
    return engine.read(IndexContents::indexedEditions);
  }

  @Override
  public long size() {
    return engine.read(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public long diskBytes() {
    try (Stream<Path> files = Files.walk(engine.folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void useSynonyms(List<List<String>> groups) {
    this.synonyms = new Synonyms(groups);
    warming.afterChange();
  }

  @Override
  public void close() throws IOException {
    warming.close();
    try {
      engine.close();
    } finally {
      if (segments != null) {
        segments.shutdown();
      }
    }
  }
}

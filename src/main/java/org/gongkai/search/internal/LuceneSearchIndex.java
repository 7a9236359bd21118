package org.gongkai.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
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
  private static final Sort BY_RELEVANCE =
      new Sort(
          SortField.FIELD_SCORE, new SortField(DocumentMapper.ID_SORT, SortField.Type.LONG, true));

  /** While many documents are put, what was written so far is shown this often. */
  static final int REFRESH_EVERY = 10_000;

  private final Path root;
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
    this.root = root;
    Files.createDirectories(root);
    Path current = currentFolder();
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

  private LuceneSearchIndex(SearchTuning tuning, Path root) {
    this.root = root;
    this.segments = tuning.segmentExecutor();
    this.threads = tuning.segmentThreads();
    this.firstPages = new FirstPages(tuning.firstPageCache());
    this.warming = warming(tuning);
  }

  /** A new, empty index, replacing whatever was there. */
  static LuceneSearchIndex createEmpty(Path root, SearchTuning tuning) throws IOException {
    Files.createDirectories(root);
    Path folder = root.resolve("index-" + System.currentTimeMillis());
    LuceneSearchIndex index = new LuceneSearchIndex(tuning, root);
    try {
      index.engine = LuceneEngine.open(folder, true, index.segments, index.threads);
    } catch (IOException | RuntimeException e) {
      if (index.segments != null) {
        index.segments.shutdown();
      }
      throw e;
    }
    index.pointTo(folder);
    index.deleteOtherFolders(folder);
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
    Path folder = root.resolve("index-" + System.currentTimeMillis());
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
        pointTo(folder);
      }
      old.close();
      warming.afterChange();
      deleteOtherFolders(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SearchResult search(SearchQuery q) {
    long started = System.nanoTime();
    Synonyms currentSynonyms = synonyms;
    LuceneEngine current = engine;
    try {
      IndexSearcher searcher = current.searchers.acquire();
      try {
        long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
        return firstPages.get(
            current.folder.getFileName().toString(),
            version,
            q,
            currentSynonyms,
            () -> execution.run(searcher, current.warm, q, currentSynonyms, started));
      } finally {
        current.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> suggestTitles(String prefix, int limit) {
    PublicQuery parsed = PublicQuery.parse(prefix);
    if (parsed.clauses().isEmpty()) {
      return List.of();
    }
    Query query =
        queries.build(
            new PublicQuery(parsed.clauses(), parsed.raw()),
            new SearchQuery(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                SearchQuery.Sort.RELEVANCE,
                1,
                limit,
                null,
                false),
            Synonyms.NONE);
    LuceneEngine current = engine;
    try {
      IndexSearcher searcher = current.searchers.acquire();
      try {
        TopDocs top = searcher.search(query, limit * 3, BY_RELEVANCE);
        Set<String> titles = new LinkedHashSet<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
          titles.add(stored.document(sd.doc).get(DocumentMapper.STORED_TITLE));
          if (titles.size() >= limit) {
            break;
          }
        }
        return new ArrayList<>(titles);
      } finally {
        current.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<Long, Long> indexedEditions() {
    LuceneEngine current = engine;
    Map<Long, Long> result = new HashMap<>();
    try {
      IndexSearcher searcher = current.searchers.acquire();
      try {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          StoredFields stored = leaf.reader().storedFields();
          // Column-wise values, read without decompressing each document's stored text; a
          // document written before the edition had one is read from its stored fields.
          NumericDocValues ids = leaf.reader().getNumericDocValues(DocumentMapper.ID_SORT);
          NumericDocValues editions =
              leaf.reader().getNumericDocValues(DocumentMapper.EDITION_VALUE);
          for (int i = 0; i < leaf.reader().maxDoc(); i++) {
            if (live == null || live.get(i)) {
              if (ids != null
                  && editions != null
                  && ids.advanceExact(i)
                  && editions.advanceExact(i)) {
                result.put(ids.longValue(), editions.longValue());
              } else {
                Document d = stored.document(i, Set.of(DocumentMapper.ID, DocumentMapper.EDITION));
                result.put(
                    Long.parseLong(d.get(DocumentMapper.ID)),
                    d.getField(DocumentMapper.EDITION).numericValue().longValue());
              }
            }
          }
        }
      } finally {
        current.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  @Override
  public long size() {
    LuceneEngine current = engine;
    try {
      IndexSearcher searcher = current.searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        current.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private Path currentFolder() throws IOException {
    Path pointer = root.resolve("CURRENT");
    if (!Files.exists(pointer)) {
      return null;
    }
    Path folder = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
    return Files.isDirectory(folder) ? folder : null;
  }

  private void pointTo(Path folder) throws IOException {
    Path temp = root.resolve("CURRENT.tmp");
    Files.writeString(temp, folder.getFileName().toString(), StandardCharsets.UTF_8);
    Files.move(
        temp,
        root.resolve("CURRENT"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private void deleteOtherFolders(Path keep) {
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.filter(Files::isDirectory).filter(p -> !p.equals(keep)).toList()) {
        try (Stream<Path> walk = Files.walk(child)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException ignored) {
      // an old folder left behind is removed at the next rebuild
    }
  }
}

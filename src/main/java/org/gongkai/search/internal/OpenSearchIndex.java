package org.gongkai.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The search port on an OpenSearch cluster: writes are searchable when they return, a full rebuild
 * fills a new index while the old one answers, and searches run the same queries as the embedded
 * index ({@link OpenSearchSearch}).
 */
final class OpenSearchIndex implements EngineIndex {

  private static final int BULK = 500;

  private final OpenSearchEngine engine;
  private final OpenSearchClient client;
  private final OpenSearchDocuments documents = new OpenSearchDocuments();
  private final OpenSearchSearch searches;
  private final List<BulkOperation> pending = new ArrayList<>();

  /**
   * The index a rebuild is filling, which single writes go to as well, so that none is lost in the
   * switch.
   */
  private volatile String building;

  private volatile Synonyms synonyms = Synonyms.NONE;

  OpenSearchIndex(OpenSearchEngine engine) {
    this.engine = engine;
    this.client = engine.client();
    this.searches = new OpenSearchSearch(client, engine.alias());
  }

  @Override
  public void put(IndexedDocument document) {
    try {
      OpenSearchDocuments.Source source = documents.of(document);
      String id = Long.toString(document.id());
      String target = building;
      if (target != null) {
        client.index(i -> i.index(target).id(id).document(source));
      }
      client.index(i -> i.index(engine.alias()).id(id).document(source).refresh(Refresh.WaitFor));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void remove(long documentId) {
    String id = Long.toString(documentId);
    try {
      String target = building;
      if (target != null) {
        deleteQuietly(target, id, Refresh.False);
      }
      deleteQuietly(engine.alias(), id, Refresh.WaitFor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteQuietly(String index, String id, Refresh refresh) throws IOException {
    try {
      client.delete(d -> d.index(index).id(id).refresh(refresh));
    } catch (OpenSearchException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  @Override
  public synchronized void putWithoutCommit(IndexedDocument document) throws IOException {
    OpenSearchDocuments.Source source = documents.of(document);
    pending.add(
        BulkOperation.of(
            b ->
                b.index(
                    i ->
                        i.index(engine.alias())
                            .id(Long.toString(document.id()))
                            .document(source))));
    if (pending.size() >= BULK) {
      flush(false);
    }
  }

  @Override
  public synchronized void commit() throws IOException {
    flush(true);
  }

  private void flush(boolean refresh) throws IOException {
    if (!pending.isEmpty()) {
      List<BulkOperation> batch = List.copyOf(pending);
      pending.clear();
      failOnErrors(
          client.bulk(b -> b.operations(batch).refresh(refresh ? Refresh.WaitFor : Refresh.False)));
    } else if (refresh) {
      client.indices().refresh(r -> r.index(engine.alias()));
    }
  }

  private static void failOnErrors(BulkResponse response) throws IOException {
    if (response.errors()) {
      String first =
          response.items().stream()
              .filter(i -> i.error() != null)
              .map(i -> i.id() + ": " + i.error().reason())
              .findFirst()
              .orElse("unknown");
      throw new IOException("the search cluster refused documents, first " + first);
    }
  }

  @Override
  public void replaceAll(Iterable<IndexedDocument> all, Runnable onEach) {
    try {
      String fresh = engine.createIndex();
      building = fresh;
      try {
        // Searchable at the end only: no refresh and no replica while the bulk of it is written.
        client
            .indices()
            .putSettings(
                s ->
                    s.index(fresh)
                        .settings(i -> i.refreshInterval(t -> t.time("-1")).numberOfReplicas("0")));
        List<BulkOperation> batch = new ArrayList<>(BULK);
        for (IndexedDocument d : all) {
          OpenSearchDocuments.Source source = documents.of(d);
          batch.add(
              BulkOperation.of(
                  b -> b.index(i -> i.index(fresh).id(Long.toString(d.id())).document(source))));
          if (batch.size() >= BULK) {
            List<BulkOperation> full = List.copyOf(batch);
            failOnErrors(client.bulk(b -> b.operations(full)));
            full.forEach(x -> onEach.run());
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          List<BulkOperation> rest = List.copyOf(batch);
          failOnErrors(client.bulk(b -> b.operations(rest)));
          rest.forEach(x -> onEach.run());
        }
        client
            .indices()
            .putSettings(
                s ->
                    s.index(fresh)
                        .settings(
                            i ->
                                i.refreshInterval(t -> t.time("1s"))
                                    .numberOfReplicas(Integer.toString(engine.replicas()))));
        client.indices().refresh(r -> r.index(fresh));
        client
            .cluster()
            .health(
                h ->
                    h.index(fresh)
                        .waitForStatus(
                            engine.replicas() > 0 ? HealthStatus.Yellow : HealthStatus.Green));
        engine.moveAlias(fresh);
      } finally {
        building = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SearchResult search(SearchQuery query) {
    return searches.search(query, synonyms, System.nanoTime());
  }

  @Override
  public List<String> suggestTitles(String prefix, int limit) {
    PublicQuery parsed = PublicQuery.parse(prefix);
    if (parsed.clauses().isEmpty()) {
      return List.of();
    }
    Set<String> titles = new LinkedHashSet<>();
    for (OpenSearchDocuments.Display d : searches.top(parsed, limit * 3)) {
      titles.add(d.title());
      if (titles.size() >= limit) {
        break;
      }
    }
    return new ArrayList<>(titles);
  }

  /** Id and edition of every document, walked in id order a page at a time. */
  @Override
  public Map<Long, Long> indexedEditions() {
    Map<Long, Long> result = new HashMap<>();
    try {
      List<FieldValue> after = null;
      while (true) {
        List<FieldValue> from = after;
        SearchResponse<IdAndEdition> page =
            client.search(
                s -> {
                  s.index(engine.alias())
                      .size(5_000)
                      .source(
                          c ->
                              c.filter(
                                  f ->
                                      f.includes(
                                          OpenSearchDocuments.ID_SORT,
                                          OpenSearchDocuments.EDITION)))
                      .sort(
                          o ->
                              o.field(
                                  f -> f.field(OpenSearchDocuments.ID_SORT).order(SortOrder.Asc)))
                      .trackTotalHits(t -> t.enabled(false));
                  if (from != null) {
                    s.searchAfterVals(from);
                  }
                  return s;
                },
                IdAndEdition.class);
        List<Hit<IdAndEdition>> hits = page.hits().hits();
        if (hits.isEmpty()) {
          return result;
        }
        hits.forEach(h -> result.put(h.source().idSort(), h.source().edition()));
        after = List.of(FieldValue.of(hits.get(hits.size() - 1).source().idSort()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record IdAndEdition(long idSort, long edition) {}

  @Override
  public long size() {
    try {
      return client.count(c -> c.index(engine.alias())).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long diskBytes() {
    try {
      var stats = client.indices().stats(s -> s.index(engine.alias()).metric("store"));
      return stats.all().total().store().sizeInBytes();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public void useSynonyms(List<List<String>> groups) {
    this.synonyms = new Synonyms(groups);
  }

  @Override
  public void close() throws IOException {
    engine.close();
  }
}

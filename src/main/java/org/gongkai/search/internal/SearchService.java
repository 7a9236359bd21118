package org.gongkai.search.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gongkai.catalog.Catalog;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.Search;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;
import org.gongkai.shared.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps the index in step with the database. At start-up the index is opened and checked against
 * the live documents: missing or unreadable, it is built afresh in the background (search answers
 * 503 until then); behind, it catches up in the background while it answers.
 */
@Service
class SearchService implements Search {

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);
  private static final long MAX_RETRY_SECONDS = 300;

  private final Catalog catalog;
  private final CatalogWalks walks;
  private final SynonymStore synonyms;
  private final QueryLog queryLog;
  private final FacetLabels labels;
  private final SearchEngine engine;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "search-index");
            t.setDaemon(true);
            return t;
          });

  private volatile EngineIndex index;
  private volatile IndexStatus.Phase phase = IndexStatus.Phase.BUILDING_FRESH;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total = new AtomicLong();
  private volatile String lastError;
  private volatile long freshBuildRetry = 1;
  private final Timer latency;

  SearchService(
      Catalog catalog,
      IndexedDocuments documents,
      SynonymStore synonyms,
      QueryLog queryLog,
      FacetLabels labels,
      SearchEngine engine,
      MeterRegistry meters) {
    this.engine = engine;
    this.latency =
        Timer.builder("gongkai.search.latency")
            .description("time to answer a search")
            .register(meters);
    this.labels = labels;
    this.catalog = catalog;
    this.walks = new CatalogWalks(catalog, documents);
    this.synonyms = synonyms;
    this.queryLog = queryLog;
  }

  @EventListener(ApplicationReadyEvent.class)
  void openAtStartup() {
    try {
      index = engine.open();
      index.useSynonyms(synonyms.groups());
      phase = IndexStatus.Phase.CATCHING_UP;
      background.submit(this::catchUp);
    } catch (IOException | RuntimeException unreadable) {
      log.warn(
          "search index missing or unreadable ({}); building it afresh in the background",
          unreadable.toString());
      phase = IndexStatus.Phase.BUILDING_FRESH;
      background.submit(this::buildFresh);
    }
  }

  @PreDestroy
  void close() throws IOException {
    background.shutdownNow();
    if (index != null) {
      index.close();
    }
  }

  @Override
  public SearchResult search(SearchQuery query) {
    EngineIndex current = index;
    if (current == null || phase == IndexStatus.Phase.BUILDING_FRESH) {
      throw Refusal.unavailable("search.building", done.get(), total.get());
    }
    long start = System.nanoTime();
    SearchResult result = current.search(query);
    latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    queryLog.record(query.text(), result.total(), visitor());
    return labels.relabel(result);
  }

  /**
   * The address of the visitor searching, as the container resolved it (trusted proxies included).
   */
  private static String visitor() {
    return RequestContextHolder.getRequestAttributes()
            instanceof ServletRequestAttributes attributes
        ? attributes.getRequest().getRemoteAddr()
        : "";
  }

  @Override
  public List<String> suggest(String prefix) {
    EngineIndex current = index;
    if (prefix == null
        || prefix.isBlank()
        || current == null
        || phase == IndexStatus.Phase.BUILDING_FRESH) {
      return List.of();
    }
    List<String> result = new ArrayList<>(queryLog.frequentStartingWith(prefix.strip(), 3));
    for (String title : current.suggestTitles(prefix, 8)) {
      if (result.size() >= 10) {
        break;
      }
      if (!result.contains(title)) {
        result.add(title);
      }
    }
    return result;
  }

  @Override
  public IndexStatus status() {
    EngineIndex current = index;
    return new IndexStatus(
        phase, done.get(), total.get(), current == null ? 0 : current.size(), lastError);
  }

  @Override
  public synchronized boolean startRebuild(String actor) {
    if (phase != IndexStatus.Phase.READY) {
      return false;
    }
    log.info("full rebuild of the search index started by {}", actor);
    phase = IndexStatus.Phase.REBUILDING;
    background.submit(this::rebuild);
    return true;
  }

  /**
   * True when every node shares the index, so that none needs to follow the others' publications.
   */
  boolean sharedIndex() {
    return engine.shared();
  }

  /** The index the event listeners write to; null while there is none yet. */
  EngineIndex index() {
    return index;
  }

  void reloadSynonyms() {
    EngineIndex current = index;
    if (current != null) {
      current.useSynonyms(synonyms.groups());
    }
  }

  private void buildFresh() {
    try {
      EngineIndex fresh = engine.createEmpty();
      fresh.useSynonyms(synonyms.groups());
      fillFromDatabase(fresh);
      index = fresh;
      phase = IndexStatus.Phase.CATCHING_UP;
      catchUp();
    } catch (IOException | RuntimeException e) {
      lastError = e.toString();
      freshBuildRetry = Math.min(freshBuildRetry * 2, MAX_RETRY_SECONDS);
      log.error("building the search index failed; trying again in {} s", freshBuildRetry, e);
      // A cluster that is slow or briefly away must not leave the platform without search until
      // the next restart.
      CompletableFuture.delayedExecutor(freshBuildRetry, TimeUnit.SECONDS, background)
          .execute(this::buildFresh);
    }
  }

  private void rebuild() {
    try {
      fillFromDatabase(index);
      phase = IndexStatus.Phase.CATCHING_UP;
      catchUp();
    } catch (RuntimeException e) {
      lastError = e.toString();
      phase = IndexStatus.Phase.READY;
      log.error("rebuilding the search index failed", e);
    }
  }

  private void fillFromDatabase(EngineIndex target) {
    long started = System.nanoTime();
    done.set(0);
    total.set(catalog.liveCount());
    target.replaceAll(walks::all, done::incrementAndGet);
    log.info(
        "search index built: {} documents in {} s",
        done.get(),
        (System.nanoTime() - started) / 1_000_000_000);
  }

  /**
   * Compares the index with the database and fixes what differs, through the rebuild's pipeline:
   * the documents to add or update are read a batch at a time (two statements a batch), analysed in
   * parallel and committed once; those to remove, at once.
   */
  void catchUp() {
    try {
      EngineIndex current = index;
      Map<Long, Long> live = catalog.liveEditions();
      Map<Long, Long> indexed = current.indexedEditions();
      // The live editions of the documents to add or update, in the order of their key.
      List<Long> stale = new ArrayList<>();
      live.forEach(
          (id, edition) -> {
            if (!edition.equals(indexed.get(id))) {
              stale.add(edition);
            }
          });
      Collections.sort(stale);
      List<Long> extra = indexed.keySet().stream().filter(id -> !live.containsKey(id)).toList();
      done.set(0);
      total.set(stale.size() + extra.size());
      if (!extra.isEmpty()) {
        current.removeAll(extra);
        done.addAndGet(extra.size());
      }
      if (!stale.isEmpty()) {
        current.putAll(() -> walks.among(stale), done::incrementAndGet);
        log.info(
            "search index caught up: {} added or updated, {} removed", stale.size(), extra.size());
      } else if (!extra.isEmpty()) {
        log.info("search index caught up: {} removed", extra.size());
      }
    } catch (IOException | RuntimeException e) {
      lastError = e.toString();
      log.error("checking the search index failed", e);
    } finally {
      phase = IndexStatus.Phase.READY;
    }
  }
}

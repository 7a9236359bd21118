package org.gongkai.search.internal;

import java.util.Set;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.gongkai.shared.execution.PlatformExecutors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows the catalog. The events are recorded in the publishing transaction by the event
 * publication registry; one whose indexing failed or was cut short by a crash is delivered again at
 * restart. A withdrawal is also applied right after its commit, in the withdrawing request, so that
 * the document has left the results before the reviewer sees the confirmation.
 */
@Component
class SearchIndexer {

  private final SearchService search;
  private final Catalog catalog;
  private final IndexedDocuments documents;
  private final IndexLog log;

  SearchIndexer(SearchService search, Catalog catalog, IndexedDocuments documents, IndexLog log) {
    this.search = search;
    this.catalog = catalog;
    this.documents = documents;
    this.log = log;
  }

  @ApplicationModuleListener
  @Async(PlatformExecutors.INDEXING)
  void on(DocumentPublished event) {
    reindexAfterCommit(event.documentId());
  }

  @ApplicationModuleListener
  @Async(PlatformExecutors.INDEXING)
  void on(DocumentWithdrawn event) {
    reindexAfterCommit(event.documentId());
  }

  /** The log entries this node committed for the document are applied by this reading of it. */
  void reindexAfterCommit(long documentId) {
    Set<Long> covered = log.committedHereFor(documentId);
    if (reindex(documentId)) {
      log.indexedHere(documentId, covered);
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void removeAtOnce(DocumentWithdrawn event) {
    EngineIndex index = search.index();
    if (index != null) {
      index.remove(event.documentId());
    }
  }

  /**
   * Brings one document's entry in line with the database, whatever the event said; false while
   * there is no index.
   */
  boolean reindex(long documentId) {
    EngineIndex index = search.index();
    if (index == null) {
      return false; // the fresh build reads the database, and checks again when it is done
    }
    catalog
        .indexable(documentId)
        .map(documents::of)
        .ifPresentOrElse(index::put, () -> index.remove(documentId));
    return true;
  }
}

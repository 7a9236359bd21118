package org.gongkai.search.internal;

import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows the catalog. The events are recorded in the publishing transaction by the event
 * publication registry; one whose indexing failed or was cut short by a crash is delivered again
 * at restart. A withdrawal is also applied right after its commit, in the withdrawing request,
 * so that the document has left the results before the reviewer sees the confirmation.
 */
@Component
class SearchIndexer {

  private final SearchService search;
  private final Catalog catalog;
  private final IndexedDocuments documents;

  SearchIndexer(SearchService search, Catalog catalog, IndexedDocuments documents) {
    this.search = search;
    this.catalog = catalog;
    this.documents = documents;
  }

  @ApplicationModuleListener
  void on(DocumentPublished event) {
    reindex(event.documentId());
  }

  @ApplicationModuleListener
  void on(DocumentWithdrawn event) {
    reindex(event.documentId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void removeAtOnce(DocumentWithdrawn event) {
    EngineIndex index = search.index();
    if (index != null) {
      index.remove(event.documentId());
    }
  }

  /** Brings one document's entry in line with the database, whatever the event said. */
  void reindex(long documentId) {
    EngineIndex index = search.index();
    if (index == null) {
      return; // the fresh build reads the database, and checks again when it is done
    }
    catalog.indexable(documentId).map(documents::of)
        .ifPresentOrElse(index::put, () -> index.remove(documentId));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAsync
  static class AsyncConfiguration {}
}

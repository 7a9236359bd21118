package org.gongkai.search.internal;

import java.util.List;
import org.gongkai.agency.AgencyChanged;
import org.gongkai.agency.ColumnChanged;
import org.gongkai.catalog.Catalog;
import org.gongkai.shared.execution.PlatformExecutors;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Follows renamed agencies and columns: the index holds each document's agency and column names,
 * for its facets and for finding documents by them. A rename is followed the way a publication is
 * (see {@link SearchIndexer} and {@link IndexFollower}): an entry per document of the agency or
 * column is logged in the renaming transaction, for every node's follower, and this node reindexes
 * them after the commit, durably.
 */
@Component
class LabelFollower {

  private final Catalog catalog;
  private final IndexLog entries;
  private final IndexedDocuments documents;
  private final SearchIndexer indexer;

  LabelFollower(
      Catalog catalog, IndexLog entries, IndexedDocuments documents, SearchIndexer indexer) {
    this.catalog = catalog;
    this.entries = entries;
    this.documents = documents;
    this.indexer = indexer;
  }

  @EventListener
  void log(AgencyChanged event) {
    if (event.renamed()) {
      catalog.liveDocumentsOf(event.agencyId()).forEach(entries::append);
    }
  }

  @EventListener
  void log(ColumnChanged event) {
    if (event.renamed()) {
      catalog.liveDocumentsIn(event.columnId()).forEach(entries::append);
    }
  }

  @ApplicationModuleListener
  @Async(PlatformExecutors.INDEXING)
  void relabel(AgencyChanged event) {
    if (event.renamed()) {
      relabel(catalog.liveDocumentsOf(event.agencyId()));
    }
  }

  @ApplicationModuleListener
  @Async(PlatformExecutors.INDEXING)
  void relabel(ColumnChanged event) {
    if (event.renamed()) {
      relabel(catalog.liveDocumentsIn(event.columnId()));
    }
  }

  private void relabel(List<Long> documentIds) {
    documents.forgetNames();
    documentIds.forEach(indexer::reindexAfterCommit);
  }
}

package org.gongkai.search.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.IndexableDocument;
import org.gongkai.search.IndexedDocument;

/**
 * The catalog's live documents as the index takes them: walked a batch of {@value #BATCH} at a
 * time, each batch read when the one before is used up.
 */
final class CatalogWalks {

  static final int BATCH = 500;

  private final Catalog catalog;
  private final IndexedDocuments documents;

  CatalogWalks(Catalog catalog, IndexedDocuments documents) {
    this.catalog = catalog;
    this.documents = documents;
  }

  /** Every live document, walking the editions' primary key a batch at a time. */
  Iterator<IndexedDocument> all() {
    long[] lastEditionId = {0};
    return inBatches(
        () -> {
          Catalog.IndexableBatch next = catalog.indexableAfter(lastEditionId[0], BATCH);
          lastEditionId[0] = next.lastEditionId();
          return next.ended() ? null : next.documents();
        });
  }

  /** The live ones of these editions, read by their key a batch at a time. */
  Iterator<IndexedDocument> among(List<Long> editionIds) {
    int[] from = {0};
    return inBatches(
        () -> {
          if (from[0] >= editionIds.size()) {
            return null;
          }
          List<Long> batch =
              editionIds.subList(from[0], Math.min(from[0] + BATCH, editionIds.size()));
          from[0] += batch.size();
          return catalog.indexableEditions(batch);
        });
  }

  /**
   * The documents of successive batches, each read when the one before is used up; a batch may hold
   * none (drafts and superseded editions walked past), null ends the walk.
   */
  private Iterator<IndexedDocument> inBatches(Supplier<List<IndexableDocument>> nextBatch) {
    return new Iterator<>() {
      private List<IndexableDocument> batch = List.of();
      private int position;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        while (position >= batch.size()) {
          if (exhausted) {
            return false;
          }
          List<IndexableDocument> next = nextBatch.get();
          if (next == null) {
            exhausted = true;
            return false;
          }
          batch = next;
          position = 0;
        }
        return true;
      }

      @Override
      public IndexedDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return documents.of(batch.get(position++));
      }
    };
  }
}

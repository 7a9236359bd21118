package org.gongkai.search.internal;

import java.io.IOException;
import java.util.Collection;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchIndex;

/** An index the search service keeps in step with the database, in whichever engine holds it. */
interface EngineIndex extends SearchIndex, AutoCloseable {

  /**
   * Adds or replaces without making it searchable yet, for catching up many documents; {@link
   * #commit()} after.
   */
  void putWithoutCommit(IndexedDocument document) throws IOException;

  /** Makes everything put so far searchable. */
  void commit() throws IOException;

  /**
   * Adds or replaces many documents, as a rebuild writes them (analysed in parallel where the
   * engine can), and makes them searchable; {@code onEach} after each is written.
   */
  default void putAll(Iterable<IndexedDocument> documents, Runnable onEach) throws IOException {
    for (IndexedDocument d : documents) {
      putWithoutCommit(d);
      onEach.run();
    }
    commit();
  }

  /** Removes many documents, made searchable once at the end. */
  default void removeAll(Collection<Long> documentIds) throws IOException {
    documentIds.forEach(this::remove);
  }

  /** Bytes the index takes on disk (over all copies, for a cluster), or -1 when unknown. */
  long diskBytes();

  @Override
  void close() throws IOException;
}

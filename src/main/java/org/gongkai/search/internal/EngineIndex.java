package org.gongkai.search.internal;

import java.io.IOException;
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

  /** Bytes the index takes on disk (over all copies, for a cluster), or -1 when unknown. */
  long diskBytes();

  @Override
  void close() throws IOException;
}

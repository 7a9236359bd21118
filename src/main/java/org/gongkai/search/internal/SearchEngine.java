package org.gongkai.search.internal;

import java.io.IOException;

/**
 * Where the search index lives: the embedded Lucene folder of one node, or an OpenSearch cluster
 * that every node shares ({@code gongkai.search.engine}).
 */
interface SearchEngine {

  /**
   * The index in use; throws when there is none, it cannot be read, or it was built to another
   * schema.
   */
  EngineIndex open() throws IOException;

  /** A new, empty index that replaces whatever was there. */
  EngineIndex createEmpty() throws IOException;

  /**
   * True when every node reads and writes the same index, so that no node follows the others'
   * publications.
   */
  boolean shared();
}

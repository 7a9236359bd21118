package org.gongkai.catalog;

import java.util.List;
import java.util.Set;

/**
 * Finds published documents by full text, for the console's document list. Implemented by the
 * search module; the catalog does without it (title match only) when there is none.
 */
public interface DocumentFinder {

  /** Ids of published documents of these agencies matching the query, best first. */
  List<Long> find(String query, Set<Long> agencyIds, int limit);
}

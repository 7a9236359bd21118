package org.gongkai.search;

import java.util.List;
import java.util.Map;

/**
 * The search port. It carries no Lucene types, so that a cluster can put OpenSearch behind it; the
 * index is always derivable from the database.
 */
public interface SearchIndex {

  /** Adds or replaces a document; searchable when this returns. */
  void put(IndexedDocument document);

  /** Removes a document; gone from results when this returns. */
  void remove(long documentId);

  /** Replaces the whole content, for a full rebuild; the old content answers until it is done. */
  void replaceAll(Iterable<IndexedDocument> documents, Runnable onEach);

  SearchResult search(SearchQuery query);

  List<String> suggestTitles(String prefix, int limit);

  /** Document id to the edition id the index holds, for the consistency check. */
  Map<Long, Long> indexedEditions();

  long size();

  /** Synonym groups applied at query time; replacing them needs no reindex. */
  void useSynonyms(List<List<String>> groups);
}

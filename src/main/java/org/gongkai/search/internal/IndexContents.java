package org.gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

/** What the embedded index holds, read outside a search: titles to suggest, editions indexed. */
final class IndexContents {

  private static final Sort BY_RELEVANCE =
      new Sort(
          SortField.FIELD_SCORE, new SortField(DocumentMapper.ID_SORT, SortField.Type.LONG, true));

  private IndexContents() {}

  /** Up to {@code limit} distinct titles of the documents matching {@code parsed}, best first. */
  static List<String> suggestTitles(
      IndexSearcher searcher, QueryFactory queries, PublicQuery parsed, int limit)
      throws IOException {
    Query query = queries.buildSuggesting(parsed, limit);
    TopDocs top = searcher.search(query, limit * 3, BY_RELEVANCE);
    Set<String> titles = new LinkedHashSet<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      titles.add(stored.document(sd.doc).get(DocumentMapper.STORED_TITLE));
      if (titles.size() >= limit) {
        break;
      }
    }
    return new ArrayList<>(titles);
  }

  /** Document id to the edition id indexed for it. */
  static Map<Long, Long> indexedEditions(IndexSearcher searcher) throws IOException {
    Map<Long, Long> result = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      // Column-wise values, read without decompressing each document's stored text; a
      // document written before the edition had one is read from its stored fields.
      NumericDocValues ids = leaf.reader().getNumericDocValues(DocumentMapper.ID_SORT);
      NumericDocValues editions = leaf.reader().getNumericDocValues(DocumentMapper.EDITION_VALUE);
      for (int i = 0; i < leaf.reader().maxDoc(); i++) {
        if (live == null || live.get(i)) {
          if (ids != null && editions != null && ids.advanceExact(i) && editions.advanceExact(i)) {
            result.put(ids.longValue(), editions.longValue());
          } else {
            Document d = stored.document(i, Set.of(DocumentMapper.ID, DocumentMapper.EDITION));
            result.put(
                Long.parseLong(d.get(DocumentMapper.ID)),
                d.getField(DocumentMapper.EDITION).numericValue().longValue());
          }
        }
      }
    }
    return result;
  }
}

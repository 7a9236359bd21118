package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class StableRankingTests {

  @Test
  void equalScoresKeepOneOrderWhateverTheSegmentsAre() throws Exception {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriter writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
    // the older documents in the first segment, so that Lucene's own tie-break puts them first
    for (int segment = 0; segment < 3; segment++) {
      for (int i = 0; i < 4; i++) {
        add(writer, segment * 4 + i);
      }
      writer.commit();
    }
    List<Long> split = ids(DirectoryReader.open(writer));
    writer.forceMerge(1);
    writer.close();
    List<Long> merged = ids(DirectoryReader.open(directory));

    assertThat(split).containsExactly(11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);
    assertThat(merged).isEqualTo(split);
  }

  @Test
  void higherScoresStayFirst() throws Exception {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < 3; i++) {
        add(writer, i);
      }
    }
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
    TopDocs top = searcher.search(new ConstantScoreQuery(new TermQuery(new Term("w", "same"))), 10);
    top.scoreDocs[0].score = 2f; // id 0, which would otherwise come last
    List<Long> ids = new ArrayList<>();
    for (ScoreDoc sd : StableRanking.order(searcher, top).scoreDocs) {
      ids.add(searcher.storedFields().document(sd.doc).getField("id").numericValue().longValue());
    }
    assertThat(ids).containsExactly(0L, 2L, 1L);
  }

  private static void add(IndexWriter writer, long id) throws Exception {
    Document d = new Document();
    d.add(new StringField("w", "same", Field.Store.NO));
    d.add(new NumericDocValuesField(DocumentMapper.ID_SORT, id));
    d.add(new StoredField("id", id));
    writer.addDocument(d);
  }

  private static List<Long> ids(DirectoryReader reader) throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    TopDocs top = searcher.search(new ConstantScoreQuery(new TermQuery(new Term("w", "same"))), 20);
    List<Long> ids = new ArrayList<>();
    for (ScoreDoc sd : StableRanking.order(searcher, top).scoreDocs) {
      ids.add(searcher.storedFields().document(sd.doc).getField("id").numericValue().longValue());
    }
    reader.close();
    return ids;
  }
}

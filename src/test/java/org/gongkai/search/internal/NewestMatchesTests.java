package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 20,000 documents, one a day, stored newest first in three segments as the platform's index is:
 * "common" in every one, "rare" in every 100th.
 */
class NewestMatchesTests {

  private static final int DOCS = 20_000;
  private static final long FIRST_DAY = 10_000;
  private static IndexSearcher searcher;

  @BeforeAll
  static void index() throws Exception {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
        .setIndexSort(LuceneEngine.INDEX_ORDER).setMaxBufferedDocs(7_000))) {
      for (int i = 0; i < DOCS; i++) {
        Document d = new Document();
        d.add(new StringField("w", "common", Field.Store.NO));
        if (i % 100 == 0) {
          d.add(new StringField("w", "rare", Field.Store.NO));
        }
        d.add(new NumericDocValuesField(DocumentMapper.PUBLISHED_SORT, FIRST_DAY + i));
        d.add(new NumericDocValuesField(DocumentMapper.ID_SORT, i));
        d.add(new StoredField("day", FIRST_DAY + i));
        writer.addDocument(d);
      }
    }
    searcher = new IndexSearcher(DirectoryReader.open(directory));
  }

  @Test
  void theUpperBoundComesFromThePostingsWithoutReadingThem() throws Exception {
    assertThat(NewestMatches.upperBound(searcher, new TermQuery(new Term("w", "common")))).isEqualTo(DOCS);
    assertThat(NewestMatches.upperBound(searcher, new TermQuery(new Term("w", "rare")))).isEqualTo(DOCS / 100);
    assertThat(NewestMatches.upperBound(searcher, new TermQuery(new Term("w", "absent")))).isZero();
  }

  @Test
  void aCommonQueryIsSearchedAmongItsNewestMatchesOnly() throws Exception {
    Query newest = NewestMatches.among(NewestMatches.Days.of(searcher.getIndexReader()), new TermQuery(new Term("w", "common")), 0.1);
    TopDocs all = searcher.search(newest, DOCS);
    assertThat((double) all.totalHits.value).isCloseTo(DOCS * 0.1, within(DOCS * 0.02));
    long oldestKept = Long.MAX_VALUE;
    for (ScoreDoc sd : all.scoreDocs) {
      oldestKept = Math.min(oldestKept, searcher.storedFields().document(sd.doc).getField("day").numericValue().longValue());
    }
    // every segment gives its newest tenth: what is kept is the newest tenth of the index, give or take a segment's spread
    assertThat(oldestKept).isGreaterThan(FIRST_DAY + DOCS * 8 / 10);
  }

  @Test
  void theWholeIndexIsSearchedWhenTheShareIsAllOfIt() throws Exception {
    Query common = new TermQuery(new Term("w", "common"));
    assertThat(NewestMatches.among(NewestMatches.Days.of(searcher.getIndexReader()), common, 1.0)).isSameAs(common);
    assertThat(searcher.count(NewestMatches.among(NewestMatches.Days.of(searcher.getIndexReader()), common, 0.999))).isGreaterThan(DOCS * 99 / 100);
  }

  @Test
  void knownMatchesFilterTheRankingPassToWhatTheCountingPassFound() throws Exception {
    MatchCounting.Counted rare = MatchCounting.count(searcher, new TermQuery(new Term("w", "rare")));
    Query ranked = new org.apache.lucene.search.BooleanQuery.Builder()
        .add(new TermQuery(new Term("w", "common")), org.apache.lucene.search.BooleanClause.Occur.MUST)
        .add(new KnownMatches(rare.matches(), searcher.getIndexReader().leaves().size()),
            org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .build();
    TopDocs top = searcher.search(ranked, 10);
    assertThat(top.totalHits.value).isEqualTo(DOCS / 100);
    for (ScoreDoc sd : top.scoreDocs) {
      long day = searcher.storedFields().document(sd.doc).getField("day").numericValue().longValue();
      assertThat((day - FIRST_DAY) % 100).isZero();
    }
  }
}

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
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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
    try (IndexWriter writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(new StandardAnalyzer())
                .setIndexSort(LuceneEngine.INDEX_ORDER)
                .setMaxBufferedDocs(7_000))) {
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
    assertThat(NewestMatches.upperBound(searcher, new TermQuery(new Term("w", "common"))))
        .isEqualTo(DOCS);
    assertThat(NewestMatches.upperBound(searcher, new TermQuery(new Term("w", "rare"))))
        .isEqualTo(DOCS / 100);
    assertThat(NewestMatches.upperBound(searcher, new TermQuery(new Term("w", "absent")))).isZero();
  }

  @Test
  void aCommonQueryIsSearchedAmongItsNewestMatchesOnly() throws Exception {
    Query common = new TermQuery(new Term("w", "common"));
    MatchCounting.Counted counted = MatchCounting.count(searcher, common);
    assertThat(counted.estimated()).isTrue();
    TopDocs kept =
        searcher.search(NewestMatches.among(searcher.getIndexReader(), common, counted), DOCS);
    assertThat((double) kept.totalHits.value)
        .isCloseTo(NewestMatches.POOL, within(NewestMatches.POOL * 0.2));
    // one document a day: what is kept is the newest days, give or take a slice
    assertThat(oldestDay(kept)).isGreaterThan(FIRST_DAY + DOCS - NewestMatches.POOL * 12 / 10);
  }

  @Test
  void aCommonQueryFilteredToOlderDaysKeepsTheNewestOfItsOwnMatches() throws Exception {
    long lastDay = FIRST_DAY + 16_000;
    Query older =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("w", "common")), BooleanClause.Occur.MUST)
            .add(
                NumericDocValuesField.newSlowRangeQuery(
                    DocumentMapper.PUBLISHED_SORT, FIRST_DAY, lastDay - 1),
                BooleanClause.Occur.FILTER)
            .build();
    MatchCounting.Counted counted = MatchCounting.count(searcher, older);
    assertThat(counted.estimated()).isTrue();
    TopDocs kept =
        searcher.search(NewestMatches.among(searcher.getIndexReader(), older, counted), DOCS);
    // the newest share of the whole index holds none of these matches; the newest of its own do
    assertThat((double) kept.totalHits.value)
        .isCloseTo(NewestMatches.POOL, within(NewestMatches.POOL * 0.2));
    assertThat(oldestDay(kept)).isGreaterThan(lastDay - NewestMatches.POOL * 12 / 10);
  }

  @Test
  void aQueryWithFewerMatchesThanThePoolIsSearchedWhole() throws Exception {
    Query rare = new TermQuery(new Term("w", "rare"));
    assertThat(
            NewestMatches.among(
                searcher.getIndexReader(), rare, MatchCounting.count(searcher, rare)))
        .isSameAs(rare);
  }

  private static long oldestDay(TopDocs top) throws Exception {
    long oldest = Long.MAX_VALUE;
    for (ScoreDoc sd : top.scoreDocs) {
      oldest =
          Math.min(
              oldest,
              searcher.storedFields().document(sd.doc).getField("day").numericValue().longValue());
    }
    return oldest;
  }

  @Test
  void knownMatchesFilterTheRankingPassToWhatTheCountingPassFound() throws Exception {
    MatchCounting.Counted rare =
        MatchCounting.count(searcher, new TermQuery(new Term("w", "rare")));
    Query ranked =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("w", "common")), BooleanClause.Occur.MUST)
            .add(
                new KnownMatches(rare.matches(), searcher.getIndexReader().leaves().size()),
                BooleanClause.Occur.FILTER)
            .build();
    TopDocs top = searcher.search(ranked, 10);
    assertThat(top.totalHits.value).isEqualTo(DOCS / 100);
    for (ScoreDoc sd : top.scoreDocs) {
      long day =
          searcher.storedFields().document(sd.doc).getField("day").numericValue().longValue();
      assertThat((day - FIRST_DAY) % 100).isZero();
    }
  }
}
